/**
 * Transactions -> (x, t_x, T, average repeat value), checked against:
 * - the CDNOW sample's published summary (lifetimes' datasets/cdnow_customers_summary_with_transactions.csv,
 *   Hardie's x, t_x, T, zbar in weeks at two decimals) built from its transaction log
 *   (datasets/CDNOW_sample.txt) with the calibration period ending 1997-09-30;
 * - lifetimes' tests/test_utils.py (CamDavidsonPilon/lifetimes, commit 4f2833f), cited by line.
 */
import { cdnowSummaryWithMonetaryValue, cdnowTransactions } from './fixtures/cdnow';
import { dayNumber, summarisePurchases, type Transaction } from './purchase-summaries';

const tx = (customerId: string, date: string, value?: number): Transaction => ({
  customerId,
  date,
  value,
});

describe('summarisePurchases', () => {
  it("rebuilds Hardie's CDNOW summary (2,357 customers, weeks) from the transaction log", () => {
    const ours = summarisePurchases(cdnowTransactions(), '1997-09-30', { daysPerUnit: 7 });
    const published = cdnowSummaryWithMonetaryValue();
    expect(ours).toHaveLength(2357);
    // Published at two decimals; 22.345 prints as 22.35 there, so half a cent plus float noise.
    const printed = 0.005 + 1e-9;
    ours.forEach((c, i) => {
      const p = published[i];
      expect(c.customerId).toBe(String(p.id));
      expect(c.frequency).toBe(p.frequency);
      expect(Math.abs(c.recency - p.recency)).toBeLessThanOrEqual(printed);
      expect(Math.abs(c.age - p.age)).toBeLessThanOrEqual(printed);
      expect(Math.abs(c.averageRepeatValue - p.monetaryValue)).toBeLessThanOrEqual(printed);
    });
  });

  it("matches the paper's spend statistics of the 946 repeat buyers: test_utils.py l.352-371", () => {
    // Transactions before 1997-10-01; mean 35, std 30, min 3, median 27, max 300 (rounded).
    const repeat = summarisePurchases(cdnowTransactions(), '1997-09-30')
      .filter((c) => c.frequency > 0)
      .map((c) => c.averageRepeatValue)
      .sort((a, b) => a - b);
    const n = repeat.length;
    const mean = repeat.reduce((s, v) => s + v, 0) / n;
    const std = Math.sqrt(repeat.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
    const median = (repeat[(n - 1) >> 1] + repeat[n >> 1]) / 2;
    expect(n).toBe(946);
    expect(Math.round(mean)).toBe(35);
    expect(Math.round(std)).toBe(30);
    expect(Math.round(repeat[0])).toBe(3);
    expect(Math.round(median)).toBe(27);
    expect(Math.round(repeat[n - 1])).toBe(300);
  });

  it('counts days: frequency, recency and age in days with daysPerUnit 1 (test_utils.py l.239-247)', () => {
    const transactions = [
      tx('1', '2015-02-01'),
      tx('1', '2015-02-06'),
      tx('2', '2015-01-01'),
      tx('3', '2015-01-01'),
      tx('3', '2015-01-02'),
      tx('3', '2015-01-05'),
    ];
    expect(summarisePurchases(transactions, '2015-02-07', { daysPerUnit: 1 })).toEqual([
      { customerId: '1', frequency: 1, recency: 5, age: 6, averageRepeatValue: 0 },
      { customerId: '2', frequency: 0, recency: 0, age: 37, averageRepeatValue: 0 },
      { customerId: '3', frequency: 2, recency: 4, age: 37, averageRepeatValue: 0 },
    ]);
  });

  it('averages the repeat purchases only, whatever the input order (test_utils.py l.311-349)', () => {
    const unordered = [
      tx('2', '2014-04-09', 20),
      tx('2', '2014-03-14', 10),
      tx('2', '2014-05-21', 25),
    ];
    const [summary] = summarisePurchases(unordered, '2014-06-01', { daysPerUnit: 1 });
    expect(summary.averageRepeatValue).toBe(22.5);
    expect(summary.frequency).toBe(2);
  });

  it('counts purchases on one day as one, adding their values (test_utils.py l.472-475)', () => {
    const sameDay = [
      tx('1', '2015-01-01', 5),
      tx('1', '2015-01-01', 7),
      tx('1', '2015-01-03', 4),
      tx('1', '2015-01-03', 6),
    ];
    expect(summarisePurchases(sameDay, '2015-01-10', { daysPerUnit: 1 })).toEqual([
      { customerId: '1', frequency: 1, recency: 2, age: 9, averageRepeatValue: 10 },
    ]);
  });

  it('ignores purchases after the observation end and customers who start after it', () => {
    const transactions = [tx('1', '2015-01-01'), tx('1', '2015-03-01'), tx('2', '2015-02-15')];
    expect(summarisePurchases(transactions, '2015-01-31', { daysPerUnit: 1 })).toEqual([
      { customerId: '1', frequency: 0, recency: 0, age: 30, averageRepeatValue: 0 },
    ]);
  });
});

describe('dayNumber', () => {
  it('counts days across a leap day and refuses what is not a calendar date', () => {
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2);
    expect(dayNumber('1970-01-01')).toBe(0);
    for (const bad of ['2023-02-29', '2024-13-01', '24-01-01', '2024-01-01T10:00', '0050-01-01']) {
      expect(() => dayNumber(bad)).toThrow(RangeError);
    }
  });
});
