/**
 * Movement between segments from one asOf date to a later one: a transition matrix of customer
 * counts (row = segment at the first date, column = segment at the second), with "Not a
 * customer" for someone without a purchase by the first date (a newcomer) or missing at the
 * second (erased, merged away). Row shares give the empirical transition probabilities, the
 * usual first-order Markov reading of segment migration (Pfeifer & Carraway 2000, Journal of
 * Interactive Marketing 14(2):43).
 */

export const NOT_A_CUSTOMER = 'Not a customer';

export interface SegmentMembership {
  readonly customerId: string;
  readonly segment: string;
}

export interface SegmentTransitions {
  /** Row and column labels, in the order given, then any others seen, then NOT_A_CUSTOMER. */
  readonly segments: readonly string[];
  /** counts[from][to]. */
  readonly counts: readonly (readonly number[])[];
  /** counts divided by their row total (0 for an empty row). */
  readonly rowShares: readonly (readonly number[])[];
  /** Customers whose segment differs between the dates (newcomers and leavers included). */
  readonly moved: number;
  readonly stayed: number;
}

export function segmentTransitions(
  before: readonly SegmentMembership[],
  after: readonly SegmentMembership[],
  segmentOrder: readonly string[] = [],
): SegmentTransitions {
  const seen = new Set(segmentOrder);
  const extra: string[] = [];
  for (const m of [...before, ...after]) {
    if (!seen.has(m.segment) && m.segment !== NOT_A_CUSTOMER) {
      seen.add(m.segment);
      extra.push(m.segment);
    }
  }
  const segments = [
    ...segmentOrder.filter((s) => s !== NOT_A_CUSTOMER),
    ...extra.sort(),
    NOT_A_CUSTOMER,
  ];
  const index = new Map(segments.map((s, i) => [s, i]));
  const counts = segments.map(() => segments.map(() => 0));

  const earlier = new Map(before.map((m) => [m.customerId, m.segment]));
  const later = new Map(after.map((m) => [m.customerId, m.segment]));
  let moved = 0;
  let stayed = 0;
  for (const customerId of new Set([...earlier.keys(), ...later.keys()])) {
    const from = earlier.get(customerId) ?? NOT_A_CUSTOMER;
    const to = later.get(customerId) ?? NOT_A_CUSTOMER;
    counts[index.get(from)!][index.get(to)!]++;
    if (from === to) stayed++;
    else moved++;
  }
  const rowShares = counts.map((row) => {
    const total = row.reduce((s, c) => s + c, 0);
    return row.map((c) => (total === 0 ? 0 : c / total));
  });
  return { segments, counts, rowShares, moved, stayed };
}
