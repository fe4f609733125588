/**
 * Runs the service's projections for as long as the app lives (one active instance per projection
 * across replicas, by advisory lock), lets command handlers wait until their write is visible
 * (read-your-writes), and tells queries whether a read model may be trusted yet. Registers the
 * `projections` readiness check: parked events listed, a long stall makes the replica unready.
 */
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import {
  assertReadModelReady,
  categoryOf,
  inTransaction,
  onAnyCheckpointMoved,
  ParkedEvents,
  PostgresEventStore,
  ProjectionCheckpoints,
  ProjectionRunner,
  postgresLogHead,
  START,
  stopCheckpointListener,
  type EventStore,
  type Position,
  type Projection,
  type ParkedSummary,
  type ProjectionCheckpoint,
  type ProjectionLogger,
  type StreamRef,
} from '@crm/event-sourcing';
import type { HealthIndicatorResult } from '@nestjs/terminus';
import { performance } from 'node:perf_hooks';
import type { Pool } from 'pg';
import { PG_POOL } from '../database/pg-pool';
import { projectionsHealth } from '../health/projection-health';
import { ReadinessChecks } from '../health/readiness-checks';
import { withTimeout } from '../health/timeout';
import {
  READ_MODEL_RETRY_AFTER_SECONDS,
  type EventSourcingModuleOptions,
} from './event-sourcing-options';
import type { ReadYourWrites } from './read-your-writes';
import { securingProjections } from '../tenancy/with-row-level-security';
import { EVENT_SOURCING_OPTIONS, EVENT_STORE, RAW_EVENT_STORE, WORKER_POOL } from './tokens';

/** How long a command waits for its events to reach the read models before answering anyway. */
const READ_YOUR_WRITES_TIMEOUT_MS = 5_000;
/** How often a standby replica tries to take over a projection. */
const LOCK_RETRY_MS = 500;
/** A projection stuck retrying for longer than this makes /health/ready answer 503. */
export const STALLED_READ_MODEL_AFTER_MS = 60_000;
/**
 * How long the GET gate trusts a read model it saw live without asking again. Any checkpoint
 * change (a rebuild starting, here or in another replica by NOTIFY) drops it at once; this bound
 * only matters when that signal is lost: a rebuild then gates GETs at most this much later.
 */
export const READY_CACHE_MS = 500;

@Injectable()
export class ReadModels implements OnApplicationBootstrap, OnModuleDestroy {
  readonly projections: readonly Projection[];
  private readonly logger = new Logger('ReadModels');
  private readonly checkpoints: ProjectionCheckpoints;
  private readonly parked: ParkedEvents;
  private runners: ProjectionRunner[] = [];
  /** Read model -> until when (performance.now()) the gate trusts it is live. */
  private readonly readyUntil = new Map<string, number>();
  /** Bumped on every checkpoint signal: a check in flight across one does not fill the cache. */
  private signals = 0;
  private stopWatchingReadiness: (() => void) | undefined;

  constructor(
    @Inject(EVENT_SOURCING_OPTIONS) private readonly options: EventSourcingModuleOptions,
    @Inject(WORKER_POOL) private readonly workerPool: Pool,
    @Inject(PG_POOL) private readonly requestPool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(RAW_EVENT_STORE) private readonly raw: PostgresEventStore,
    private readonly readiness: ReadinessChecks,
  ) {
    // Their tables get the tenant policy whenever they are (re)created.
    const secure = securingProjections(options.schema, (message) => this.logger.warn(message));
    this.projections = options.projections.map(secure);
    // Readiness is asked on the request path: the request pool, not the workers'.
    this.checkpoints = new ProjectionCheckpoints(requestPool, options.schema);
    this.parked = new ParkedEvents(requestPool, options.schema);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.readiness.register('projections', () => this.health());
    // Tables exist before the first query, even while this replica waits for a runner's lock.
    for (const projection of this.projections) await this.initUnderLock(projection);
    this.stopWatchingReadiness = onAnyCheckpointMoved(
      this.options.schema,
      this.projections.map((p) => p.name),
      (name) => {
        this.signals++;
        this.readyUntil.delete(name);
      },
      this.workerPool,
    );
    const logger = nestProjectionLogger(this.logger);
    this.runners = this.projections.map((projection) =>
      new ProjectionRunner({
        pool: this.workerPool,
        store: this.store,
        projection,
        schema: this.options.schema,
        logHead: postgresLogHead(this.raw),
        lockRetryMs: LOCK_RETRY_MS,
        logger,
      }).start(),
    );
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
    this.stopWatchingReadiness?.();
    await Promise.all([this.workerPool, this.requestPool].map(stopCheckpointListener));
  }

