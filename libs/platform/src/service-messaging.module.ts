/**
 * A service's MessagingModule, wired to what the platform resolved: the relay publishing the
 * service's topic from its event log, the state publisher (with `stateSources`), and whatever `@EventPattern` consumers the service declares.
 * Kafka when KAFKA_BROKERS is set, else the embedded Postgres log in MESSAGING_DATABASE_URL
 * (default: the service's database); MESSAGING_NAMESPACE is applied by the module.
 */
import type { ServiceName } from '@crm/contracts';
import type { EventStore } from '@crm/event-sourcing';
import {
  createTransport,
  messagingConfigFromEnv,
  MessagingModule,
  type IntegrationEventMapper,
  type StateSource,
} from '@crm/messaging';
import type { DynamicModule } from '@nestjs/common';
import type { Pool } from 'pg';
import { PLATFORM_CONFIG, SERVICE_ENV, type Env, type PlatformConfig } from './config';
import { EVENT_STORE, WORKER_POOL } from './event-sourcing/tokens';
import { ReadinessChecks } from './health/readiness-checks';
import { serviceLogger } from './logging/logger';

export interface ServiceMessagingOptions {
  readonly service: ServiceName;
  /** Domain events -> integration events on the service's topic. */
  readonly mapper: IntegrationEventMapper;
  /** Stream categories of the log the relay reads. */
  readonly categories: readonly string[];
  /** Aggregates whose current state goes on their compacted state topics (`<service>.state`). */
  readonly stateSources?: readonly StateSource[];
}

export function serviceMessagingModule(options: ServiceMessagingOptions): DynamicModule {
  return MessagingModule.forRootAsync({
    inject: [PLATFORM_CONFIG, SERVICE_ENV, WORKER_POOL, EVENT_STORE, ReadinessChecks],
    useFactory: (
      platform: PlatformConfig,
      env: Env,
      pool: Pool,
      store: EventStore,
      readiness: ReadinessChecks,
    ) => {
      // Brokers and database as the platform resolved them (bootstrap may have started an
      // embedded PostgreSQL); everything else from the app's environment. The embedded log gets
      // its own pool on that database: its consumers hold sessions (advisory locks, LISTEN) that
      // must not take the projection workers' connections, and MESSAGING_DATABASE_URL may name
      // another database.
      const config = messagingConfigFromEnv({
        ...env,
        KAFKA_BROKERS: (platform.kafkaBrokers ?? []).join(','),
        DATABASE_URL: platform.databaseUrl,
      });
      const logger = serviceLogger(platform, `${options.service}-messaging`);
      return {
        service: options.service,
        pool,
        config,
        transport: createTransport(config, { clientId: options.service, logger }),
        logger,
        // The `relay` check on /health/ready: parked events, a stopped relay.
        readiness,
        relay: { store, mapper: options.mapper, categories: options.categories },
        stateSources: options.stateSources,
      };
    },
  });
}
