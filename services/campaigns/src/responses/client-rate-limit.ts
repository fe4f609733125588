/**
 * A token bucket per client IP, in process (each replica counts its own clients: the limit is
 * per replica, which is enough to keep one client from flooding the log). Pure: time is passed in.
 * The map is bounded: when full, buckets that have refilled completely (idle clients) are
 * dropped, and if none has, the oldest one goes.
 */
export class ClientRateLimit {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly maxClients = 100_000,
  ) {}

  /** Takes one token for `client` at `nowMs`; false when its bucket is empty. */
  take(client: string, nowMs: number): boolean {
    const bucket = this.buckets.get(client);
    const tokens = bucket
      ? Math.min(
          this.burst,
          bucket.tokens + (Math.max(0, nowMs - bucket.at) / 1000) * this.ratePerSecond,
        )
      : this.burst;
    if (!bucket && this.buckets.size >= this.maxClients) this.evict(nowMs);
    if (tokens < 1) {
      this.buckets.set(client, { tokens, at: nowMs });
      return false;
    }
    this.buckets.delete(client); // re-inserted last: the Map's order is the least recently seen first
    this.buckets.set(client, { tokens: tokens - 1, at: nowMs });
    return true;
  }

  private evict(nowMs: number): void {
    const fullAfterMs = (this.burst / this.ratePerSecond) * 1000;
    for (const [client, b] of this.buckets)
      if (nowMs - b.at >= fullAfterMs) this.buckets.delete(client);
    if (this.buckets.size >= this.maxClients) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
  }

  get size(): number {
    return this.buckets.size;
  }
}
