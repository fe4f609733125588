/**
 * Messages per second per channel, as a GCRA (the "virtual scheduling" form of a token bucket):
 * each permit is reserved on the spot, in call order, at a theoretical time `T = 1 s / rate`
 * after the previous one; up to `burst` permits may run early. So in any window of W ms at most
 * `burst + W / T` messages start, however many callers wait. Elapsed time comes from a monotonic
 * source (performance.now), not the business clock: a rate is about the machine's seconds.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

export class RateLimiter {
  private readonly intervalMs: number;
  private readonly toleranceMs: number;
  /** When the next permit would be due if nobody ran early. */
  private theoreticalAt = Number.NEGATIVE_INFINITY;

  constructor(
    readonly perSecond: number,
    readonly burst: number = RateLimiter.defaultBurst(perSecond),
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!(perSecond > 0) || !(burst >= 1)) throw new RangeError('rate and burst must be positive');
    this.intervalMs = 1000 / perSecond;
    this.toleranceMs = (Math.floor(burst) - 1) * this.intervalMs;
  }

  /** A tenth of a second's worth (at least one): smooth enough for a provider, cheap at high rates. */
  static defaultBurst(perSecond: number): number {
    return Math.max(1, Math.floor(perSecond / 10));
  }

  /** Reserves the next permit and answers how many ms the caller must wait for it (0: go now). */
  reserve(): number {
    const now = this.now();
    const due = Math.max(this.theoreticalAt, now);
    this.theoreticalAt = due + this.intervalMs;
    return Math.max(0, due - this.toleranceMs - now);
  }

  /** Resolves when this caller's permit is due. */
  async acquire(): Promise<void> {
    const waitMs = this.reserve();
    if (waitMs > 0) await sleep(waitMs);
  }
}
