import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  dayNumber,
  Order,
  quantileType7,
  RfmScoring,
  scoreRfm,
  summariseOrders,
} from './rfm-scores';
import { RFM_PACKAGE, SegmentMap, segmentCustomers, summariseSegments } from './rfm-segments';

/** rfm's rfm_data_orders (fixtures/README.md). */
function rfmDataOrders(): Order[] {
  const [, ...lines] = readFileSync(join(__dirname, 'fixtures/rfm_data_orders.csv'), 'utf8')
    .trim()
    .split('\n');
  return lines.map((line) => {
    const [customerId, orderedOn, revenue] = line.split(',');
    return { customerId, orderedOn, amount: Number(revenue) };
  });
}

function scored(result: ReturnType<typeof scoreRfm>): RfmScoring {
  if (result.kind !== 'scored') throw new Error(result.detail);
  return result;
}

describe('scoreRfm reproduces the R package rfm 0.3.0 on its rfm_data_orders', () => {
  const asOf = '2006-12-31';
  const { summaries } = summariseOrders(rfmDataOrders(), asOf);
  const scoring = scored(scoreRfm(summaries, asOf, { rule: 'rfm-package' }));

  it('first customers as its README prints rfm_table_order(..., analysis_date = 2006-12-31)', () => {
    // github.com/rsquaredacademy/rfm README.md: 995 customers; customer_id, recency_days,
    // transaction_count, amount, recency_score ... and rfm_score (segments output).
    expect(scoring.customers).toBe(995);
    const first = scoring.scores
      .slice(0, 5)
      .map((s) => [
        s.customerId,
        s.recencyDays,
        s.frequency,
        s.monetary,
        s.r * 100 + s.f * 10 + s.m,
      ]);
    expect(first).toEqual([
      ["Abbey O'Reilly", 205, 6, 472, 343],
      ['Add Senger', 140, 3, 340, 412],
      ['Aden Lesch', 194, 4, 405, 323],
      ['Aden Murphy', 98, 7, 596, 544],
      ['Admiral Senger', 132, 5, 448, 433],
    ]);
  });

  it('segment summary of the README map equals rfm_segment_summary() in its reference docs', () => {
    // docs/reference/rfm_segment_summary.html (rfm 0.3.0 pkgdown): segment, customers, orders,
    // revenue, aov.
    const summary = summariseSegments(segmentCustomers(scoring, RFM_PACKAGE), RFM_PACKAGE);
    const published: Record<string, [number, number, number, number]> = {
      'About To Sleep': [102, 283, 23449, 82.9],
      'At Risk': [28, 216, 22227, 103],
      "Can't Lose Them": [47, 274, 32446, 118],
      Champions: [35, 316, 31646, 100],
      Lost: [148, 393, 35324, 89.9],
      'Loyal Customers': [170, 799, 76562, 95.8],
      'Need Attention': [10, 57, 4562, 80],
      'New Customers': [104, 329, 28837, 87.6],
      'Potential Loyalist': [342, 2211, 204856, 92.6],
      Promising: [9, 28, 4249, 152],
    };
    expect(summary.map((s) => s.segment).sort()).toEqual(Object.keys(published).sort());
    for (const s of summary) {
      const [customers, orders, revenue, aov] = published[s.segment];
      expect([s.customers, s.orders, s.revenue]).toEqual([customers, orders, revenue]);
      // rfm reports aov = round(revenue / orders, 2), printed to 3 significant digits rounding
      // half to even (87.65 shows as 87.6): within half a unit of the last printed digit.
      const rounded = Math.round(s.averageOrderValue * 100) / 100;
      const halfUnit = aov >= 100 ? 0.5 : 0.05;
      expect(Math.abs(rounded - aov)).toBeLessThanOrEqual(halfUnit + 1e-9);
    }
    const [first] = segmentCustomers(scoring, RFM_PACKAGE);
    expect(first.segment).toBe('Potential Loyalist'); // README: Abbey O'Reilly, Potential Loya~
  });

  it("and its test suite's map: Champions are 158 customers, 1234 orders, 120178 revenue", () => {
    // rfm tests/testthat/test-rfm-segment.R (https://rdrr.io/cran/rfm/src/tests/testthat/test-rfm-segment.R).
    const names = [
      'Champions',
      'Loyal Customers',
      'Potential Loyalist',
      'New Customers',
      'Promising',
      'Need Attention',
      'About To Sleep',
      'At Risk',
      "Can't Lose Them",
      'Lost',
    ];
    const rLow = [4, 2, 3, 4, 3, 2, 2, 1, 1, 1];
    const rHigh = [5, 5, 5, 5, 4, 3, 3, 2, 1, 2];
    const fmLow = [4, 3, 1, 1, 1, 2, 1, 2, 4, 1];
    const fmHigh = [5, 5, 3, 1, 1, 3, 2, 5, 5, 2];
    const map: SegmentMap = {
      id: 'rfm-tests',
      source: 'rfm test-rfm-segment.R',
      fallback: 'Others',
      boxes: names.map((name, i) => ({
        name,
        recency: [rLow[i], rHigh[i]],
        frequency: [fmLow[i], fmHigh[i]],
        monetary: [fmLow[i], fmHigh[i]],
      })),
    };
    const champions = summariseSegments(segmentCustomers(scoring, map), map).find(
      (s) => s.segment === 'Champions',
    );
    expect(champions).toMatchObject({ customers: 158, orders: 1234, revenue: 120178 });
  });

  it("the default 'quantile' rule differs from the package only for values within one unit above a threshold", () => {
    const quantile = scored(scoreRfm(summaries, asOf));
    const between = (v: number, thresholds: readonly number[]) =>
      thresholds.some((t) => v > t && v < t + 1);
    let differing = 0;
    quantile.scores.forEach((q, i) => {
      const p = scoring.scores[i];
      if (q.r !== p.r) expect(between(q.recencyDays, quantile.thresholds.recencyDays)).toBe(true);
      if (q.f !== p.f) expect(between(q.frequency, quantile.thresholds.frequency)).toBe(true);
      if (q.m !== p.m) expect(between(q.monetary, quantile.thresholds.monetary)).toBe(true);
      if (q.r !== p.r || q.f !== p.f || q.m !== p.m) differing++;
    });
    // Monetary thresholds 254.8 and 505.4 are fractional: spends of 255 and 506 move up one score.
    expect(quantile.thresholds.monetary).toEqual([254.8, 381, 505.4, 665]);
    expect(differing).toBeGreaterThan(0);
  });
});

