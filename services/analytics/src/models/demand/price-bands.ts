/**
 * Price segments for the demand forecast per price band: cut the observed unit prices at their
 * quantiles (k bands -> cuts at 1/k, 2/k, ...), so each band holds about the same number of
 * sales. Quantiles by Hyndman & Fan's (1996) definition 7, R's quantile() default:
 *   Q(p) = x_(j) + g (x_(j+1) - x_(j)),  h = (n - 1) p,  j = floor(h) (0-based),  g = h - j.
 * Repeated cuts (many equal prices) are merged, so there may be fewer bands than asked for.
 */

export interface PriceBand {
  /** 1-based, cheapest first. */
  readonly band: number;
  /** Lower bound, inclusive. */
  readonly lower: number;
  /** Upper bound, exclusive except for the last band, which includes the highest price. */
  readonly upper: number;
  readonly label: string;
}

/** Hyndman & Fan type 7 quantile of already sorted values (n ≥ 1, 0 ≤ p ≤ 1). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p;
  const j = Math.floor(h);
  const g = h - j;
  return j + 1 < sorted.length ? sorted[j] + g * (sorted[j + 1] - sorted[j]) : sorted[j];
}

export function quantiles(values: readonly number[], probabilities: readonly number[]): number[] {
  const sorted = Float64Array.from(values.filter(Number.isFinite)).sort();
  if (sorted.length === 0) return probabilities.map(() => NaN);
  return probabilities.map((p) => quantileSorted(sorted, Math.min(1, Math.max(0, p))));
}

/** Bands from unit prices; no finite prices -> no bands. */
export function priceBands(unitPrices: readonly number[], bandCount: number): PriceBand[] {
  const sorted = Float64Array.from(unitPrices.filter(Number.isFinite)).sort();
  const k = Math.max(1, Math.floor(bandCount));
  if (sorted.length === 0) return [];
  const cuts = [sorted[0]];
  for (let i = 1; i < k; i++) {
    const cut = quantileSorted(sorted, i / k);
    if (cut > cuts[cuts.length - 1]) cuts.push(cut);
  }
  const max = sorted[sorted.length - 1];
  const bands: PriceBand[] = [];
  for (let i = 0; i < cuts.length; i++) {
    const lower = cuts[i];
    const upper = i + 1 < cuts.length ? cuts[i + 1] : max;
    const last = i + 1 === cuts.length;
    bands.push({ band: i + 1, lower, upper, label: `${lower}–${upper}${last ? '' : ' (excl.)'}` });
  }
  return bands;
}

/** The band a price falls in: below the first band -> 1, above the last -> the last. */
export function priceBandOf(bands: readonly PriceBand[], price: number): number | undefined {
  if (bands.length === 0 || !Number.isFinite(price)) return undefined;
  for (const b of bands) if (price < b.upper) return b.band;
  return bands[bands.length - 1].band;
}
