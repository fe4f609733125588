/**
 * A service's event-sourced infrastructure from one import: the PostgreSQL event store in the
 * service schema behind crypto-shredding, subject keys, a worker pool, the read models and the
 * command path. The service keeps only its specifics (schemas, personal data, projections):
 *
 *   EventSourcingModule.forRoot({ schema: 'sales', keysSchema: 'sales_keys',
 *     personalData: salesPersonalData, projections: [salesReadModels], gateAllQueries: true })
 *
 * Needs PlatformModule (PG_POOL, PLATFORM_CONFIG, PLATFORM_OPTIONS).
 */
import {
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import type { EventStore, PostgresEventStore, PostgresSubjectKeyStore } from '@crm/event-sourcing';
import type { Pool } from 'pg';
import { PLATFORM_CONFIG, type PlatformConfig } from '../config/platform-config';
import { PG_POOL } from '../database/pg-pool';
import { PLATFORM_OPTIONS, type PlatformModuleOptions } from '../platform-options';
import { AggregateCommands } from './aggregate-commands';
import {
  DEFAULT_WORKER_POOL_SIZE,
  type EventSourcingModuleOptions,
} from './event-sourcing-options';
import { ReadModelReadyInterceptor } from './read-model-ready.interceptor';
import { RecordHistory } from '../history/record-history.service';
import { ReadModels } from './read-models';
import { openServiceEventStore, type ServiceEventStore } from './service-event-store';
import {
  EVENT_SOURCING_OPTIONS,
  EVENT_STORE,
  RAW_EVENT_STORE,
  SUBJECT_KEYS,
  WORKER_POOL,
} from './tokens';
import { createWorkerPool } from './worker-pool';

const SERVICE_EVENT_STORE = Symbol('SERVICE_EVENT_STORE');

/** Runs after the read models stopped (onModuleDestroy) and the HTTP server drained. */
@Injectable()
class EventSourcingCloser implements OnApplicationShutdown {
  constructor(
    @Inject(WORKER_POOL) private readonly pool: Pool,
    @Inject(RAW_EVENT_STORE) private readonly raw: PostgresEventStore,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.raw.close();
    await this.pool.end();
  }
}

@Module({})
export class EventSourcingModule {
  static forRoot(options: EventSourcingModuleOptions): DynamicModule {
    return {
      module: EventSourcingModule,
      global: true,
      providers: [
        { provide: EVENT_SOURCING_OPTIONS, useValue: options },
        {
          provide: WORKER_POOL,
          inject: [PLATFORM_CONFIG, PLATFORM_OPTIONS],
          useFactory: (config: PlatformConfig, platform: PlatformModuleOptions) => {
            if (!config.databaseUrl) throw new Error('EventSourcingModule needs DATABASE_URL');
            return createWorkerPool(
              config.databaseUrl,
              platform.serviceName,
              options.workerPoolSize ?? DEFAULT_WORKER_POOL_SIZE,
            );
          },
        },
        {
          provide: SERVICE_EVENT_STORE,
          inject: [PG_POOL],
          useFactory: (pool: Pool) => openServiceEventStore(pool, options),
        },
        {
          provide: RAW_EVENT_STORE,
          inject: [SERVICE_EVENT_STORE],
          useFactory: (opened: ServiceEventStore): PostgresEventStore => opened.raw,
        },
        {
          provide: SUBJECT_KEYS,
          inject: [SERVICE_EVENT_STORE],
          useFactory: (opened: ServiceEventStore): PostgresSubjectKeyStore => opened.keys,
        },
        {
          provide: EVENT_STORE,
          inject: [SERVICE_EVENT_STORE],
          useFactory: (opened: ServiceEventStore): EventStore => opened.store,
        },
        EventSourcingCloser,
        ReadModels,
        AggregateCommands,
        RecordHistory,
        { provide: APP_INTERCEPTOR, useClass: ReadModelReadyInterceptor },
      ],
      exports: [
        EVENT_SOURCING_OPTIONS,
        EVENT_STORE,
        RAW_EVENT_STORE,
        SUBJECT_KEYS,
        WORKER_POOL,
        ReadModels,
        AggregateCommands,
        RecordHistory,
      ],
    };
  }
}
