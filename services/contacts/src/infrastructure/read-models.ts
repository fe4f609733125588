/**
 * Runs the service's projections for as long as the app lives, and lets command handlers wait
 * until their write is visible in the read models (read-your-writes for the client that wrote).
 */
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import {
  PostgresEventStore,
  ProjectionRunner,
  postgresLogHead,
  type EventStore,
  type Position,
  type Projection,
} from '@crm/event-sourcing';
import type { Pool } from 'pg';
import { directoryProjection } from '../directory/directory.projection';
import { timelineProjection } from '../timeline/timeline.projection';
import { CONTACTS_SCHEMA, EVENT_STORE, RAW_EVENT_STORE, WORKER_POOL } from './tokens';

export const PROJECTIONS: readonly Projection[] = [directoryProjection, timelineProjection];

/** How long a command waits for its events to reach the read models before answering anyway. */
const READ_YOUR_WRITES_TIMEOUT_MS = 5_000;

@Injectable()
export class ReadModels implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ReadModels');
  private runners: ProjectionRunner[] = [];

  constructor(
    @Inject(WORKER_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(RAW_EVENT_STORE) private readonly raw: PostgresEventStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Tables exist before the first query, even while a runner still waits for its lock.
    for (const projection of PROJECTIONS) {
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(`SELECT pg_advisory_xact_lock(hashtext('contacts-read-model-init'))`);
        await projection.init(client);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    }
    this.runners = PROJECTIONS.map((projection) =>
      new ProjectionRunner({
        pool: this.pool,
        store: this.store,
        projection,
        schema: CONTACTS_SCHEMA,
        logHead: postgresLogHead(this.raw),
        lockRetryMs: 500,
        logger: {
          info: (message, fields) => this.logger.log({ ...fields, msg: message }),
          warn: (message, fields) => this.logger.warn({ ...fields, msg: message }),
          error: (message, fields) => this.logger.error({ ...fields, msg: message }),
        },
      }).start(),
    );
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }

  /** Waits until every projection reading `category` has applied `position`. */
  async caughtUp(position: Position, category: string): Promise<boolean> {
    const relevant = this.runners.filter(
      (_, i) => PROJECTIONS[i].categories?.includes(category) ?? true,
    );
    const results = await Promise.all(
      relevant.map((r) => r.waitForPosition(position, READ_YOUR_WRITES_TIMEOUT_MS)),
    );
    return results.every(Boolean);
  }
}
