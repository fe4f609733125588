/**
 * Keeps one projection up to date with the global log, in exactly one process at a time.
 *
 * Life of a runner: wait for the projection's advisory lock (standby) -> make the read model
 * current (create tables; rebuild if the stored version is older; finish an interrupted rebuild)
 * -> subscribe from the checkpoint, catch up, then follow live. Every batch is one transaction on
 * the lock's connection together with its checkpoint. If anything fails (a handler throws, the
 * connection is killed), the runner lets go of the lock, backs off, and competes for it again,
 * so a standby instance takes over within `lockRetryMs` of the active one dying. Such a failure
 * is recorded on the checkpoint row (`stalled_since`, `last_error`) until the runner moves again.
 * A handler failing deterministically on one event never gets here: that event is parked
 * (apply-batch.ts) and the runner carries on.
 */
import type { Pool } from 'pg';
import { type EventStore, type Position, START } from '../event-store';
import {
  applyBatch,
  inBatchTransaction,
  messageOf,
  ProjectionVersionMismatchError,
} from './apply-batch';
import { lagGauges } from './lag-metrics';
import { type LogHead, readAllLogHead } from './log-head';
import { type ParkedEvent, ParkedEvents, parkedLogFields } from './parked-events';
import { parkingMetrics } from './parking-metrics';
import type { Projection } from './projection';
import { ProjectionCheckpoints } from './projection-checkpoints';
import { acquireProjectionLock, type HeldLock } from './projection-lock';
import { replay, type ReplayProgress } from './replay';
import { isTransient } from './transient-errors';

export interface ProjectionLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface ProjectionRunnerOptions {
  /** The read-model database: lock connection, batch transactions and checkpoint table. */
  readonly pool: Pool;
  /** The log (decorate it with withUpcasters / withCryptoShredding as the service does). */
  readonly store: EventStore;
  readonly projection: Projection;
  /** Schema of `projection_checkpoints` (default `public`; usually the service's schema). */
  readonly schema?: string;
  /** Backlog measurement for lag and rebuild progress; pass postgresLogHead(pgStore) in services. */
  readonly logHead?: LogHead;
  readonly batchSize?: number;
  /** How often a standby tries to take the lock (default 1000 ms). */
  readonly lockRetryMs?: number;
  /** How often the active instance refreshes the lag gauges (default 5000 ms). */
  readonly lagSampleMs?: number;
  readonly logger?: ProjectionLogger;
}

const silentInfo: ProjectionLogger = {
  info: () => undefined,
  warn: (message, fields) => console.warn(message, fields ?? ''),
  error: (message, fields) => console.error(message, fields ?? ''),
};

