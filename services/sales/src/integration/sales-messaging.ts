/**
 * The service's integration with the rest of the CRM, through the shared MessagingModule: the
 * relay publishing crm.sales.v1 from the log, and the `sales.contact-references` consumer of
 * crm.contacts.v1 (ContactReferencesConsumer's `@EventPattern` methods). Kafka when KAFKA_BROKERS is set, else the embedded Postgres log (in
 * MESSAGING_DATABASE_URL, default the service's database); MESSAGING_NAMESPACE is applied by the
 * module.
 */
import type { EventStore } from '@crm/event-sourcing';
import { createTransport, messagingConfigFromEnv, MessagingModule } from '@crm/messaging';
import {
  EVENT_STORE,
  PLATFORM_CONFIG,
  ReadinessChecks,
  SERVICE_ENV,
  serviceLogger,
  WORKER_POOL,
  type Env,
  type PlatformConfig,
} from '@crm/platform';
import type { Pool } from 'pg';
import { salesIntegrationEvents } from './sales-integration-events';

export const SalesMessagingModule = MessagingModule.forRootAsync({
  inject: [PLATFORM_CONFIG, SERVICE_ENV, WORKER_POOL, EVENT_STORE, ReadinessChecks],
  useFactory: (
    platform: PlatformConfig,
    env: Env,
    pool: Pool,
    store: EventStore,
    readiness: ReadinessChecks,
  ) => {
    // Brokers and database as the platform resolved them (bootstrap may have started an
    // embedded PostgreSQL); everything else from the environment.
    const config = messagingConfigFromEnv({
      ...env,
      KAFKA_BROKERS: (platform.kafkaBrokers ?? []).join(','),
      DATABASE_URL: platform.databaseUrl,
    });
    const logger = serviceLogger(platform, 'sales-messaging');
    return {
      service: 'sales' as const,
      pool,
      config,
      transport: createTransport(config, { clientId: 'sales', logger }),
      logger,
      // The `relay` check on /health/ready: parked events, a stopped relay.
      readiness,
      relay: {
        store,
        mapper: salesIntegrationEvents,
        categories: ['lead', 'opportunity', 'activity', 'quote', 'order'],
      },
    };
  },
});
