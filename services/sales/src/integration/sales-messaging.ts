/**
 * The service's integration with the rest of the CRM: the relay publishing crm.sales.v1 from the
 * log, and the consumer of crm.contacts.v1. Kafka when KAFKA_BROKERS is set, else the embedded
 * Postgres transport. One relay instance is active at a time (the relay's own lock).
 */
import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { topicFor } from '@crm/contracts';
import type { EventStore } from '@crm/event-sourcing';
import {
  createTransport,
  IntegrationEventConsumer,
  messagingConfigFromEnv,
  Relay,
  topicSpecs,
  type MessageTransport,
  type MessagingLogger,
} from '@crm/messaging';
import { PLATFORM_CONFIG, type PlatformConfig, EVENT_STORE, WORKER_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import pino from 'pino';
import { contactReferenceHandlers } from '../contact-directory/contact-references.consumer';
import { PersonalData } from './personal-data';
import { salesIntegrationEvents } from './sales-integration-events';

/** Appended to every topic name; lets test runs share one broker without seeing each other. */
const topicSuffix = () => process.env.SALES_TOPIC_SUFFIX ?? '';

@Injectable()
export class SalesMessaging implements OnApplicationBootstrap, OnModuleDestroy {
  readonly transport: MessageTransport;
  private readonly logLevel: string;
  private relay: Relay | undefined;
  private consumer: IntegrationEventConsumer | undefined;

  constructor(
    @Inject(PLATFORM_CONFIG) config: PlatformConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(WORKER_POOL) private readonly pool: Pool,
    private readonly personalData: PersonalData,
  ) {
    this.logLevel = config.logLevel;
    const fromEnv = messagingConfigFromEnv(process.env);
    const brokers = config.kafkaBrokers ?? [];
    this.transport = createTransport(
      {
        ...fromEnv,
        transport: brokers.length ? 'kafka' : 'embedded',
        kafkaBrokers: brokers,
        embeddedDatabaseUrl: process.env.MESSAGING_DATABASE_URL || config.databaseUrl,
      },
      { clientId: 'sales', logger: this.messagingLogger() },
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    const suffix = topicSuffix();
    const sales = topicFor('sales') + suffix;
    const contacts = topicFor('contacts') + suffix;
    await this.transport.provision(
      topicSpecs([sales, contacts], messagingConfigFromEnv(process.env)),
    );
    this.relay = new Relay({
      name: 'sales',
      source: '/crm/sales',
      store: this.store,
      pool: this.pool,
      transport: this.transport,
      mapper: salesIntegrationEvents,
      categories: ['lead', 'opportunity', 'activity', 'quote', 'order'],
      topicName: (published) => published + suffix,
      logger: this.messagingLogger(),
    });
    await this.relay.start();
    this.consumer = new IntegrationEventConsumer({
      name: 'sales.contact-references',
      transport: this.transport,
      pool: this.pool,
      topics: [contacts],
      handlers: contactReferenceHandlers(this.store, (tenant, contactId, tx) =>
        this.personalData.eraseContact(tenant, contactId, tx),
      ),
      logger: this.messagingLogger(),
    });
    await this.consumer.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.stop();
    await this.relay?.stop();
    await this.transport.close();
  }

  private messagingLogger(): MessagingLogger {
    return pino({ name: 'sales-messaging', level: this.logLevel });
  }
}
