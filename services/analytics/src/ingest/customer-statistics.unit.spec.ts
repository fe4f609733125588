/** customerStatistics: the per-customer inputs of the models, from the facts alone. */
import { customerStatistics, type StatsOrder } from './customer-statistics';

const order = (
  placedAt: string,
  totalMinor: number,
  currency = 'EUR',
  status = 'placed',
): StatsOrder => ({
  status,
  currency,
  totalMinor,
  placedAt: new Date(placedAt),
});

describe('customerStatistics', () => {
  it('counts purchase days, not orders: same-day orders are one purchase (BG/NBD x)', () => {
    const s = customerStatistics(
      [
        order('2026-01-01T09:00:00Z', 1_000),
        order('2026-01-01T18:00:00Z', 500),
        order('2026-01-08T10:00:00Z', 300),
        order('2026-01-15T10:00:00Z', 200),
      ],
      [],
      [],
    );
    expect(s).toMatchObject({
      ordersCount: 4,
      purchaseDays: 3,
      repeatPurchases: 2,
      recencyDays: 14,
      totalSpentMinor: 2_000,
      averageOrderMinor: 500,
      // Gamma-Gamma's m: the repeat days' mean, the first day left out.
      averageRepeatDayMinor: 250,
    });
    expect(s.firstPurchaseAt?.toISOString()).toBe('2026-01-01T09:00:00.000Z');
    expect(s.lastPurchaseAt?.toISOString()).toBe('2026-01-15T10:00:00.000Z');
  });

  it('undoes cancelled and returned orders and their lines', () => {
    const s = customerStatistics(
      [
        order('2026-01-01T00:00:00Z', 1_000),
        order('2026-02-01T00:00:00Z', 9_000, 'EUR', 'cancelled'),
        order('2026-03-01T00:00:00Z', 9_000, 'EUR', 'returned'),
      ],
      [
        { status: 'placed', productId: 'p1', family: 'Cars', quantity: 2 },
        { status: 'cancelled', productId: 'p2', family: 'Boats', quantity: 1 },
      ],
      [],
    );
    expect(s).toMatchObject({
      ordersCount: 1,
      repeatPurchases: 0,
      recencyDays: 0,
      totalSpentMinor: 1_000,
      unitsBought: 2,
      productsHeld: ['p1'],
      familiesHeld: ['Cars'],
    });
    expect(s.averageRepeatDayMinor).toBeNull();
  });

  it('sums money in the main currency only (most orders; a tie goes to the latest)', () => {
    const tie = customerStatistics(
      [order('2026-01-01T00:00:00Z', 100, 'EUR'), order('2026-01-02T00:00:00Z', 7, 'USD')],
      [],
      [],
    );
    expect([tie.currency, tie.totalSpentMinor, tie.ordersCount, tie.repeatPurchases]).toEqual([
      'USD',
      7,
      2,
      1,
    ]);
    const most = customerStatistics(
      [
        order('2026-01-01T00:00:00Z', 100, 'EUR'),
        order('2026-01-03T00:00:00Z', 100, 'EUR'),
        order('2026-01-02T00:00:00Z', 7, 'USD'),
      ],
      [],
      [],
    );
    expect([most.currency, most.totalSpentMinor]).toEqual(['EUR', 200]);
  });

  it('counts engagement per message and keeps the latest open or click', () => {
    const s = customerStatistics(
      [],
      [],
      [
        {
          sentAt: new Date('2026-01-01T00:00:00Z'),
          openedAt: new Date('2026-01-02T00:00:00Z'),
          clickedAt: null,
          unsubscribedAt: null,
        },
        {
          sentAt: new Date('2026-01-03T00:00:00Z'),
          openedAt: new Date('2026-01-03T01:00:00Z'),
          clickedAt: new Date('2026-01-04T00:00:00Z'),
          unsubscribedAt: new Date('2026-01-05T00:00:00Z'),
        },
      ],
    );
    expect(s).toMatchObject({
      messagesSent: 2,
      messagesOpened: 2,
      messagesClicked: 1,
      unsubscribes: 1,
      ordersCount: 0,
      currency: null,
      recencyDays: null,
    });
    expect(s.lastEngagedAt?.toISOString()).toBe('2026-01-04T00:00:00.000Z');
  });

  it('does not depend on the order the facts arrived in', () => {
    const orders = [
      order('2026-01-05T00:00:00Z', 10),
      order('2026-01-01T00:00:00Z', 20),
      order('2026-01-03T00:00:00Z', 30, 'USD'),
    ];
    expect(customerStatistics([...orders].reverse(), [], [])).toEqual(
      customerStatistics(orders, [], []),
    );
  });
});
