/** The purchase summary folded from a contact's orders: what counts, and the currency rule. */
import { NO_PURCHASES, summarizePurchases, type OrderForSummary } from './purchase-summary';

const base = Date.UTC(2030, 0, 1);
const day = (n: number) => new Date(base + n * 86_400_000);
const order = (members: Partial<OrderForSummary>): OrderForSummary => ({
  status: 'placed',
  totalMinor: 1000,
  currency: 'EUR',
  placedAt: day(0),
  ...members,
});

describe('summarizePurchases', () => {
  it('no orders: nothing bought', () => {
    expect(summarizePurchases([])).toEqual(NO_PURCHASES);
  });

  it('counts and sums standing orders, first and last by placement', () => {
    expect(
      summarizePurchases([
        order({ totalMinor: 500, placedAt: day(3) }),
        order({ totalMinor: 250, placedAt: day(1) }),
        order({ totalMinor: 100, placedAt: day(7) }),
      ]),
    ).toEqual({
      ordersCount: 3,
      totalSpentMinor: 850,
      spendCurrency: 'EUR',
      firstOrderAt: day(1),
      lastOrderAt: day(7),
    });
  });

  it('a cancelled or returned order is undone', () => {
    const summary = summarizePurchases([
      order({ totalMinor: 500, placedAt: day(3) }),
      order({ status: 'cancelled', totalMinor: 9000, placedAt: day(9) }),
      order({ status: 'returned', totalMinor: 7000, placedAt: day(0) }),
    ]);
    expect(summary).toEqual({
      ordersCount: 1,
      totalSpentMinor: 500,
      spendCurrency: 'EUR',
      firstOrderAt: day(3),
      lastOrderAt: day(3),
    });
    expect(summarizePurchases([order({ status: 'cancelled' })])).toEqual(NO_PURCHASES);
  });

  it('several currencies: the sum is in the one most orders are in, the others left out', () => {
    const summary = summarizePurchases([
      order({ currency: 'USD', totalMinor: 100_000, placedAt: day(5) }),
      order({ currency: 'EUR', totalMinor: 300, placedAt: day(1) }),
      order({ currency: 'EUR', totalMinor: 200, placedAt: day(2) }),
    ]);
    expect([summary.ordersCount, summary.totalSpentMinor, summary.spendCurrency]).toEqual([
      3,
      500,
      'EUR',
    ]);
  });

  it('a tie between currencies goes to the latest order', () => {
    const orders = [
      order({ currency: 'USD', totalMinor: 100, placedAt: day(5) }),
      order({ currency: 'EUR', totalMinor: 300, placedAt: day(1) }),
    ];
    expect(summarizePurchases(orders).spendCurrency).toBe('USD');
    expect(summarizePurchases(orders.reverse()).totalSpentMinor).toBe(100);
    expect(
      summarizePurchases([...orders, order({ currency: 'EUR', placedAt: day(9) })]).spendCurrency,
    ).toBe('EUR');
  });

  it('sums exactly beyond 2^53 / 1000 per order', () => {
    const big = 2 ** 50;
    expect(
      summarizePurchases([order({ totalMinor: big }), order({ totalMinor: 3 })]).totalSpentMinor,
    ).toBe(big + 3);
  });
});
