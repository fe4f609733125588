import { ClientRateLimit } from './client-rate-limit';

describe('client rate limit (token bucket per IP)', () => {
  it('allows the burst at once, then the rate', () => {
    const limit = new ClientRateLimit(2, 3);
    expect([1, 2, 3, 4].map(() => limit.take('a', 0))).toEqual([true, true, true, false]);
    expect(limit.take('a', 499)).toBe(false); // 0.998 of a token
    expect(limit.take('a', 500)).toBe(true); // one token after 1/rate s
    expect(limit.take('a', 500)).toBe(false);
    // Another client has its own bucket.
    expect(limit.take('b', 500)).toBe(true);
  });

  it('refills to the burst and no further', () => {
    const limit = new ClientRateLimit(10, 2);
    limit.take('a', 0);
    limit.take('a', 0);
    expect(limit.take('a', 60_000)).toBe(true);
    expect(limit.take('a', 60_000)).toBe(true);
    expect(limit.take('a', 60_000)).toBe(false);
  });

  it('stays bounded: idle clients are dropped first, else the least recently seen', () => {
    const limit = new ClientRateLimit(1, 1, 2);
    limit.take('a', 0);
    limit.take('b', 0);
    limit.take('c', 500); // neither has refilled: the least recently seen (a) goes
    expect(limit.size).toBe(2);
    expect(limit.take('b', 500)).toBe(false); // b kept its empty bucket
    limit.take('d', 5_000); // b and c idle for a full refill: both dropped
    expect(limit.size).toBe(1);
  });
});
