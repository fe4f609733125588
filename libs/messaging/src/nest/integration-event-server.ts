/**
 * A service's consumers as a NestJS custom transport strategy: `@EventPattern('<integration event
 * type>')` handlers, grouped by consumer name (`{ consumer }` in the pattern's extras, default the
 * service's), each group one IntegrationEventConsumer on the service's MessageTransport (Kafka or
 * the embedded log). So every event gets the consumer's guarantees: inbox row in the handler's
 * transaction, retries with back-off, `<topic>.dlq`, offsets committed only after the commit.
 *
 * Handlers are called as `handler(event, tx)` with the methods themselves, not through Nest's RPC
 * proxy: its exception layer answers a thrown error with a generic RPC error object, and the
 * consumer needs the error itself to tell a retry from a dead letter from a database outage.
 * That is also why MessagingRuntime, not `app.connectMicroservice`, registers and starts it.
 */
import { findIntegrationEvent, findStateTopic } from '@crm/contracts';
import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import type { Pool } from 'pg';
import { isObservable, lastValueFrom } from 'rxjs';
import type { BackoffOptions } from '../backoff';
import { IntegrationEventConsumer } from '../consumer/integration-event-consumer';
import type { IntegrationEventHandlerFn } from '../consumer/received-event';
import type { MessagingLogger } from '../logger';
import type { MessageTransport } from '../transport/message-transport';

/** The transport id of this strategy: `@EventPattern(type, INTEGRATION_EVENTS)` pins a handler to it. */
export const INTEGRATION_EVENTS = Symbol('crm:integration-events');

/** `@EventPattern(type, { consumer: 'sales.contact-references' })`. */
export interface IntegrationEventPatternExtras {
  /** Consumer group (and inbox key); default the server's `defaultConsumer`. */
  readonly consumer?: string;
}

export interface IntegrationEventServerOptions {
  /** The service's transport (already namespaced). */
  readonly transport: MessageTransport;
  /** The service's database: inbox and the handlers' effects. */
  readonly pool: Pool;
  readonly defaultConsumer: string;
  readonly maxAttempts?: number;
  readonly retry?: BackoffOptions;
  readonly logger?: MessagingLogger;
}

export class IntegrationEventServer extends Server implements CustomTransportStrategy {
  private consumers: IntegrationEventConsumer[] | undefined;

  constructor(private readonly options: IntegrationEventServerOptions) {
    super();
    this.setTransportId(INTEGRATION_EVENTS);
  }

  /** Only one-way handlers of integration event or state types in @crm/contracts; anything else fails at boot. */
  override addHandler(
    pattern: unknown,
    callback: MessageHandler,
    isEventHandler = false,
    extras: IntegrationEventPatternExtras = {},
  ): void {
    if (this.consumers)
      throw new Error('IntegrationEventServer: handlers are added before listen()');
    if (!isEventHandler) {
      throw new Error(
        `@MessagePattern(${JSON.stringify(pattern)}): integration events are one-way; use @EventPattern`,
      );
    }
    if (
      typeof pattern !== 'string' ||
      !(findIntegrationEvent(pattern) ?? findStateTopic(pattern))
    ) {
      throw new Error(
        `@EventPattern(${JSON.stringify(pattern)}): not an integration event type (nor a state type) in @crm/contracts`,
      );
    }
    super.addHandler(pattern, callback, true, extras);
  }

  /** The topics the handlers read, to be provisioned before listen(). */
  get subscribedTopics(): string[] {
    return [...new Set(this.consumerList().flatMap((c) => c.subscribedTopics))];
  }

  /** Joins every consumer group; `callback()` once all are in, `callback(error)` if one cannot. */
  listen(callback: (error?: unknown) => void): void {
    const start = async () => {
      for (const consumer of this.consumerList()) await consumer.start();
    };
    start().then(
      () => {
        this._status$.next('connected');
        callback();
      },
      (error: unknown) => callback(error),
    );
  }

  /** Leaves the groups; a message in flight finishes or stays uncommitted for the next owner. */
  async close(): Promise<void> {
    for (const consumer of this.consumers ?? []) await consumer.stop();
    this._status$.next('disconnected');
  }

  on(): never {
    throw new Error(
      'IntegrationEventServer emits no events; watch `status` or the consumer metrics',
    );
  }

  /** The IntegrationEventConsumer of each consumer group. */
  unwrap<T>(): T {
    return this.consumerList() as T;
  }

  private consumerList(): IntegrationEventConsumer[] {
    this.consumers ??= [...this.handlersByConsumer()].map(
      ([name, handlers]) =>
        new IntegrationEventConsumer({
          name,
          handlers,
          transport: this.options.transport,
          pool: this.options.pool,
          maxAttempts: this.options.maxAttempts,
          retry: this.options.retry,
          logger: this.options.logger,
        }),
    );
    return this.consumers;
  }

  /** consumer name -> (event type -> handler); Nest chains a pattern's handlers through `next`. */
  private handlersByConsumer(): Map<string, Record<string, IntegrationEventHandlerFn>> {
    const byConsumer = new Map<string, Record<string, IntegrationEventHandlerFn>>();
    for (const [type, head] of this.messageHandlers) {
      for (
        let handler: MessageHandler | undefined = head;
        handler;
        handler = handler.next as MessageHandler | undefined
      ) {
        const consumer =
          (handler.extras as IntegrationEventPatternExtras | undefined)?.consumer ??
          this.options.defaultConsumer;
        const handlers = byConsumer.get(consumer) ?? {};
        if (handlers[type])
          throw new Error(`Two handlers of '${type}' in consumer ${consumer}; keep one`);
        handlers[type] = awaitingObservables(handler);
        byConsumer.set(consumer, handlers);
      }
    }
    return byConsumer;
  }
}

/** Nest handlers may return an Observable; the inbox transaction commits only once it completes. */
function awaitingObservables(handler: MessageHandler): IntegrationEventHandlerFn {
  return async (event, tx) => {
    const result: unknown = await handler(event, tx);
    if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
  };
}
