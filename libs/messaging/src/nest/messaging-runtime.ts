/**
 * Starts and stops a service's messaging with the Nest application: registers the
 * `@EventPattern` methods of controllers (and the option's handler maps) with the
 * IntegrationEventServer, provisions the service's topics (and their DLQs), starts the server's
 * consumers, then the relay of its own log and the state publisher (when the service has state
 * sources). Shut down in reverse order on application shutdown.
 */
import { eventsOfService, findStateTopic, STATE_TOPICS, type ServiceName } from '@crm/contracts';
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
import { ListenerMetadataExplorer } from '@nestjs/microservices/listener-metadata-explorer';
import type { BackoffOptions } from '../backoff';
import type { IntegrationEventHandlerFn } from '../consumer/received-event';
import type { MessagingLogger } from '../logger';
import {
  deadLetterTopicSpec,
  stateTopicSpecs,
  topicSpecs,
  type MessagingConfig,
} from '../messaging-config';
import type { IntegrationEventMapper } from '../relay/integration-event-mapper';
import { Relay } from '../relay/relay';
import { relayHealth, type ReadinessRegistry } from '../relay/relay-health';
import { statePublisherHealth } from '../state/state-health';
import { StatePublisher } from '../state/state-publisher';
import type { StateSource } from '../state/state-source';
import type { MessageTransport } from '../transport/message-transport';
import { IntegrationEventServer } from './integration-event-server';

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
  /**
   * Publish the current state of these aggregates on their compacted state topics (read from
   * `relay.store`; checkpoint `<service>.state`). Needs `relay`.
   */
  readonly stateSources?: readonly StateSource[];
  /** Consumer group of `@EventPattern` handlers that name none. Default: the service name. */
  readonly consumerName?: string;
  /**
   * Handler maps that are not controller methods, run beside the `@EventPattern` methods; one
   * event type per consumer name either way.
   */
  readonly consumers?: readonly IntegrationEventHandlerMap[];
  readonly maxAttempts?: number;
  readonly retry?: BackoffOptions;
  /**
   * Where to register the `relay` readiness check (parked events, a stopped relay): the service
   * passes @crm/platform's ReadinessChecks.
   */
  readonly readiness?: ReadinessRegistry;
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
  private server: IntegrationEventServer | undefined;
  private relay: Relay | undefined;
  private relayError: Error | undefined;
  private statePublisher: StatePublisher | undefined;
  private stateError: Error | undefined;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
    /** options.transport within the configured namespace. */
    @Inject(MESSAGE_TRANSPORT) private readonly transport: MessageTransport,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  /** Set when the relay ended with an error (the `relay` readiness check reports it). */
  get relayFailure(): Error | undefined {
    return this.relayError;
  }

  async onApplicationBootstrap(): Promise<void> {
    const o = this.options;
    const server = new IntegrationEventServer({
      transport: this.transport,
      pool: o.pool,
      defaultConsumer: o.consumerName ?? o.service,
      maxAttempts: o.maxAttempts,
      retry: o.retry,
      logger: o.logger,
    });
    this.registerHandlers(server);
    const consumed = server.subscribedTopics;
    const published = o.relay ? eventsOfService(o.service).map((d) => d.topic) : [];
    const stateSources = o.relay ? (o.stateSources ?? []) : [];
    const stateTopics = stateSources.map((s) => {
      const definition = findStateTopic(s.stateType);
      if (!definition) throw new Error(`${s.stateType} is not a state type in @crm/contracts`);
      return definition.topic;
    });
    // A consumed state topic (bootstrapping from another service's state) is provisioned as what
    // it is, compacted, or two services would keep resetting each other's settings.
    const isStateTopic = (topic: string) => STATE_TOPICS.some((d) => d.topic === topic);
    const consumedState = consumed.filter(isStateTopic);
    await this.transport.provision([
      ...topicSpecs([...published, ...consumed.filter((t) => !isStateTopic(t))], o.config),
      ...stateTopicSpecs([...stateTopics, ...consumedState], o.config),
      ...consumedState.map((topic) => deadLetterTopicSpec(topic, o.config)),
    ]);
    this.server = server;
    await new Promise<void>((resolve, reject) =>
      server.listen((error) => (error ? reject(error) : resolve())),
    );
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
      o.readiness?.register('relay', () => this.relayHealth());
      this.relay.done.catch((error: Error) => {
        this.relayError = error;
        this.logger.error(error.message);
      });
    }
    if (o.relay && stateSources.length) {
      this.statePublisher = new StatePublisher({
        name: `${o.service}.state`,
        source: `/crm/${o.service}`,
        store: o.relay.store,
        pool: o.pool,
        transport: this.transport,
        sources: stateSources,
        // Kafka compacts closed segments only: a second tombstone after the lag closes the one
        // holding an erased value even on a quiet partition. The embedded log needs none.
        tombstoneNudgeAfterMs:
          this.transport.kind === 'kafka' ? o.config.stateMaxCompactionLagMs + 1000 : undefined,
        logger: o.logger,
      });
      await this.statePublisher.start();
      o.readiness?.register('state', () => this.stateHealth());
      this.statePublisher.done.catch((error: Error) => {
        this.stateError = error;
        this.logger.error(error.message);
      });
    }
    this.logger.log(
      `${this.transport.kind} transport${o.config.namespace ? ` in namespace ${o.config.namespace}` : ''}; relay ${o.relay ? 'on' : 'off'}; state topics ${stateTopics.join(', ') || 'none'}; consumers of ${consumed.join(', ') || 'nothing'}`,
    );
  }

  /** The `state` readiness check (see state-health.ts). */
  async stateHealth(): Promise<ReturnType<typeof statePublisherHealth>> {
    if (!this.statePublisher) return statePublisherHealth({ parked: 0, oldest: null });
    try {
      return statePublisherHealth(await this.statePublisher.parkedSummary(), this.stateError);
    } catch (error) {
      return {
        state: { status: 'down', message: (error as Error).message, parked: 0, oldestParked: null },
      };
    }
  }

  /** The `relay` readiness check (see relay-health.ts). */
  async relayHealth(): Promise<ReturnType<typeof relayHealth>> {
    if (!this.relay) return { relay: { status: 'up', message: 'relay off' } };
    try {
      return relayHealth(await this.relay.parkedSummary(), this.relayError);
    } catch (error) {
      // A throw would turn /health/ready into a 500; the database check says why anyway.
      return { relay: { status: 'down', message: (error as Error).message } };
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.statePublisher?.stop();
    await this.relay?.stop();
    await this.server?.close();
    if (this.options.closeTransport ?? true) await this.transport.close();
  }

  /**
   * Every `@EventPattern` method of the application's controllers (the same discovery
   * `connectMicroservice` does) and the handler maps of the options, each under its consumer name.
   */
  private registerHandlers(server: IntegrationEventServer): void {
    for (const { name, handlers } of this.options.consumers ?? []) {
      for (const [type, handler] of Object.entries(handlers)) {
        server.addHandler(type, handler, true, { consumer: name });
      }
    }
    const explorer = new ListenerMetadataExplorer(this.scanner);
    for (const wrapper of this.discovery.getControllers()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      for (const listener of explorer.explore(instance)) {
        if (listener.transport !== undefined && listener.transport !== server.transportId) continue;
        for (const pattern of listener.patterns) {
          try {
            server.addHandler(
              pattern,
              listener.targetCallback.bind(instance),
              listener.isEventHandler,
              listener.extras,
            );
          } catch (error) {
            throw new Error(`${wrapper.name}.${listener.methodKey}: ${(error as Error).message}`);
          }
        }
      }
    }
  }
}
