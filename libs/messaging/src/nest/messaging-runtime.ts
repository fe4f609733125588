/**
 * Starts and stops a service's messaging with the Nest application: provisions its topics (and
 * their DLQs), starts one idempotent consumer per consumer name with the handlers discovered on
 * providers, and the relay of its own log. Shut down in reverse order on application shutdown.
 */
import { eventsOfService, type ServiceName } from '@crm/contracts';
import type { EventStore } from '@crm/event-sourcing';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { Pool } from 'pg';
import type { BackoffOptions } from '../backoff';
import { IntegrationEventConsumer } from '../consumer/integration-event-consumer';
import type { IntegrationEventHandlerFn } from '../consumer/received-event';
import type { MessagingLogger } from '../logger';
import { topicSpecs, type MessagingConfig } from '../messaging-config';
import type { IntegrationEventMapper } from '../relay/integration-event-mapper';
import { Relay } from '../relay/relay';
import type { MessageTransport } from '../transport/message-transport';
import {
  INTEGRATION_EVENT_HANDLER,
  type IntegrationEventHandlerMetadata,
} from './integration-event-handler.decorator';

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
export const MESSAGE_TRANSPORT = Symbol('MESSAGE_TRANSPORT');

export interface MessagingModuleOptions {
  readonly service: ServiceName;
  /** The service's database (inbox, relay checkpoint, handlers' effects). */
  readonly pool: Pool;
  readonly transport: MessageTransport;
  readonly config: MessagingConfig;
  /** Publish this service's integration events from its log. */
  readonly relay?: {
    readonly store: EventStore;
    readonly mapper: IntegrationEventMapper;
    readonly categories?: readonly string[];
    readonly types?: readonly string[];
  };
  /** Default consumer group for handlers that name none. Default: the service name. */
  readonly consumerName?: string;
  /**
   * Handler maps that are not provider methods (e.g. built by a function from the store), run
   * beside the @IntegrationEventHandler methods; one event type per consumer name either way.
   */
  readonly consumers?: readonly IntegrationEventHandlerMap[];
  readonly maxAttempts?: number;
  readonly retry?: BackoffOptions;
  /** Close the transport on shutdown. Default true. */
  readonly closeTransport?: boolean;
  readonly logger?: MessagingLogger;
}

export interface IntegrationEventHandlerMap {
  /** Consumer group (and inbox key), e.g. `sales.contact-references`. */
  readonly name: string;
  /** Event type -> handler. */
  readonly handlers: Readonly<Record<string, IntegrationEventHandlerFn>>;
}

@Injectable()
export class MessagingRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Messaging');
  private consumers: IntegrationEventConsumer[] = [];
  private relay: Relay | undefined;
  private relayError: Error | undefined;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
    /** options.transport within the configured namespace. */
    @Inject(MESSAGE_TRANSPORT) private readonly transport: MessageTransport,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  /** Set when the relay stopped on an invalid mapping (readiness checks can report it). */
  get relayFailure(): Error | undefined {
    return this.relayError;
  }

  async onApplicationBootstrap(): Promise<void> {
    const o = this.options;
    this.consumers = [...this.discoverHandlers()].map(
      ([name, handlers]) =>
        new IntegrationEventConsumer({
          name,
          handlers,
          transport: this.transport,
          pool: o.pool,
          maxAttempts: o.maxAttempts,
          retry: o.retry,
          logger: o.logger,
        }),
    );
    const published = o.relay ? eventsOfService(o.service).map((d) => d.topic) : [];
    const consumed = this.consumers.flatMap((c) => c.subscribedTopics);
    await this.transport.provision(topicSpecs([...published, ...consumed], o.config));
    for (const consumer of this.consumers) await consumer.start();
    if (o.relay) {
      this.relay = new Relay({
        name: o.service,
        source: `/crm/${o.service}`,
        store: o.relay.store,
        pool: o.pool,
        transport: this.transport,
        mapper: o.relay.mapper,
        categories: o.relay.categories,
        types: o.relay.types,
        logger: o.logger,
      });
      await this.relay.start();
      this.relay.done.catch((error: Error) => {
        this.relayError = error;
        this.logger.error(error.message);
      });
    }
    this.logger.log(
      `${this.transport.kind} transport${o.config.namespace ? ` in namespace ${o.config.namespace}` : ''}; relay ${o.relay ? 'on' : 'off'}; consumers: ${this.consumers.map((c) => c.subscribedTopics.join(',')).join('; ') || 'none'}`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
    for (const consumer of this.consumers) await consumer.stop();
    if (this.options.closeTransport ?? true) await this.transport.close();
  }

  /**
   * consumer name -> (event type -> handler), from every @IntegrationEventHandler method and the
   * handler maps of the options.
   */
  private discoverHandlers(): Map<string, Record<string, IntegrationEventHandlerFn>> {
    const byConsumer = new Map<string, Record<string, IntegrationEventHandlerFn>>();
    const add = (consumer: string, type: string, handler: IntegrationEventHandlerFn) => {
      const handlers = byConsumer.get(consumer) ?? {};
      if (handlers[type]) {
        throw new Error(`Two handlers of '${type}' in consumer ${consumer}; keep one`);
      }
      handlers[type] = handler;
      byConsumer.set(consumer, handlers);
    };
    for (const { name, handlers } of this.options.consumers ?? []) {
      for (const [type, handler] of Object.entries(handlers)) add(name, type, handler);
    }
    const defaultConsumer = this.options.consumerName ?? this.options.service;
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn = instance[method];
        if (typeof fn !== 'function') continue;
        const metadata: IntegrationEventHandlerMetadata[] | undefined = Reflect.getMetadata(
          INTEGRATION_EVENT_HANDLER,
          fn,
        );
        for (const { type, consumer = defaultConsumer } of metadata ?? []) {
          add(consumer, type, (fn as IntegrationEventHandlerFn).bind(instance));
        }
      }
    }
    return byConsumer;
  }
}
