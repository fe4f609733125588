/**
 * Runs the read-model projection for as long as the app lives (one active instance across
 * replicas, by advisory lock), and lets command handlers wait until their write is visible
 * (read-your-writes for the client that wrote).
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
  PostgresEventStore,
  ProjectionRunner,
  postgresLogHead,
  ReadModelUnavailableError,
  type EventStore,
  type Position,
} from '@crm/event-sourcing';
import { ProblemException } from '@crm/platform';
import type { Pool } from 'pg';
import { salesReadModels } from './sales-read-models.projection';
import { EVENT_STORE, RAW_EVENT_STORE, SALES_SCHEMA, WORKER_POOL } from './tokens';

const READ_YOUR_WRITES_TIMEOUT_MS = 5_000;
const RETRY_AFTER_SECONDS = 5;

@Injectable()
export class ReadModels implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ReadModels');
  private runner: ProjectionRunner | undefined;

  constructor(
    @Inject(WORKER_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(RAW_EVENT_STORE) private readonly raw: PostgresEventStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Tables exist before the first query, even while this replica waits for the lock.
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('sales-read-model-init'))`);
      await salesReadModels.init(client);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    this.runner = new ProjectionRunner({
      pool: this.pool,
      store: this.store,
      projection: salesReadModels,
      schema: SALES_SCHEMA,
      logHead: postgresLogHead(this.raw),
      lockRetryMs: 500,
      logger: {
        info: (message, fields) => this.logger.log({ ...fields, msg: message }),
        warn: (message, fields) => this.logger.warn({ ...fields, msg: message }),
        error: (message, fields) => this.logger.error({ ...fields, msg: message }),
      },
    }).start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.runner?.stop();
  }

  /** Waits (bounded) until the read models have applied `position`. */
  caughtUp(position: Position): Promise<boolean> {
    return this.runner
      ? this.runner.waitForPosition(position, READ_YOUR_WRITES_TIMEOUT_MS)
      : Promise.resolve(false);
  }

  /** 503 problem instead of a half-built answer while the read models are (re)built. */
  async assertReady(): Promise<void> {
    if (!this.runner) return;
    try {
      await assertReadModelReady(
        this.runner.checkpoints,
        salesReadModels.name,
        RETRY_AFTER_SECONDS,
      );
    } catch (error) {
      if (!(error instanceof ReadModelUnavailableError)) throw error;
      throw ProblemException.of(503, 'ReadModelUnavailable', error.message, {
        retryAfterSeconds: error.retryAfterSeconds,
      });
    }
  }
}
