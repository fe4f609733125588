/**
 * Catch-up-then-live subscription over any paged global-log reader: read a batch after the
 * checkpoint, await the handler (back-pressure), advance; when the log is drained, sleep with
 * exponential back-off until woken (NOTIFY) or the delay elapses (fallback when a wake-up is lost).
 */
import type {
  BatchHandler,
  Position,
  ReadAllOptions,
  ReadAllResult,
  Subscription,
} from '../event-store';

export interface PollingOptions {
  readonly minDelayMs: number;
  readonly maxDelayMs: number;
}

export class PollingSubscription implements Subscription {
  readonly done: Promise<void>;
  private stopped = false;
  /** A wake-up that arrived while we were reading: the next sleep returns at once. */
  private pendingWake = false;
  private wakeSleeper: (() => void) | undefined;

  constructor(
    private readonly read: (options: ReadAllOptions) => Promise<ReadAllResult>,
    private readonly filter: Omit<ReadAllOptions, 'after' | 'limit'>,
    private checkpoint: Position,
    private readonly batchSize: number,
    private readonly handler: BatchHandler,
    private readonly polling: PollingOptions,
    onFinished: () => void,
  ) {
    this.done = this.run().finally(onFinished);
    // `done` may legitimately reject (handler failure); callers that only call stop() must not
    // get an unhandled rejection for it.
    this.done.catch(() => undefined);
  }

  /** Something may have been appended: read now instead of waiting out the back-off. */
  wake(): void {
    this.pendingWake = true;
    this.wakeSleeper?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeSleeper?.();
    await this.done.catch(() => undefined);
  }

  private async run(): Promise<void> {
    let delay = this.polling.minDelayMs;
    while (!this.stopped) {
      // After a wake-up the new events may not be readable yet (an older transaction is still
      // open, see read-all-query.ts): start the back-off again from the shortest delay.
      if (this.pendingWake) delay = this.polling.minDelayMs;
      this.pendingWake = false;
      const { events, last } = await this.read({
        ...this.filter,
        after: this.checkpoint,
        limit: this.batchSize,
      });
      if (this.stopped) return;
      if (events.length) {
        await this.handler(events);
        delay = this.polling.minDelayMs;
      }
      this.checkpoint = last;
      if (events.length === this.batchSize) continue;
      if (!events.length) {
        await this.sleep(delay);
        delay = Math.min(delay * 2, this.polling.maxDelayMs);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.pendingWake || this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.wakeSleeper = undefined;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.wakeSleeper = finish;
    });
  }
}
