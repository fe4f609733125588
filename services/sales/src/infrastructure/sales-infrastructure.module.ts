/**
 * Where the service's adapters are chosen: the PostgreSQL event store in the `sales` schema,
 * wrapped in crypto-shredding (lead profiles), a separate pool for background workers, the read
 * models, the command path, and the messaging (relay + contacts consumer).
 */
import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import {
  PostgresEventStore,
  PostgresSubjectKeyStore,
  withCryptoShredding,
  type EventStore,
} from '@crm/event-sourcing';
import { PG_POOL, PLATFORM_CONFIG, type PlatformConfig } from '@crm/platform';
import { Pool } from 'pg';
import { PersonalData } from '../integration/personal-data';
import { SalesMessaging } from '../integration/sales-messaging';
import { salesPersonalData } from './personal-data-spec';
import { AggregateCommands } from './aggregate-commands';
import { ReadModelReadyInterceptor } from './read-model-ready.interceptor';
import { ReadModels } from './read-models';
import {
  EVENT_STORE,
  RAW_EVENT_STORE,
  SALES_KEYS_SCHEMA,
  SALES_SCHEMA,
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
          max: 8,
          application_name: 'sales-workers',
        });
        pool.on('error', () => undefined); // a dropped idle connection reconnects on next use
        return pool;
      },
    },
    {
      provide: RAW_EVENT_STORE,
      inject: [PG_POOL],
      useFactory: (pool: Pool) => PostgresEventStore.open(pool, { schema: SALES_SCHEMA }),
    },
    {
      provide: SUBJECT_KEYS,
      inject: [PG_POOL],
      useFactory: async (pool: Pool) => {
        const keys = new PostgresSubjectKeyStore(pool, { schema: SALES_KEYS_SCHEMA });
        await keys.migrate();
        return keys;
      },
    },
    {
      provide: EVENT_STORE,
      inject: [RAW_EVENT_STORE, SUBJECT_KEYS],
      useFactory: (raw: PostgresEventStore, keys: PostgresSubjectKeyStore): EventStore =>
        withCryptoShredding(raw, keys, salesPersonalData),
    },
    WorkerPoolCloser,
    ReadModels,
    AggregateCommands,
    PersonalData,
    SalesMessaging,
    { provide: APP_INTERCEPTOR, useClass: ReadModelReadyInterceptor },
  ],
  exports: [
    EVENT_STORE,
    RAW_EVENT_STORE,
    SUBJECT_KEYS,
    WORKER_POOL,
    ReadModels,
    AggregateCommands,
    PersonalData,
    SalesMessaging,
  ],
})
export class SalesInfrastructureModule {}
