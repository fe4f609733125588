/**
 * Calibration/holdout comparison as in the BG/NBD paper (Fader, Hardie & Lee 2005, §4, Figure 4:
 * 39 calibration weeks to 1997-09-30, 39 holdout weeks to 1998-06-30, buckets 0..7+), on the
 * CDNOW transaction log. The actual side (customers and mean holdout purchases per bucket) is
 * published in the BTYD package's walkthrough (CRAN BTYD, vignette "Buy 'Til You Die - A
 * Walkthrough", holdout comparison matrix, rows "act" and "bin":
 * act 0.237 0.697 1.393 1.560 2.532 2.947 3.862 6.359; bin 1411 439 214 100 62 38 29 64).
 * The boundary cases are lifetimes' tests/test_utils.py (commit 4f2833f), cited by line.
 */
import { conditionalExpectedPurchases } from './bg-nbd';
import { calibrationHoldout } from './calibration-holdout';
import { cdnowTransactions, exampleTransactions } from './fixtures/cdnow';
import { summarisePurchases } from './purchase-summaries';
import type { Transaction } from './purchase-summaries';

describe('calibrationHoldout on CDNOW', () => {
  const result = calibrationHoldout(cdnowTransactions(), {
    calibrationEnd: '1997-09-30',
    holdoutEnd: '1998-06-30',
  });

  it("finds the walkthrough's bucket sizes and actual holdout purchases per bucket", () => {
    expect(result.holdoutLength).toBe(39);
    expect(result.buckets.map((b) => b.label)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    expect(result.buckets.map((b) => b.customers)).toEqual([1411, 439, 214, 100, 62, 38, 29, 64]);
    const act = [0.237, 0.697, 1.393, 1.56, 2.532, 2.947, 3.862, 6.359];
    result.buckets.forEach((b, i) => expect(b.actualMean).toBeCloseTo(act[i], 3));
    expect(result.totals).toMatchObject({ customers: 2357, actual: 1882 });
    expect(result.customersFirstSeenInHoldout).toBe(0);
  });

  it("fits the paper's parameters on the calibration period and sums each customer's expectation", () => {
    expect(result.fit.status).toBe('fitted');
    if (result.fit.status !== 'fitted') return;
    // Unrounded weeks here (the CSV rounds to 0.01): the same estimates at the paper's precision.
    expect(result.fit.params.r).toBeCloseTo(0.243, 3);
    expect(result.fit.params.alpha).toBeCloseTo(4.414, 3);
    expect(result.fit.params.a).toBeCloseTo(0.793, 3);
    expect(result.fit.params.b).toBeCloseTo(2.426, 3);
    const first = result.customers[0];
    expect(first.expectedHoldoutPurchases).toBeCloseTo(
      conditionalExpectedPurchases(result.fit.params, first, 39),
      12,
    );
    const perBucket = result.buckets.reduce((s, b) => s + b.expectedTotal, 0);
    expect(result.totals.expected).toBeCloseTo(perBucket, 9);
    // The paper's Figure 4: expectations track the actual means, rising with calibration frequency.
    result.buckets.slice(1).forEach((b, i) => {
      expect(b.expectedMean).toBeGreaterThan(result.buckets[i].expectedMean);
    });
    result.buckets.forEach((b) => {
      expect(Math.abs(b.expectedMean - b.actualMean)).toBeLessThan(0.4);
    });
  });

  it('uses given parameters instead of fitting, with the calibration log-likelihood under them', () => {
    const given = calibrationHoldout(cdnowTransactions(), {
      calibrationEnd: '1997-09-30',
      holdoutEnd: '1998-06-30',
      params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
    });
    expect(given.fit).toMatchObject({ status: 'fitted', iterations: 0, customers: 2357 });
    expect(given.fit.status === 'fitted' && given.fit.logLikelihood).toBeCloseTo(-9582.4, 0);
  });
});

describe("calibrationHoldout on lifetimes' example transactions (Quickstart, docs/Quickstart.md l.158-205)", () => {
  const transactions = exampleTransactions();
  const result = calibrationHoldout(transactions, {
    calibrationEnd: '2014-09-01',
    holdoutEnd: '2014-12-31',
    daysPerUnit: 1,
  });

  it('builds the Quickstart summary_cal_holdout rows (frequency_cal, recency_cal, T_cal, holdout, duration)', () => {
    expect(result.holdoutLength).toBe(121);
    expect(
      result.customers
        .slice(0, 5)
        .map((c) => [
          Number(c.customerId),
          c.frequency,
          c.recency,
          c.age,
          c.actualHoldoutPurchases,
        ]),
    ).toEqual([
      [0, 0, 0, 177, 0],
      [1, 0, 0, 103, 0],
      [2, 6, 142, 171, 0],
      [3, 0, 0, 26, 0],
      [4, 2, 9, 62, 0],
    ]);
  });

  it('predicts 0.0576511 purchases in 10 days for summary.iloc[20] with the calibration fit', () => {
    // The Quickstart fits bgf on the _cal columns, then predicts for the full-period summary's
    // 21st customer. Ours is 0.05765117: within one unit of the printed last digit, not half of
    // one (the two optimisers' stopping points differ in the seventh digit).
    if (result.fit.status !== 'fitted') throw new Error('calibration fit failed');
    const summary = summarisePurchases(transactions, '2014-12-31', { daysPerUnit: 1 })[20];
    const predicted = conditionalExpectedPurchases(result.fit.params, summary, 10);
    expect(Math.abs(predicted - 0.0576511)).toBeLessThan(1e-7);
  });
});

describe('calibrationHoldout period boundaries', () => {
  // lifetimes' large_transaction_level_data fixture (test_utils.py l.51-66), in days.
  const transactions: Transaction[] = [
    ['1', '2015-01-01'],
    ['1', '2015-02-06'],
    ['2', '2015-01-01'],
    ['3', '2015-01-01'],
    ['3', '2015-01-02'],
    ['3', '2015-01-05'],
    ['4', '2015-01-16'],
    ['4', '2015-02-02'],
    ['4', '2015-02-05'],
    ['5', '2015-01-16'],
    ['5', '2015-01-17'],
    ['5', '2015-01-18'],
    ['6', '2015-02-02'],
  ].map(([customerId, date]) => ({ customerId, date }));
  const holdoutOf = (result: ReturnType<typeof calibrationHoldout>, id: string) =>
    result.customers.find((c) => c.customerId === id)?.actualHoldoutPurchases;

  it('counts holdout purchases after the calibration end and leaves out customers who start later (l.374-384)', () => {
    const result = calibrationHoldout(transactions, {
      calibrationEnd: '2015-02-01',
      holdoutEnd: '2015-02-07',
      daysPerUnit: 1,
      // Six customers: below the default minimum of ten repeat buyers, which is not the point here.
      fit: { minimumRepeatCustomers: 1 },
    });
    expect(holdoutOf(result, '1')).toBe(1);
    expect(holdoutOf(result, '2')).toBe(0);
    expect(result.customers.map((c) => c.customerId)).not.toContain('6');
    expect(result.customersFirstSeenInHoldout).toBe(1);
    expect(result.holdoutLength).toBe(6);
  });

  it('leaves purchases after the holdout end out of both periods (l.432-454)', () => {
    const result = calibrationHoldout(transactions, {
      calibrationEnd: '2015-02-01',
      holdoutEnd: '2015-02-04',
      daysPerUnit: 1,
      // Six customers: below the default minimum of ten repeat buyers, which is not the point here.
      fit: { minimumRepeatCustomers: 1 },
    });
    expect(holdoutOf(result, '1')).toBe(0);
    expect(holdoutOf(result, '4')).toBe(1);
  });

  it('reports a calibration period the model cannot fit instead of comparing', () => {
    const oneTimers = calibrationHoldout([{ customerId: 'a', date: '2015-01-01' }], {
      calibrationEnd: '2015-02-01',
      holdoutEnd: '2015-03-01',
    });
    expect(oneTimers.fit).toMatchObject({ status: 'cannot-fit', reason: 'no-repeat-purchases' });
    expect(oneTimers.buckets).toEqual([]);
    expect(oneTimers.totals).toEqual({ customers: 1, actual: 0, expected: 0 });
  });
});
