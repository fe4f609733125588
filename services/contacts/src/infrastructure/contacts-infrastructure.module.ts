/**
 * Where the service's adapters are chosen: the PostgreSQL event store in the `contacts` schema,
 * wrapped in crypto-shredding, a separate pool for background workers, and the read models.
 */
import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  PostgresEventStore,
  PostgresSubjectKeyStore,
  withCryptoShredding,
  type EventStore,
} from '@crm/event-sourcing';
import { PG_POOL, PLATFORM_CONFIG, type PlatformConfig } from '@crm/platform';
import { Pool } from 'pg';
import { AggregateCommands } from './aggregate-commands';
import { personalDataSpec } from './personal-data';
import { ReadModelGate } from './read-model-gate';
import { ReadModels } from './read-models';
import {
  CONTACTS_KEYS_SCHEMA,
  CONTACTS_SCHEMA,
  EVENT_STORE,
  RAW_EVENT_STORE,
  SUBJECT_KEYS,
  WORKER_POOL,
} from './tokens';

@Injectable()
class WorkerPoolCloser implements OnApplicationShutdown {
  constructor(
    @Inject(WORKER_POOL) private readonly pool: Pool,
    @Inject(RAW_EVENT_STORE) private readonly raw: PostgresEventStore,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.raw.close();
    await this.pool.end();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: WORKER_POOL,
      inject: [PLATFORM_CONFIG],
      useFactory: (config: PlatformConfig) => {
        const pool = new Pool({
          connectionString: config.databaseUrl,
          max: 12,
          application_name: 'contacts-workers',
        });
        // An idle client losing its connection (server restart, admin kill) must not crash the
        // process; the workers holding clients see their own errors and retry.
        pool.on('error', (error) =>
          new Logger('WorkerPool').warn(`idle client error: ${error.message}`),
        );
        return pool;
      },
    },
    {
      provide: RAW_EVENT_STORE,
      inject: [PG_POOL],
      useFactory: (pool: Pool) => PostgresEventStore.open(pool, { schema: CONTACTS_SCHEMA }),
    },
    {
      provide: SUBJECT_KEYS,
      inject: [PG_POOL],
      useFactory: async (pool: Pool) => {
        const keys = new PostgresSubjectKeyStore(pool, { schema: CONTACTS_KEYS_SCHEMA });
        await keys.migrate();
        return keys;
      },
    },
    {
      provide: EVENT_STORE,
      inject: [RAW_EVENT_STORE, SUBJECT_KEYS],
      useFactory: (raw: PostgresEventStore, keys: PostgresSubjectKeyStore): EventStore =>
        withCryptoShredding(raw, keys, personalDataSpec),
    },
    WorkerPoolCloser,
    ReadModels,
    ReadModelGate,
    AggregateCommands,
  ],
  exports: [
    EVENT_STORE,
    RAW_EVENT_STORE,
    SUBJECT_KEYS,
    WORKER_POOL,
    ReadModels,
    ReadModelGate,
    AggregateCommands,
  ],
})
export class ContactsInfrastructureModule {}
