/**
 * Recency, frequency and monetary value per customer at an `asOf` date, scored 1-5 by quintiles
 * over the tenant's customers (Hughes 1994, "Strategic Database Marketing": the RFM quintile
 * method). Dates are calendar dates (YYYY-MM-DD) passed in; nothing reads a clock.
 *
 * Thresholds are the empirical quantiles at 20, 40, 60, 80 % (R's default type-7 interpolation,
 * Hyndman & Fan 1996). Ties: equal values always get equal scores, whatever their order or ids;
 * so with many ties a score can hold more or fewer than a fifth of the customers. Two rules for
 * a value sitting exactly between thresholds, both deterministic:
 * - 'quantile' (default): a value at or below the k-th threshold scores at most k; i.e. for
 *   frequency and monetary score = 1 + #{k : value > t_k}, recency reversed (fewer days = 5).
 * - 'rfm-package': the R package rfm 0.3.0's rule (rfm_table_order), bins [t_(k-1) + 1, t_k + 1),
 *   i.e. score = 1 + #{k : value >= t_k + 1}: a value less than one unit above a threshold still
 *   counts as at it. It reproduces that package's published results exactly.
 */

export interface Order {
  readonly customerId: string;
  /** YYYY-MM-DD. */
  readonly orderedOn: string;
  readonly amount: number;
}

/** The sufficient statistics the read model keeps per customer. */
export interface CustomerSummary {
  readonly customerId: string;
  /** YYYY-MM-DD of the latest order counted. */
  readonly lastPurchaseOn: string;
  readonly orders: number;
  readonly spend: number;
}

export type ScoringRule = 'quantile' | 'rfm-package';

export interface RfmOptions {
  /** Default 'quantile'. */
  readonly rule?: ScoringRule;
  /** Number of score levels, default 5 (quintiles). */
  readonly bins?: number;
  /** Fewer customers than this cannot be scored (default: bins). */
  readonly minimumCustomers?: number;
}

export interface CustomerRfm {
  readonly customerId: string;
  readonly recencyDays: number;
  readonly frequency: number;
  readonly monetary: number;
  /** 1..bins, higher is better for all three (recent, frequent, big spender). */
  readonly r: number;
  readonly f: number;
  readonly m: number;
}

export interface RfmScoring {
  readonly kind: 'scored';
  readonly asOf: string;
  readonly rule: ScoringRule;
  readonly bins: number;
  readonly customers: number;
  /** Customers left out because their last purchase is after asOf. */
  readonly excludedAfterAsOf: number;
  /** The bins - 1 quantile thresholds of each measure, ascending. */
  readonly thresholds: {
    readonly recencyDays: readonly number[];
    readonly frequency: readonly number[];
    readonly monetary: readonly number[];
  };
  /** Sorted by customerId. */
  readonly scores: readonly CustomerRfm[];
}

export interface RfmCannotScore {
  readonly kind: 'cannot-score';
  readonly reason: 'too-few-customers' | 'invalid-input';
  readonly detail: string;
  readonly asOf: string;
  readonly customers: number;
}

export type RfmResult = RfmScoring | RfmCannotScore;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a YYYY-MM-DD date, or undefined when it is not a real date. */
export function dayNumber(date: string): number | undefined {
  const match = DATE.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const back = new Date(time);
  if (
    back.getUTCFullYear() !== year ||
    back.getUTCMonth() !== month - 1 ||
    back.getUTCDate() !== day
  ) {
    return undefined;
  }
  return time / 86_400_000;
}

/**
 * Per-customer summaries of the orders placed on or before asOf (later orders are ignored, so
 * one order history answers for any asOf). Orders with a date that is not YYYY-MM-DD are skipped
 * and counted.
 */
