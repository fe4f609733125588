/** The limiter's arithmetic on a hand-moved time source: counts of permits, no real waiting. */
import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  let t = 0;
  const time = () => t;
  beforeEach(() => (t = 1_000));

  it('lets `burst` permits go at once and spaces the rest 1/rate apart, in call order', () => {
    const limiter = new RateLimiter(5, 2, time);
    const waits = Array.from({ length: 6 }, () => limiter.reserve());
    expect(waits).toEqual([0, 0, 200, 400, 600, 800]);
  });

  it('never starts more than burst + rate * window permits in a window, however many ask', () => {
    const limiter = new RateLimiter(50, 5, time);
    const startsAt = Array.from({ length: 500 }, () => t + limiter.reserve());
    for (const windowMs of [100, 1_000, 3_000]) {
      const inFirstWindow = startsAt.filter((s) => s < 1_000 + windowMs).length;
      expect(inFirstWindow).toBeLessThanOrEqual(5 + (50 * windowMs) / 1000);
      // and it is not stricter than asked: the rate is reached
      expect(inFirstWindow).toBeGreaterThanOrEqual((50 * windowMs) / 1000);
    }
  });

  it('does not bank idle time beyond the burst', () => {
    const limiter = new RateLimiter(10, 3, time);
    limiter.reserve();
    t += 60_000; // a quiet minute
    const waits = Array.from({ length: 5 }, () => limiter.reserve());
    expect(waits.filter((w) => w === 0)).toHaveLength(3);
    expect(waits.slice(3)).toEqual([100, 200]);
  });

  it('defaults the burst to a tenth of a second of the rate, at least one', () => {
    expect(new RateLimiter(3).burst).toBe(1);
    expect(new RateLimiter(2_000).burst).toBe(200);
  });

  it('refuses a rate or burst that is not positive', () => {
    expect(() => new RateLimiter(0)).toThrow(RangeError);
    expect(() => new RateLimiter(5, 0)).toThrow(RangeError);
  });
});