  /**
   * Waits (bounded) until every projection that reads `category` (all of them without one) has
   * applied `position`. Projections limited to other categories never see the event: not awaited.
   */
  async caughtUp(position: Position, category?: string): Promise<boolean> {
    const results = await Promise.all(
      this.relevantTo(category).map(({ runner }) =>
        runner.waitForPosition(position, READ_YOUR_WRITES_TIMEOUT_MS),
      ),
    );
    return results.every(Boolean);
  }

  /**
   * Read-your-writes for a command that appended to `stream` up to `position`: `visible` once
   * every read model of its category shows it, `pending` if the wait ran out, `stale` if one of
   * them parked an event of the stream (its row stays frozen until the events are retried).
   */
  async readYourWrites(position: Position, stream: StreamRef): Promise<ReadYourWrites> {
    if (!(await this.caughtUp(position, categoryOf(stream.id)))) return 'pending';
    const names = this.relevantTo(categoryOf(stream.id)).map(({ projection }) => projection.name);
    return names.length && (await this.parked.isStale(names, stream)) ? 'stale' : 'visible';
  }

  /** Whether the read model `name` holds a frozen view of `stream` (an event of it parked). */
  isStale(name: string, stream: StreamRef): Promise<boolean> {
    return this.parked.isStale(name, stream);
  }

  /** The `projections` readiness check (see projection-health.ts). */
  async health(): Promise<HealthIndicatorResult> {
    const names = this.projections.map((p) => p.name);
    let summaries: ParkedSummary[];
    let checkpoints: Array<ProjectionCheckpoint | null>;
    try {
      [summaries, checkpoints] = await withTimeout(
        Promise.all([
          this.parked.summary(names),
          Promise.all(names.map((name) => this.checkpoints.get(name))),
        ]),
        2_000,
        'reading projection checkpoints',
      );
    } catch (error) {
      // A throw would turn /health/ready into a 500; the database check says why anyway.
      return { projections: { status: 'down', message: (error as Error).message } };
    }
    return projectionsHealth(
      names.map((name, i) => ({ name, checkpoint: checkpoints[i], parked: summaries[i] })),
      // Wall-clock time against the database's stalled_since, not a business "now".
      new Date(),
      STALLED_READ_MODEL_AFTER_MS,
    );
  }

  private relevantTo(category?: string) {
    return this.projections
      .map((projection, i) => ({ projection, runner: this.runners[i] }))
      .filter(({ projection: { categories } }) => {
        return category === undefined || !categories || categories.includes(category);
      });
  }

  /** Resolves true once every read model is built and live (false after `timeoutMs`). */
  async whenLive(timeoutMs: number): Promise<boolean> {
    // Through the runners (worker pool) when they exist: their LISTEN connection is the one the
    // process already has, not a second on the request pool.
    const results = await Promise.all(
      this.projections.map((p, i) =>
        this.runners[i]
          ? this.runners[i].waitForPosition(START, timeoutMs)
          : this.checkpoints.waitForPosition(p.name, START, timeoutMs, p.version),
      ),
    );
    return results.every(Boolean);
  }

  /**
   * 503 problem (with Retry-After) instead of a half-built answer while the read model `name`
   * (every read model without a name) is not built yet or is being rebuilt. A read model seen
   * live is trusted for READY_CACHE_MS without a query (a GET pays no round trip for the gate);
   * its checkpoint's signal ends that early, so a rebuild gates at once, or within 500 ms.
   */
  async assertReady(name?: string): Promise<void> {
    const names = name === undefined ? this.projections.map((p) => p.name) : [name];
    if (name !== undefined && !this.projections.some((p) => p.name === name))
      throw new Error(`Unknown read model "${name}"`);
    // ReadModelUnavailableError becomes the 503 problem (and Retry-After) in the error filter.
    for (const projection of names) {
      if ((this.readyUntil.get(projection) ?? 0) > performance.now()) continue;
      const signalsBefore = this.signals;
      await assertReadModelReady(this.checkpoints, projection, READ_MODEL_RETRY_AFTER_SECONDS);
      if (this.signals === signalsBefore)
        this.readyUntil.set(projection, performance.now() + READY_CACHE_MS);
    }
  }

  private async initUnderLock(projection: Projection): Promise<void> {
    await inTransaction(this.workerPool, async (client) => {
      // Replicas starting together would race on CREATE TABLE IF NOT EXISTS (catalog conflicts).
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `${this.options.schema}-read-model-init`,
      ]);
      await projection.init(client);
    });
  }
}

function nestProjectionLogger(logger: Logger): ProjectionLogger {
  return {
    info: (message, fields) => logger.log({ ...fields, msg: message }),
    warn: (message, fields) => logger.warn({ ...fields, msg: message }),
    error: (message, fields) => logger.error({ ...fields, msg: message }),
  };
}
