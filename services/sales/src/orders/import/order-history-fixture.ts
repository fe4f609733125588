/**
 * A seeded random order history (tests and measurements): orders of 1-4 lines over the years
 * before `until`, for the given contacts and skus, some fulfilled, cancelled or returned, as CSV
 * (one row per line) or NDJSON (one order per line). The same seed gives the same file.
 */
export interface OrderHistorySpec {
  readonly seed: number;
  readonly orders: number;
  readonly contactIds: readonly string[];
  readonly skus: readonly string[];
  /** The newest date an order may have (the import's "now"). */
  readonly until: string;
  readonly years?: number;
}

interface FixtureOrder {
  externalId: string;
  placedAt: string;
  contactId: string;
  status: 'placed' | 'fulfilled' | 'cancelled' | 'returned';
  statusAt: string;
  lines: { sku: string; quantity: number; unitPrice: string }[];
}

/** mulberry32: a small, fast, seedable PRNG (uniform in [0, 1)). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function orderHistory(spec: OrderHistorySpec): FixtureOrder[] {
  const next = random(spec.seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
  const until = Date.parse(spec.until);
  const span = (spec.years ?? 6) * 365 * 86_400_000;
  const orders: FixtureOrder[] = [];
  for (let i = 1; i <= spec.orders; i++) {
    // A day (never the last one, so a status a few days later is still before `until`).
    const placed = until - 30 * 86_400_000 - Math.floor(next() * span);
    const roll = next();
    const status =
      roll < 0.6 ? 'fulfilled' : roll < 0.75 ? 'placed' : roll < 0.9 ? 'cancelled' : 'returned';
    const lines = Array.from({ length: 1 + Math.floor(next() * 4) }, () => ({
      sku: pick(spec.skus),
      quantity: 1 + Math.floor(next() * 5),
      unitPrice: (1 + next() * 999).toFixed(2),
    }));
    orders.push({
      externalId: `FIX-${spec.seed}-${i}`,
      placedAt: new Date(placed).toISOString(),
      contactId: pick(spec.contactIds),
      status,
      statusAt: new Date(placed + (1 + Math.floor(next() * 20)) * 86_400_000).toISOString(),
      lines,
    });
  }
  return orders;
}

export function orderHistoryCsv(orders: readonly FixtureOrder[]): string {
  const rows = [
    'external_order_id,placed_at,contact_id,currency,sku,quantity,unit_price,status,status_at',
  ];
  for (const o of orders)
    for (const l of o.lines)
      rows.push(
        [
          o.externalId,
          o.placedAt,
          o.contactId,
          'EUR',
          l.sku,
          l.quantity,
          l.unitPrice,
          o.status,
          o.status === 'placed' ? '' : o.statusAt,
        ].join(','),
      );
  return `${rows.join('\n')}\n`;
}

export function orderHistoryNdjson(orders: readonly FixtureOrder[]): string {
  return orders
    .map((o) =>
      JSON.stringify({
        externalId: o.externalId,
        placedAt: o.placedAt,
        contactId: o.contactId,
        currency: 'EUR',
        status: o.status,
        ...(o.status === 'placed' ? {} : { statusAt: o.statusAt }),
        lines: o.lines,
      }),
    )
    .join('\n');
}

/** Rows the CSV of these orders has (one per line). */
export const csvRowsOf = (orders: readonly FixtureOrder[]) =>
  orders.reduce((n, o) => n + o.lines.length, 0);
