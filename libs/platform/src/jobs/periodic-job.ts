/**
 * Runs a background job every `intervalMs` (after the previous run finished, never overlapping in
 * one process). Jobs must be safe to run on several replicas at once: that is their business.
 * Shared by every service with background work (sales' expiries and reminders, campaigns' time
 * windows).
 */
import { Logger } from '@nestjs/common';

export class PeriodicJob {
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = true;

  constructor(
    name: string,
    private readonly intervalMs: number,
    private readonly run: () => Promise<unknown>,
  ) {
    this.logger = new Logger(name);
  }

  start(): void {
    this.stopped = false;
    this.timer = setTimeout(() => this.tick(), this.intervalMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.stopped) return;
    this.running = this.run()
      .catch((error) => this.logger.warn(`run failed: ${(error as Error).message}`))
      .finally(() => {
        if (!this.stopped) this.timer = setTimeout(() => this.tick(), this.intervalMs);
      });
  }
}