describe('scoreRfm on hand-computed examples', () => {
  const summary = (customerId: string, lastPurchaseOn: string, orders: number, spend: number) => ({
    customerId,
    lastPurchaseOn,
    orders,
    spend,
  });

  it('gives two of ten customers with distinct values each score, recent ones the high R', () => {
    // Recency 1..10 days before 2024-03-11, frequency 1..10, spend 10..100.
    const summaries = Array.from({ length: 10 }, (_, i) =>
      summary(`c${i}`, `2024-03-${String(10 - i).padStart(2, '0')}`, i + 1, 10 * (i + 1)),
    );
    const scoring = scored(scoreRfm(summaries, '2024-03-11'));
    // Type-7 quintiles of 1..10: 2.8, 4.6, 6.4, 8.2.
    expect(scoring.thresholds.frequency.map((t) => Number(t.toFixed(10)))).toEqual([
      2.8, 4.6, 6.4, 8.2,
    ]);
    expect(scoring.scores.map((s) => s.f)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(scoring.scores.map((s) => s.m)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(scoring.scores.map((s) => s.recencyDays)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(scoring.scores.map((s) => s.r)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it('gives tied values the same score, whatever their ids', () => {
    // Frequencies 1,1,1,1,1,1,2,3,4,5: thresholds 1, 1, 1.4, 3.2 -> every 1 scores 1.
    const freq = [1, 1, 1, 1, 1, 1, 2, 3, 4, 5];
    const summaries = freq.map((f, i) => summary(`z${9 - i}`, '2024-01-01', f, 100));
    const scoring = scored(scoreRfm(summaries, '2024-01-31'));
    const byId = new Map(scoring.scores.map((s) => [s.customerId, s]));
    expect(freq.map((_, i) => byId.get(`z${9 - i}`)!.f)).toEqual([1, 1, 1, 1, 1, 1, 4, 4, 5, 5]);
    // Everyone spent 100 and bought on the same day: one score for all, the top one for R.
    expect(new Set(scoring.scores.map((s) => s.m))).toEqual(new Set([1]));
    expect(new Set(scoring.scores.map((s) => s.r))).toEqual(new Set([5]));
  });

  it('counts only orders up to asOf, so one history answers for any date', () => {
    const orders = [
      { customerId: 'a', orderedOn: '2024-01-05', amount: 10 },
      { customerId: 'a', orderedOn: '2024-02-20', amount: 30 },
      { customerId: 'b', orderedOn: '2024-02-01', amount: 5 },
      { customerId: 'c', orderedOn: '2024-03-01', amount: 7 },
      { customerId: 'c', orderedOn: 'not a date', amount: 7 },
    ];
    const { summaries, skippedOrders } = summariseOrders(orders, '2024-02-10');
    expect(summaries).toEqual([
      { customerId: 'a', lastPurchaseOn: '2024-01-05', orders: 1, spend: 10 },
      { customerId: 'b', lastPurchaseOn: '2024-02-01', orders: 1, spend: 5 },
    ]);
    expect(skippedOrders).toBe(1);
  });

  it('says when there are too few customers, and leaves out purchases after asOf', () => {
    const result = scoreRfm(
      [summary('a', '2024-01-01', 1, 1), summary('b', '2024-05-01', 1, 1)],
      '2024-02-01',
    );
    expect(result).toMatchObject({
      kind: 'cannot-score',
      reason: 'too-few-customers',
      customers: 1,
    });
    expect(scoreRfm([], '2024-02-30')).toMatchObject({
      kind: 'cannot-score',
      reason: 'invalid-input',
    });
  });

  it('counts calendar days across a leap day and type-7 quantiles interpolate', () => {
    expect(dayNumber('2024-03-01')! - dayNumber('2024-02-28')!).toBe(2);
    expect(dayNumber('2023-02-29')).toBeUndefined();
    expect(quantileType7(Float64Array.from([1, 2, 3, 4]), 0.5)).toBe(2.5);
  });
});
