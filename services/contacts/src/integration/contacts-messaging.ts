/**
 * Messaging for the contacts service: the relay publishes `crm.contacts.v1` from the log (Kafka
 * when KAFKA_BROKERS is set, else the embedded Postgres transport), and the timeline feed
 * consumes what sales and campaigns publish.
 */
import { type EventStore } from '@crm/event-sourcing';
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
import { contactsIntegrationMapper } from './contacts-integration.mapper';

export const ContactsMessagingModule = MessagingModule.forRootAsync({
  inject: [PLATFORM_CONFIG, SERVICE_ENV, WORKER_POOL, EVENT_STORE, ReadinessChecks],
  useFactory: (
    platform: PlatformConfig,
    env: Env,
    pool: Pool,
    store: EventStore,
    readiness: ReadinessChecks,
  ) => {
    // Brokers as the platform resolved them; the rest from the app's environment.
    const config = messagingConfigFromEnv({
      ...env,
      KAFKA_BROKERS: (platform.kafkaBrokers ?? []).join(','),
    });
    const logger = serviceLogger(platform, 'contacts-messaging');
    return {
      service: 'contacts' as const,
      pool,
      transport: createTransport(config, { clientId: 'contacts', embeddedPool: pool, logger }),
      logger,
      config,
      // The `relay` check on /health/ready: parked events, a stopped relay.
      readiness,
      relay: {
        store,
        mapper: contactsIntegrationMapper,
        categories: ['contact', 'consent', 'interaction', 'company'],
      },
    };
  },
});
