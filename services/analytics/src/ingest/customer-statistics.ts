/**
 * A customer's sufficient statistics (customer_stats) from their orders, lines and campaign
 * messages: what the RFM, BG/NBD + Gamma-Gamma, basket and propensity fits read per customer
 * instead of the whole history. Pure, so the same facts give the same row whatever order they
 * arrived in (and a rebuild equals the live table).
 *
 * - Only standing orders count (placed or fulfilled); a cancelled or returned one is undone.
 * - Purchase days are UTC calendar days. `repeatPurchases` = distinct purchase days after the
 *   first (BG/NBD's x: same-day orders are one purchase, models/clv README); `recencyDays` =
 *   days from the first to the last purchase day (t_x). T (age) depends on the observation end,
 *   so it is computed at read time from `firstPurchaseAt`.
 * - Money is summed in the customer's main currency (most standing orders; ties: the latest);
 *   orders in other currencies count as purchases but not as spend (no rates are published).
 *   `averageRepeatDayMinor` is the mean value of the repeat purchase days (Gamma-Gamma's m̄,
 *   the first day excluded as in Fader-Hardie and lifetimes).
 */

export interface StatsOrder {
  readonly status: string;
  readonly currency: string | null;
  readonly totalMinor: number | null;
  readonly placedAt: Date | null;
}

export interface StatsLine {
  readonly status: string;
  readonly productId: string;
  readonly family: string | null;
  readonly quantity: number;
}

export interface StatsMessage {
  readonly sentAt: Date | null;
  readonly openedAt: Date | null;
  readonly clickedAt: Date | null;
  readonly unsubscribedAt: Date | null;
}

export interface CustomerStatistics {
  readonly currency: string | null;
  readonly ordersCount: number;
  readonly firstPurchaseAt: Date | null;
  readonly lastPurchaseAt: Date | null;
  readonly purchaseDays: number;
  readonly repeatPurchases: number;
  readonly recencyDays: number | null;
  readonly totalSpentMinor: number;
  readonly averageOrderMinor: number | null;
  readonly averageRepeatDayMinor: number | null;
  readonly unitsBought: number;
  readonly productsHeld: readonly string[];
  readonly familiesHeld: readonly string[];
  readonly messagesSent: number;
  readonly messagesOpened: number;
  readonly messagesClicked: number;
  readonly unsubscribes: number;
  readonly lastEngagedAt: Date | null;
}

const DAY_MS = 86_400_000;
const STANDING = 'placed';

/** The UTC day number of an instant. */
const dayOf = (at: Date) => Math.floor(at.getTime() / DAY_MS);

export function customerStatistics(
  orders: readonly StatsOrder[],
  lines: readonly StatsLine[],
  messages: readonly StatsMessage[],
): CustomerStatistics {
  const standing = orders.filter(
    (o): o is StatsOrder & { placedAt: Date } => o.status === STANDING && o.placedAt !== null,
  );
  const currency = mainCurrency(standing);
  const times = standing.map((o) => o.placedAt.getTime());
  const first = times.length ? new Date(Math.min(...times)) : null;
  const last = times.length ? new Date(Math.max(...times)) : null;
  const valueByDay = new Map<number, number>();
  let totalSpent = 0;
  let spentOrders = 0;
  for (const order of standing) {
    const day = dayOf(order.placedAt);
    const value = order.currency === currency ? (order.totalMinor ?? 0) : 0;
    valueByDay.set(day, (valueByDay.get(day) ?? 0) + value);
    if (order.currency === currency && order.totalMinor !== null) {
      totalSpent += order.totalMinor;
      spentOrders += 1;
    }
  }
  const days = [...valueByDay.keys()].sort((a, b) => a - b);
  const repeatDays = days.slice(1);
  const repeatValue = repeatDays.reduce((sum, day) => sum + valueByDay.get(day)!, 0);
  const held = lines.filter((l) => l.status === STANDING);
  const engagedTimes = messages
    .flatMap((m) => [m.openedAt, m.clickedAt])
    .filter((t): t is Date => t !== null)
    .map((t) => t.getTime());
  return {
    currency,
    ordersCount: standing.length,
    firstPurchaseAt: first,
    lastPurchaseAt: last,
    purchaseDays: days.length,
    repeatPurchases: repeatDays.length,
    recencyDays: days.length ? days[days.length - 1] - days[0] : null,
    totalSpentMinor: totalSpent,
    averageOrderMinor: spentOrders ? Math.round(totalSpent / spentOrders) : null,
    averageRepeatDayMinor: repeatDays.length ? Math.round(repeatValue / repeatDays.length) : null,
    unitsBought: held.reduce((sum, l) => sum + l.quantity, 0),
    productsHeld: [...new Set(held.map((l) => l.productId))].sort(),
    familiesHeld: [...new Set(held.flatMap((l) => (l.family ? [l.family] : [])))].sort(),
    messagesSent: messages.filter((m) => m.sentAt !== null).length,
    messagesOpened: messages.filter((m) => m.openedAt !== null).length,
    messagesClicked: messages.filter((m) => m.clickedAt !== null).length,
    unsubscribes: messages.filter((m) => m.unsubscribedAt !== null).length,
    lastEngagedAt: engagedTimes.length ? new Date(Math.max(...engagedTimes)) : null,
  };
}

/** The currency of most standing orders; ties go to the one used latest. */
function mainCurrency(
  orders: readonly { currency: string | null; placedAt: Date }[],
): string | null {
  const tally = new Map<string, { n: number; latest: number }>();
  for (const o of orders) {
    if (!o.currency) continue;
    const t = tally.get(o.currency) ?? { n: 0, latest: -Infinity };
    tally.set(o.currency, { n: t.n + 1, latest: Math.max(t.latest, o.placedAt.getTime()) });
  }
  let best: string | null = null;
  let bestTally = { n: 0, latest: -Infinity };
  for (const [currency, t] of tally) {
    if (t.n > bestTally.n || (t.n === bestTally.n && t.latest > bestTally.latest)) {
      best = currency;
      bestTally = t;
    }
  }
  return best;
}
