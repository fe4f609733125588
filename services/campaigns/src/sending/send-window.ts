/**
 * At most `size` provider calls in flight across the sender's batches: a batch's sends start as
 * soon as its ledger rows are written and a slot frees up, never waiting for the slowest send of
 * the batch before (the channel's pool and rate limit pace them).
 */
export class SendWindow {
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.inFlight >= this.size)
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.inFlight++;
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next waiter (the count stays), else free it.
      const next = this.waiting.shift();
      if (next) next();
      else this.inFlight--;
    }
  }
}