export class ProjectionRunner {
  readonly checkpoints: ProjectionCheckpoints;
  readonly parked: ParkedEvents;
  private readonly projection: Projection;
  private readonly logHead: LogHead;
  private readonly batchSize: number;
  private readonly lockRetryMs: number;
  private readonly lagSampleMs: number;
  private readonly logger: ProjectionLogger;
  private readonly gauges = lagGauges();
  private readonly parking = parkingMetrics();
  private readonly abort = new AbortController();
  private loop: Promise<void> | undefined;
  private lock: HeldLock | undefined;
  private activeWaiters: Array<() => void> = [];

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.projection = options.projection;
    this.checkpoints = new ProjectionCheckpoints(options.pool, options.schema);
    this.parked = new ParkedEvents(options.pool, options.schema);
    this.logHead = options.logHead ?? readAllLogHead(options.store);
    this.batchSize = options.batchSize ?? 500;
    this.lockRetryMs = options.lockRetryMs ?? 1_000;
    this.lagSampleMs = options.lagSampleMs ?? 5_000;
    this.logger = options.logger ?? silentInfo;
  }

  /** Starts competing for the projection; returns at once. */
  start(): this {
    this.loop ??= this.run();
    return this;
  }

  /** Stops after the batch in flight and releases the lock. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
  }

  /** True while this instance holds the lock and is (re)building or following the log. */
  get isActive(): boolean {
    return this.lock !== undefined;
  }

  /** Backend pid of the lock connection while active. */
  get lockPid(): number | undefined {
    return this.lock?.pid;
  }

  /** Resolves when this instance becomes the active one. */
  whenActive(): Promise<void> {
    return this.isActive
      ? Promise.resolve()
      : new Promise((resolve) => this.activeWaiters.push(resolve));
  }

  /** Read-your-writes: see ProjectionCheckpoints.waitForPosition. */
  waitForPosition(position: Position, timeoutMs: number): Promise<boolean> {
    return this.checkpoints.waitForPosition(
      this.projection.name,
      position,
      timeoutMs,
      this.projection.version,
    );
  }

  /** Refreshes the lag gauges now (also done every `lagSampleMs` while active). */
  async sampleLag(): Promise<{ events: number; seconds: number }> {
    const checkpoint = await this.checkpoints.get(this.projection.name);
    const backlog = await this.logHead.behind(
      checkpoint?.position ?? START,
      this.projection.categories,
    );
    // Nothing applied yet: the backlog is as old as its oldest event.
    const appliedUpTo = checkpoint?.lastEventAt ?? backlog.firstCreatedAt;
    const seconds =
      backlog.events > 0 && backlog.headCreatedAt && appliedUpTo
        ? Math.max(0, (backlog.headCreatedAt.getTime() - appliedUpTo.getTime()) / 1000)
        : 0;
    this.gauges.set(this.projection.name, backlog.events, seconds);
    this.parking.setParked(this.projection.name, await this.parked.count(this.projection.name));
    // Caught up while holding the lock: moving again, even if no batch came to say so.
    if (this.isActive && backlog.events === 0 && checkpoint?.stalledSince)
      await this.checkpoints.clearStall(this.projection.name);
    return { events: backlog.events, seconds };
  }

  private async run(): Promise<void> {
    const signal = this.abort.signal;
    let backoff = this.lockRetryMs;
    while (!signal.aborted) {
      let lock: HeldLock | null = null;
      try {
        lock = await acquireProjectionLock(this.options.pool, this.projection.name, {
          retryMs: this.lockRetryMs,
          signal,
        });
        if (!lock) break;
        this.lock = lock;
        this.logger.info('projection active', { projection: this.projection.name, pid: lock.pid });
        this.activeWaiters.splice(0).forEach((resolve) => resolve());
        await this.follow(lock);
        backoff = this.lockRetryMs;
      } catch (error) {
        if (signal.aborted) break;
        const fields = { projection: this.projection.name, error: (error as Error).message };
        if (error instanceof ProjectionVersionMismatchError) {
          // An older instance during a rolling deploy: leave the newer read model alone.
          this.logger.warn('projection read model belongs to another version; standing by', fields);
        } else {
          this.logger.error('projection stalled; will retry', {
            ...fields,
            transient: isTransient(error),
          });
          await this.checkpoints
            .markStalled(this.projection.name, messageOf(error))
            .catch(() => undefined);
        }
        backoff = Math.min(backoff * 2, 30_000);
      } finally {
        this.lock = undefined;
        this.gauges.clear(this.projection.name);
        this.parking.clear(this.projection.name);
        await lock?.release();
      }
      await sleep(backoff, signal);
    }
  }

  /** Runs until stopped, the connection is lost, or a batch fails. */
  private async follow(lock: HeldLock): Promise<void> {
    const { projection, checkpoints } = this;
    const signal = this.abort.signal;
    const lost = lock.lost.then((error) =>
      Promise.reject(new Error(`lock connection lost: ${error.message}`)),
    );
    lost.catch(() => undefined);
    const stopped = new Promise<void>((resolve) =>
      signal.addEventListener('abort', () => resolve(), { once: true }),
    );

    await checkpoints.migrate(lock.client);
    await inBatchTransaction(lock.client, () => projection.init(lock.client));
    const stored = await checkpoints.get(projection.name, lock.client);
    if (stored && stored.version > projection.version) {
      throw new ProjectionVersionMismatchError(projection.name, projection.version, stored.version);
    }
    if (!stored || stored.version < projection.version || stored.status === 'rebuilding') {
      const reset = !stored || stored.version < projection.version;
      this.logger.info(reset ? 'projection rebuilding' : 'projection resuming its rebuild', {
        projection: projection.name,
        from: stored?.version,
        to: projection.version,
      });
      let lastLog = 0;
      await Promise.race([
        lost,
        replay(lock.client, {
          store: this.options.store,
          projection,
          checkpoints,
          logHead: this.logHead,
          batchSize: this.batchSize,
          reset,
          signal,
          onParked: (parked) => this.reportParked(parked),
          onProgress: (p: ReplayProgress) => {
            if (Date.now() - lastLog < 10_000 && p.done < p.total) return;
            lastLog = Date.now();
            this.logger.info('projection rebuild progress', { ...p, position: undefined });
          },
        }),
      ]);
      if (signal.aborted) return;
    }

    const from = (await checkpoints.get(projection.name, lock.client))!.position;
    const subscription = this.options.store.subscribe(
      { from, batchSize: this.batchSize, categories: projection.categories },
      async (events) => {
        await applyBatch(lock.client, projection, checkpoints, events, {
          status: 'live',
          onParked: (parked) => this.reportParked(parked),
        });
      },
    );
    const sampler = setInterval(
      () => void this.sampleLag().catch(() => undefined),
      this.lagSampleMs,
    );
    void this.sampleLag().catch(() => undefined);
    try {
      await Promise.race([subscription.done, lost, stopped]);
    } finally {
      clearInterval(sampler);
      await subscription.stop();
    }
  }

  private reportParked(parked: readonly ParkedEvent[]): void {
    for (const event of parked) {
      this.logger.warn('projection parked an event; its stream is stale until retried', {
        projection: this.projection.name,
        ...parkedLogFields(event),
        sqlState: event.sqlState ?? undefined,
      });
    }
    void this.parked
      .count(this.projection.name)
      .then((n) => this.parking.setParked(this.projection.name, n))
      .catch(() => undefined);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
