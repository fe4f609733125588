/**
 * Sales performance of the deals closed in a window, per period of closing or per owner: win
 * rate, won amount and average deal size, sales cycle (opened -> won, median and mean days).
 * Money stays per currency (never summed across); counts and win rate are over every currency
 * of the key. Pure: the deals come from performance.queries.ts.
 */

export type Interval = 'month' | 'quarter';

export interface ClosedDeal {
  readonly ownerId: string | null;
  readonly currency: string;
  readonly amountMinor: number;
  readonly status: 'won' | 'lost';
  readonly openedAt: string;
  readonly closedAt: string;
}

export interface PerformanceRow {
  /** The period's first day (YYYY-MM-DD) or the owner id. */
  readonly key: string;
  readonly currency: string;
  readonly won: number;
  readonly lost: number;
  /** won / (won + lost) over every currency of the key. */
  readonly winRate: number | null;
  readonly wonAmountMinor: number;
  readonly averageDealMinor: number | null;
  readonly cycleMedianDays: number | null;
  readonly cycleMeanDays: number | null;
}

const DAY_MS = 86_400_000;

/** The first UTC day of the month or quarter an instant falls in. */
export function periodStart(instant: string, interval: Interval): string {
  const d = new Date(instant);
  const month = interval === 'month' ? d.getUTCMonth() : Math.floor(d.getUTCMonth() / 3) * 3;
  return `${d.getUTCFullYear()}-${String(month + 1).padStart(2, '0')}-01`;
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function mean(values: readonly number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

/** One row per key and currency, keys sorted (owners without one last as "(none)"). */
export function performanceBy(
  deals: readonly ClosedDeal[],
  keyOf: (deal: ClosedDeal) => string,
): PerformanceRow[] {
  const byKey = new Map<string, ClosedDeal[]>();
  for (const d of deals) byKey.set(keyOf(d), [...(byKey.get(keyOf(d)) ?? []), d]);
  return [...byKey.keys()].sort().flatMap((key) => {
    const ofKey = byKey.get(key)!;
    const wonOfKey = ofKey.filter((d) => d.status === 'won').length;
    const winRate = wonOfKey / ofKey.length;
    const currencies = [...new Set(ofKey.map((d) => d.currency))].sort();
    return currencies.map((currency) => {
      const of = ofKey.filter((d) => d.currency === currency);
      const won = of.filter((d) => d.status === 'won');
      const wonAmountMinor = won.reduce((sum, d) => sum + d.amountMinor, 0);
      const cycles = won.map((d) => (Date.parse(d.closedAt) - Date.parse(d.openedAt)) / DAY_MS);
      return {
        key,
        currency,
        won: won.length,
        lost: of.length - won.length,
        winRate,
        wonAmountMinor,
        averageDealMinor: won.length ? Math.round(wonAmountMinor / won.length) : null,
        cycleMedianDays: median(cycles),
        cycleMeanDays: mean(cycles),
      };
    });
  });
}
