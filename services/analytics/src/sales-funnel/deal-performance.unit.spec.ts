import { median, performanceBy, periodStart, type ClosedDeal } from './deal-performance';

const deal = (o: Partial<ClosedDeal>): ClosedDeal => ({
  ownerId: 'rep-1',
  currency: 'EUR',
  amountMinor: 1_000,
  status: 'won',
  openedAt: '2026-01-01T00:00:00Z',
  closedAt: '2026-01-11T00:00:00Z',
  ...o,
});

describe('deal performance', () => {
  it('puts instants in the month or quarter they fall in (UTC)', () => {
    expect(periodStart('2026-05-31T23:59:59Z', 'month')).toBe('2026-05-01');
    expect(periodStart('2026-05-31T23:59:59Z', 'quarter')).toBe('2026-04-01');
    expect(periodStart('2026-12-01T00:00:00Z', 'quarter')).toBe('2026-10-01');
  });

  it('takes the median of odd and even counts', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([])).toBeNull();
  });

  it('keeps money per currency and the win rate over the key', () => {
    const rows = performanceBy(
      [
        deal({ amountMinor: 1_000 }), // 10 days
        deal({ amountMinor: 2_001, closedAt: '2026-01-21T00:00:00Z' }), // 20 days
        deal({ currency: 'USD', amountMinor: 700, closedAt: '2026-01-31T00:00:00Z' }), // 30 days
        deal({ status: 'lost', amountMinor: 9_999 }),
        deal({ ownerId: null, status: 'lost' }),
      ],
      (d) => d.ownerId ?? '(none)',
    );
    expect(rows).toEqual([
      expect.objectContaining({
        key: '(none)',
        currency: 'EUR',
        won: 0,
        lost: 1,
        winRate: 0,
        averageDealMinor: null,
      }),
      {
        key: 'rep-1',
        currency: 'EUR',
        won: 2,
        lost: 1,
        winRate: 3 / 4, // 3 won of 4 closed, both currencies
        wonAmountMinor: 3_001,
        averageDealMinor: 1_501, // 3001 / 2 = 1500.5, rounded
        cycleMedianDays: 15,
        cycleMeanDays: 15,
      },
      expect.objectContaining({
        key: 'rep-1',
        currency: 'USD',
        won: 1,
        lost: 0,
        wonAmountMinor: 700,
        cycleMedianDays: 30,
      }),
    ]);
  });
});
