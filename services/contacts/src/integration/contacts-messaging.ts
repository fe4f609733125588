/**
 * Messaging for the contacts service: the relay publishes `crm.contacts.v1` from the log (Kafka
 * when KAFKA_BROKERS is set, else the embedded Postgres transport), and the timeline feed
 * consumes what sales and campaigns publish.
 */
import { type EventStore } from '@crm/event-sourcing';
import { createTransport, messagingConfigFromEnv, MessagingModule } from '@crm/messaging';
import {
  PLATFORM_CONFIG,
  type PlatformConfig,
  EVENT_STORE,
  ReadinessChecks,
  WORKER_POOL,
} from '@crm/platform';
import type { Pool } from 'pg';
import { contactsIntegrationMapper } from './contacts-integration.mapper';

export const ContactsMessagingModule = MessagingModule.forRootAsync({
  inject: [PLATFORM_CONFIG, WORKER_POOL, EVENT_STORE, ReadinessChecks],
  useFactory: (
    platform: PlatformConfig,
    pool: Pool,
    store: EventStore,
    readiness: ReadinessChecks,
  ) => {
    const config = messagingConfigFromEnv({
      ...process.env,
      KAFKA_BROKERS: (platform.kafkaBrokers ?? []).join(','),
    });
    return {
      service: 'contacts' as const,
      pool,
      transport: createTransport(config, { clientId: 'contacts', embeddedPool: pool }),
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
