/**
 * Wakes subscribers after appends. Two paths:
 *  - in-process subscribers are woken directly;
 *  - other processes get a NOTIFY, sent AFTER the append committed and coalesced (one in flight,
 *    at most one per 5 ms, so cross-process wake-ups cost a few ms of latency, not a transaction
 *    per append). NOTIFY inside the append transaction would take PostgreSQL's global
 *    notify lock at commit and serialise every append; out here it costs one statement per burst.
 * A lost wake-up is harmless: subscribers also poll with back-off.
 */
import type { Pool, PoolClient } from 'pg';

export class CommitNotifier {
  private inFlight: Promise<void> | undefined;
  private cooldown: NodeJS.Timeout | undefined;
  private again = false;
  private readonly local = new Set<() => void>();
  private listener: PoolClient | undefined;
  private listening: Promise<void> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly pool: Pool,
    readonly channel: string,
    private readonly sendNotify: boolean,
    private readonly minIntervalMs = 5,
  ) {}

  /** Called after a successful, committed append. */
  committed(): void {
    this.wakeLocal();
    if (this.sendNotify) this.notifyOthers();
  }

  /** Registers a wake-up callback and makes sure this process LISTENs; returns the unregister. */
  onCommit(wake: () => void): () => void {
    this.local.add(wake);
    void this.ensureListening();
    return () => {
      this.local.delete(wake);
      if (!this.local.size) void this.stopListening();
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    clearTimeout(this.cooldown);
    this.local.clear();
    await this.stopListening();
    while (this.inFlight) await this.inFlight;
  }

  private wakeLocal(): void {
    for (const wake of this.local) wake();
  }

  /**
   * At most one NOTIFY in flight and at most one per `minIntervalMs`: under load appends arrive
   * far faster than subscribers need waking, and each NOTIFY is a transaction of its own.
   */
  private notifyOthers(): void {
    if (this.inFlight || this.cooldown) {
      this.again = true;
      return;
    }
    this.again = false;
    this.inFlight = this.pool
      .query('SELECT pg_notify($1, $2)', [this.channel, ''])
      .then(
        () => undefined,
        () => undefined, // best effort: polling covers a lost wake-up
      )
      .finally(() => {
        this.inFlight = undefined;
        if (this.closed) return;
        this.cooldown = setTimeout(() => {
          this.cooldown = undefined;
          if (this.again && !this.closed) this.notifyOthers();
        }, this.minIntervalMs);
        this.cooldown.unref();
      });
  }

  private ensureListening(): Promise<void> {
    if (this.closed || this.listening) return this.listening ?? Promise.resolve();
    this.listening = (async () => {
      const client = await this.pool.connect();
      client.on('notification', (message) => {
        if (message.channel === this.channel) this.wakeLocal();
      });
      client.on('error', () => this.dropListener(client, true));
      await client.query(`LISTEN "${this.channel}"`);
      this.listener = client;
      // A NOTIFY sent before LISTEN took effect is lost; a read after it is not.
      this.wakeLocal();
    })().catch(() => {
      this.listening = undefined;
      this.scheduleRetry();
    });
    return this.listening;
  }

  private dropListener(client: PoolClient, broken: boolean): void {
    if (this.listener !== client) return;
    this.listener = undefined;
    this.listening = undefined;
    client.removeAllListeners('notification');
    client.release(broken ? new Error('listener connection failed') : undefined);
    if (broken) this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.closed || !this.local.size || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (this.local.size) void this.ensureListening();
    }, 1_000);
    this.retryTimer.unref();
  }

  private async stopListening(): Promise<void> {
    await this.listening?.catch(() => undefined);
    const client = this.listener;
    if (!client || this.local.size) return;
    // Reset the connection before it goes back to the pool, so nobody inherits our LISTEN.
    await client.query('UNLISTEN *').catch(() => undefined);
    this.dropListener(client, false);
    if (this.local.size) void this.ensureListening();
  }
}
