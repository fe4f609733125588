/**
 * Where the service's adapters are chosen: the PostgreSQL event store in the `sales` schema, a
 * separate pool for background workers, the read models and the command path.
 */
import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { PostgresEventStore } from '@crm/event-sourcing';
import { PG_POOL, PLATFORM_CONFIG, type PlatformConfig } from '@crm/platform';
import { Pool } from 'pg';
import { AggregateCommands } from './aggregate-commands';
import { ReadModels } from './read-models';
import { EVENT_STORE, SALES_SCHEMA, WORKER_POOL } from './tokens';

@Injectable()
class WorkerPoolCloser implements OnApplicationShutdown {
  constructor(
    @Inject(WORKER_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
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
          max: 6,
          application_name: 'sales-workers',
        });
        pool.on('error', () => undefined); // a dropped idle connection reconnects on next use
        return pool;
      },
    },
    {
      provide: EVENT_STORE,
      inject: [PG_POOL],
      useFactory: (pool: Pool) => PostgresEventStore.open(pool, { schema: SALES_SCHEMA }),
    },
    WorkerPoolCloser,
    ReadModels,
    AggregateCommands,
  ],
  exports: [EVENT_STORE, WORKER_POOL, ReadModels, AggregateCommands],
})
export class SalesInfrastructureModule {}
