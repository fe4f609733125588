/**
 * The purchase summary kept on each audience contact (orders_count, total_spent_minor,
 * spend_currency, first/last_order_at), folded from the contact's orders, so rules such as
 * "orders >= 3" or "spent more than 500 EUR" read one row instead of aggregating orders.
 *
 * Only standing sales count: status 'placed' (a fulfilled order is still 'placed' in the audience);
 * cancelled and returned orders are undone. Campaigns converts no currencies: when a contact
 * bought in several, the total is the sum in their MAIN currency (the one most of their standing
 * orders are in; on a tie, the currency of the latest of those orders), named by
 * spend_currency. Spend in the other currencies is left out of total_spent_minor (it stays in
 * audience_orders for rules over orders).
 */

export const STANDING_ORDER = 'placed';

export interface OrderForSummary {
  readonly status: string;
  readonly totalMinor: number | null;
  readonly currency: string | null;
  readonly placedAt: Date | null;
}

export interface PurchaseSummary {
  readonly ordersCount: number;
  readonly totalSpentMinor: number;
  readonly spendCurrency: string | null;
  readonly firstOrderAt: Date | null;
  readonly lastOrderAt: Date | null;
}

export const NO_PURCHASES: PurchaseSummary = {
  ordersCount: 0,
  totalSpentMinor: 0,
  spendCurrency: null,
  firstOrderAt: null,
  lastOrderAt: null,
};

export function summarizePurchases(orders: readonly OrderForSummary[]): PurchaseSummary {
  const standing = orders.filter((o) => o.status === STANDING_ORDER);
  if (standing.length === 0) return NO_PURCHASES;
  const times = standing.flatMap((o) => (o.placedAt ? [o.placedAt.getTime()] : []));
  const currency = mainCurrency(standing);
  const totalSpentMinor = standing
    .filter((o) => o.currency === currency && o.totalMinor !== null)
    .reduce((total, o) => total + BigInt(o.totalMinor!), 0n);
  return {
    ordersCount: standing.length,
    totalSpentMinor: Number(totalSpentMinor),
    spendCurrency: currency,
    firstOrderAt: times.length ? new Date(Math.min(...times)) : null,
    lastOrderAt: times.length ? new Date(Math.max(...times)) : null,
  };
}

/** The currency most standing orders are in; a tie goes to the latest order's. */
function mainCurrency(standing: readonly OrderForSummary[]): string | null {
  const byCurrency = new Map<string, { count: number; latest: number }>();
  for (const order of standing) {
    if (!order.currency) continue;
    const seen = byCurrency.get(order.currency) ?? { count: 0, latest: -Infinity };
    byCurrency.set(order.currency, {
      count: seen.count + 1,
      latest: Math.max(seen.latest, order.placedAt?.getTime() ?? -Infinity),
    });
  }
  let best: { currency: string; count: number; latest: number } | undefined;
  for (const [currency, { count, latest }] of byCurrency) {
    if (
      !best ||
      count > best.count ||
      (count === best.count && latest > best.latest) ||
      (count === best.count && latest === best.latest && currency < best.currency)
    )
      best = { currency, count, latest };
  }
  return best?.currency ?? null;
}