export function summariseOrders(
  orders: readonly Order[],
  asOf: string,
): { readonly summaries: CustomerSummary[]; readonly skippedOrders: number } {
  const limit = dayNumber(asOf);
  const byCustomer = new Map<
    string,
    { last: string; lastDay: number; orders: number; spend: number }
  >();
  let skippedOrders = 0;
  for (const order of orders) {
    const day = dayNumber(order.orderedOn);
    if (day === undefined || limit === undefined || !Number.isFinite(order.amount)) {
      skippedOrders++;
      continue;
    }
    if (day > limit) continue;
    const current = byCustomer.get(order.customerId);
    if (!current) {
      byCustomer.set(order.customerId, {
        last: order.orderedOn,
        lastDay: day,
        orders: 1,
        spend: order.amount,
      });
      continue;
    }
    current.orders++;
    current.spend += order.amount;
    if (day > current.lastDay) {
      current.lastDay = day;
      current.last = order.orderedOn;
    }
  }
  const summaries = [...byCustomer.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([customerId, s]) => ({
      customerId,
      lastPurchaseOn: s.last,
      orders: s.orders,
      spend: s.spend,
    }));
  return { summaries, skippedOrders };
}

/** The type-7 quantile (R's default) of ascending `sorted` at probability `probability`. */
export function quantileType7(sorted: Float64Array, probability: number): number {
  const h = (sorted.length - 1) * probability;
  const low = Math.floor(h);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
}

function thresholdsOf(values: Float64Array, bins: number): number[] {
  const sorted = Float64Array.from(values).sort();
  return Array.from({ length: bins - 1 }, (_, k) => quantileType7(sorted, (k + 1) / bins));
}

/** 1..bins with higher values scoring higher. */
function scoreOf(value: number, thresholds: readonly number[], rule: ScoringRule): number {
  let above = 0;
  for (const t of thresholds) {
    if (rule === 'quantile' ? value > t : value >= t + 1) above++;
  }
  return 1 + above;
}

export function scoreRfm(
  summaries: readonly CustomerSummary[],
  asOf: string,
  options: RfmOptions = {},
): RfmResult {
  const rule = options.rule ?? 'quantile';
  const bins = options.bins ?? 5;
  const minimumCustomers = options.minimumCustomers ?? bins;
  const asOfDay = dayNumber(asOf);
  const refuse = (
    reason: RfmCannotScore['reason'],
    detail: string,
    customers: number,
  ): RfmCannotScore => ({
    kind: 'cannot-score',
    reason,
    detail,
    asOf,
    customers,
  });
  if (asOfDay === undefined)
    return refuse('invalid-input', `asOf ${asOf} is not a YYYY-MM-DD date`, 0);
  if (!Number.isInteger(bins) || bins < 2)
    return refuse('invalid-input', `bins must be an integer >= 2`, 0);

  const kept: { summary: CustomerSummary; recency: number }[] = [];
  let excludedAfterAsOf = 0;
  for (const summary of summaries) {
    const last = dayNumber(summary.lastPurchaseOn);
    if (last === undefined || !(summary.orders >= 1) || !Number.isFinite(summary.spend)) {
      return refuse(
        'invalid-input',
        `customer ${summary.customerId} has an invalid summary`,
        summaries.length,
      );
    }
    if (last > asOfDay) excludedAfterAsOf++;
    else kept.push({ summary, recency: asOfDay - last });
  }
  if (kept.length < minimumCustomers) {
    return refuse(
      'too-few-customers',
      `${kept.length} customers with a purchase by ${asOf}; at least ${minimumCustomers} are needed`,
      kept.length,
    );
  }
  kept.sort((a, b) => (a.summary.customerId < b.summary.customerId ? -1 : 1));

  const recency = Float64Array.from(kept, (k) => k.recency);
  const frequency = Float64Array.from(kept, (k) => k.summary.orders);
  const monetary = Float64Array.from(kept, (k) => k.summary.spend);
  const thresholds = {
    recencyDays: thresholdsOf(recency, bins),
    frequency: thresholdsOf(frequency, bins),
    monetary: thresholdsOf(monetary, bins),
  };
  const scores = kept.map((k, i) => ({
    customerId: k.summary.customerId,
    recencyDays: recency[i],
    frequency: frequency[i],
    monetary: monetary[i],
    // Fewer days since the last purchase is better: the score counts thresholds from the top.
    r: bins + 1 - scoreOf(recency[i], thresholds.recencyDays, rule),
    f: scoreOf(frequency[i], thresholds.frequency, rule),
    m: scoreOf(monetary[i], thresholds.monetary, rule),
  }));
  return {
    kind: 'scored',
    asOf,
    rule,
    bins,
    customers: scores.length,
    excludedAfterAsOf,
    thresholds,
    scores,
  };
}
