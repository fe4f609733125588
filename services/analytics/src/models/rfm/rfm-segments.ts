/**
 * Named customer segments from RFM scores, by published segment maps, and a per-segment summary.
 * A map is an ordered list of score boxes; a customer gets the first box that contains it, or the
 * map's fallback. Both shipped maps are JSON-able data, so a tenant's own map is just another one.
 *
 * - RF_GRID: the 5 x 5 recency-by-frequency grid with ten named regions used by the widely
 *   copied pandas RFM recipe (`seg_map = {r'[1-2][1-2]': 'hibernating', r'[1-2][3-4]': 'at_Risk',
 *   r'[1-2]5': 'cant_loose', r'3[1-2]': 'about_to_sleep', r'33': 'need_attention',
 *   r'[3-4][4-5]': 'loyal_customers', r'41': 'promising', r'51': 'new_customers',
 *   r'[4-5][2-3]': 'potential_loyalists', r'5[4-5]': 'champions'}`, keys being R then F). It
 *   partitions the 25 cells, so order does not matter and there is no fallback in practice.
 * - RFM_PACKAGE: the example map of the R package rfm 0.3.0 (README and ?rfm_segment, github.com/
 *   rsquaredacademy/rfm): ten segments on R, F and M ranges, first match wins, else "Others".
 *
 * The 11-name list often quoted (Champions ... Hibernating, Lost; Putler's "RFM analysis" table)
 * is defined on R and the average of F and M with overlapping ranges, so it is not a function of
 * the scores without an order; it is not shipped (see README.md).
 */
import { CustomerRfm, RfmScoring } from './rfm-scores';

export type ScoreRange = readonly [number, number];

export interface SegmentBox {
  readonly name: string;
  readonly recency: ScoreRange;
  readonly frequency: ScoreRange;
  /** Absent: any monetary score. */
  readonly monetary?: ScoreRange;
}

export interface SegmentMap {
  readonly id: string;
  readonly source: string;
  readonly boxes: readonly SegmentBox[];
  readonly fallback: string;
}

export const RF_GRID: SegmentMap = {
  id: 'rf-grid',
  source: 'R x F grid of the common pandas RFM recipe (seg_map by regular expressions on R, F)',
  boxes: [
    { name: 'Hibernating', recency: [1, 2], frequency: [1, 2] },
    { name: 'At Risk', recency: [1, 2], frequency: [3, 4] },
    { name: "Can't Lose Them", recency: [1, 2], frequency: [5, 5] },
    { name: 'About To Sleep', recency: [3, 3], frequency: [1, 2] },
    { name: 'Need Attention', recency: [3, 3], frequency: [3, 3] },
    { name: 'Loyal Customers', recency: [3, 4], frequency: [4, 5] },
    { name: 'Promising', recency: [4, 4], frequency: [1, 1] },
    { name: 'New Customers', recency: [5, 5], frequency: [1, 1] },
    { name: 'Potential Loyalist', recency: [4, 5], frequency: [2, 3] },
    { name: 'Champions', recency: [5, 5], frequency: [4, 5] },
  ],
  fallback: 'Others',
};

export const RFM_PACKAGE: SegmentMap = {
  id: 'rfm-package',
  source: 'R package rfm 0.3.0, README / ?rfm_segment example (github.com/rsquaredacademy/rfm)',
  boxes: [
    { name: 'Champions', recency: [5, 5], frequency: [5, 5], monetary: [5, 5] },
    { name: 'Potential Loyalist', recency: [3, 5], frequency: [3, 5], monetary: [2, 5] },
    { name: 'Loyal Customers', recency: [2, 4], frequency: [2, 4], monetary: [2, 4] },
    { name: 'Promising', recency: [3, 4], frequency: [1, 3], monetary: [3, 5] },
    { name: 'New Customers', recency: [4, 5], frequency: [1, 3], monetary: [1, 5] },
    { name: "Can't Lose Them", recency: [1, 2], frequency: [3, 4], monetary: [4, 5] },
    { name: 'At Risk', recency: [1, 2], frequency: [2, 5], monetary: [4, 5] },
    { name: 'Need Attention', recency: [1, 3], frequency: [3, 5], monetary: [3, 5] },
    { name: 'About To Sleep', recency: [2, 3], frequency: [1, 3], monetary: [1, 4] },
    { name: 'Lost', recency: [1, 1], frequency: [1, 5], monetary: [1, 5] },
  ],
  fallback: 'Others',
};

const within = (score: number, range: ScoreRange | undefined) =>
  range === undefined || (score >= range[0] && score <= range[1]);

export function segmentOf(map: SegmentMap, scores: Pick<CustomerRfm, 'r' | 'f' | 'm'>): string {
  for (const box of map.boxes) {
    if (
      within(scores.r, box.recency) &&
      within(scores.f, box.frequency) &&
      within(scores.m, box.monetary)
    ) {
      return box.name;
    }
  }
  return map.fallback;
}

export interface CustomerSegment extends CustomerRfm {
  readonly segment: string;
}

export function segmentCustomers(scoring: RfmScoring, map: SegmentMap): CustomerSegment[] {
  return scoring.scores.map((s) => ({ ...s, segment: segmentOf(map, s) }));
}

export interface SegmentSummary {
  readonly segment: string;
  readonly customers: number;
  readonly orders: number;
  readonly revenue: number;
  /** Average order value: revenue / orders. */
  readonly averageOrderValue: number;
}

/** Per segment in the map's order (then the fallback), as rfm's rfm_segment_summary counts. */
export function summariseSegments(
  customers: readonly CustomerSegment[],
  map: SegmentMap,
): SegmentSummary[] {
  const names = [...new Set([...map.boxes.map((b) => b.name), map.fallback])];
  const totals = new Map(names.map((name) => [name, { customers: 0, orders: 0, revenue: 0 }]));
  for (const c of customers) {
    const t = totals.get(c.segment);
    if (!t) continue;
    t.customers++;
    t.orders += c.frequency;
    t.revenue += c.monetary;
  }
  return names
    .map((segment) => ({ segment, ...totals.get(segment)! }))
    .filter((s) => s.customers > 0)
    .map((s) => ({ ...s, averageOrderValue: s.revenue / s.orders }));
}
