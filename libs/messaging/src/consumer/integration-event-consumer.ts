/**
 * An idempotent consumer of integration events: one consumer group on the transport, one
 * handler per event type, effects exactly once in the service's database.
 *
 * Per message: envelope and body checked (malformed -> DLQ) -> type routed (unknown types and
 * versions newer than this build are skipped and counted) -> BEGIN; INSERT inbox (consumer,
 * event id) ON CONFLICT DO NOTHING; if new, run the handler with the transaction; COMMIT -> only
 * then does the transport commit the offset. A redelivery finds its inbox row and changes nothing.
 * Handler errors are retried with back-off; still failing, the message goes to `<topic>.dlq`
 * with the error and its original headers, and the consumer moves on.
 *
 * State topics are consumed the same way (a handler per state type, e.g. to bootstrap a local
 * copy from `crm.contacts.contact.state.v1`): `data` is the record's current state, or null for a
 * tombstone (erased or deleted: drop it).
 */
import {
  deadLetterTopicFor,
  findIntegrationEvent,
  findStateTopic,
  fromCloudEventHeaders,
  highestKnownVersion,
  parseEventType,
  validatePayload,
  validateStateValue,
  type IntegrationEventContext,
  type PayloadProblem,
} from '@crm/contracts';
import type { Pool } from 'pg';
import { backoffDelay, sleep, type BackoffOptions } from '../backoff';
import { defaultMessagingLogger, type MessagingLogger } from '../logger';
import { DEFAULT_MESSAGING_SCHEMA, migrateMessaging } from '../messaging-schema';
import {
  consumerMessages,
  consumerRetries,
  consumerSkipped,
  registerConsumerLagSource,
  registerDeadLetterDepthSource,
} from '../metrics';
import type {
  ConsumerHandle,
  DeliveredMessage,
  MessageTransport,
} from '../transport/message-transport';
import { assertIdentifier } from '../transport/embedded/embedded-log-schema';
import { inTransaction } from '@crm/event-sourcing';
import { deadLetterMessage } from './dead-letter';
import { isInfrastructureError, NonRetryableError } from './errors';
import { inProcessSpan } from './process-span';
import type { IntegrationEventHandlerFn, ReceivedIntegrationEvent } from './received-event';

export interface IntegrationEventConsumerOptions {
  /** Consumer group id and inbox key, e.g. `sales.contact-references`. */
  readonly name: string;
  readonly transport: MessageTransport;
  /** The service's database: inbox table and the handlers' effects. */
  readonly pool: Pool;
  /** Event type (or state type: data is then the state, null for a tombstone) -> handler. */
  readonly handlers: Readonly<Record<string, IntegrationEventHandlerFn>>;
  /** Topics to read; default: the topics of the handled types. */
  readonly topics?: readonly string[];
  readonly fromBeginning?: boolean;
  /** Handler attempts before dead-lettering. Default 5. */
  readonly maxAttempts?: number;
  readonly retry?: BackoffOptions;
  readonly schema?: string;
  readonly logger?: MessagingLogger;
}

export type MessageOutcome = 'processed' | 'duplicate' | 'skipped' | 'dead_lettered';

export class IntegrationEventConsumer {
  private handle: ConsumerHandle | undefined;
  private stopping = false;
  private readonly logger: MessagingLogger;
  private readonly inboxTable: string;
  private readonly topics: string[];
  private unregisterMetrics: (() => void) | undefined;
  /** Append time of the last message handled to its end (for the lag in seconds). */
  private lastHandledAt: Date | undefined;

  constructor(private readonly options: IntegrationEventConsumerOptions) {
    this.logger = options.logger ?? defaultMessagingLogger();
    this.inboxTable = `${assertIdentifier(options.schema ?? DEFAULT_MESSAGING_SCHEMA)}.inbox`;
    const handledTopics = Object.keys(options.handlers).map((type) => {
      const definition = findIntegrationEvent(type) ?? findStateTopic(type);
      if (!definition)
        throw new Error(
          `Consumer ${options.name} handles "${type}", which is not in @crm/contracts`,
        );
      return definition.topic;
    });
    this.topics = [...new Set(options.topics ?? handledTopics)];
    if (!this.topics.length) throw new Error(`Consumer ${options.name} has no topic to read`);
  }

  get subscribedTopics(): readonly string[] {
    return this.topics;
  }

  /** Joins the group; resolves once this instance is part of it. */
  async start(): Promise<void> {
    await migrateMessaging(this.options.pool, this.options.schema);
    this.stopping = false;
    this.handle = await this.options.transport.consume({
      groupId: this.options.name,
      topics: this.topics,
      fromBeginning: this.options.fromBeginning ?? true,
      handle: (message) => this.process(message).then(() => undefined),
    });
    await this.handle.ready;
    this.registerMetrics();
  }

  /** Lag and dead-letter depth, measured on the transport when /metrics is scraped. */
  private registerMetrics(): void {
    this.unregisterMetrics?.();
    const { name, transport } = this.options;
    const { backlog, depth } = transport;
    if (!backlog || !depth) return;
    const unregisterLag = registerConsumerLagSource(name, async () => {
      const messages = await backlog.call(transport, name, this.topics);
      if (messages === 0) return { messages, seconds: 0 };
      const last = this.lastHandledAt;
      return {
        messages,
        seconds: last ? Math.max(0, (Date.now() - last.getTime()) / 1000) : undefined,
      };
    });
    const unregisterDepth = this.topics.map((topic) => {
      const dlq = deadLetterTopicFor(topic);
      return registerDeadLetterDepthSource(dlq, () => depth.call(transport, dlq));
    });
    this.unregisterMetrics = () => {
      unregisterLag();
      for (const unregister of unregisterDepth) unregister();
    };
  }

  get done(): Promise<void> {
    return this.handle?.done ?? Promise.resolve();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.unregisterMetrics?.();
    this.unregisterMetrics = undefined;
    await this.handle?.stop();
  }

  /** Handles one delivered message to its end (the transport calls it; public so a redelivery can be driven directly). */
  process(message: DeliveredMessage): Promise<MessageOutcome> {
    const { name, transport } = this.options;
    return inProcessSpan(name, transport.kind, message, () => this.processMessage(message)).then(
      (outcome) => {
        this.lastHandledAt = message.timestamp;
        return outcome;
      },
    );
  }

  private async processMessage(message: DeliveredMessage): Promise<MessageOutcome> {
    const consumer = this.options.name;
    let context: IntegrationEventContext;
    let data: unknown;
    try {
      context = fromCloudEventHeaders(message.headers);
      // A tombstone has no body: it means "gone" on a state topic (checked below).
      data = message.tombstone ? null : JSON.parse(message.value.toString('utf8'));
    } catch (error) {
      return this.deadLetter(message, error, 0);
    }

    const handler = this.options.handlers[context.type];
    if (!handler) {
      const reason = this.skipReason(context.type);
      consumerSkipped.inc({ consumer, reason, type: context.type });
      consumerMessages.inc({ consumer, outcome: 'skipped' });
      return 'skipped';
    }
    const problems = this.problemsOf(context.type, data);
    if (problems.length) {
      const detail = problems.map((p) => `${p.path || '/'} ${p.message}`).join('; ');
      return this.deadLetter(
        message,
        new NonRetryableError(`payload does not match ${context.type}: ${detail}`),
        0,
      );
    }

    const event: ReceivedIntegrationEvent = {
      ...context,
      data,
      topic: message.topic,
      partition: message.partition,
      offset: message.offset,
    };
    const maxAttempts = this.options.maxAttempts ?? 5;
    const retry = this.options.retry ?? { initialDelayMs: 100, maxDelayMs: 5000 };
    for (let attempt = 1, infraFailures = 0; ;) {
      try {
        const outcome = await this.handleInTransaction(event, message, handler);
        consumerMessages.inc({ consumer, outcome });
        return outcome;
      } catch (error) {
        // Stopping mid-retry: leave the offset uncommitted; the next owner redelivers it.
        if (this.stopping) throw error;
        if (isInfrastructureError(error)) {
          infraFailures += 1;
          this.logger.warn(
            { err: error, consumer, eventId: event.id },
            'consumer database unavailable; retrying',
          );
          await sleep(backoffDelay(infraFailures, retry));
          continue;
        }
        if (error instanceof NonRetryableError || attempt >= maxAttempts)
          return this.deadLetter(message, error, attempt);
        consumerRetries.inc({ consumer });
        this.logger.warn(
          { err: error, consumer, eventId: event.id, attempt },
          'handler failed; retrying',
        );
        await sleep(backoffDelay(attempt, retry));
        attempt += 1;
      }
    }
  }

  private async handleInTransaction(
    event: ReceivedIntegrationEvent,
    message: DeliveredMessage,
    handler: IntegrationEventHandlerFn,
  ): Promise<'processed' | 'duplicate'> {
    // A duplicate is detected inside the transaction, so its (empty) commit is also harmless.
    return inTransaction(this.options.pool, async (tx) => {
      const inserted = await tx.query(
        `INSERT INTO ${this.inboxTable} (consumer, event_id, event_type, topic, message_time)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (consumer, event_id) DO NOTHING`,
        [this.options.name, event.id, event.type, message.topic, message.timestamp],
      );
      if (inserted.rowCount === 0) return 'duplicate' as const;
      await handler(event, tx);
      return 'processed' as const;
    });
  }

  /** Event payloads and state values against their published (open) schemas. */
  private problemsOf(type: string, data: unknown): PayloadProblem[] {
    const state = findStateTopic(type);
    if (!state) {
      if (data === null) return [{ path: '', message: 'a tombstone is not an integration event' }];
      return validatePayload(type, data);
    }
    return data === null ? [] : validateStateValue(state, data, 'published');
  }

  private skipReason(type: string): 'unknown_type' | 'newer_version' | 'not_handled' {
    const parsed = parseEventType(type);
    if (!parsed) return 'unknown_type';
    const known = highestKnownVersion(type);
    if (known === 0) return 'unknown_type';
    return parsed.version > known ? 'newer_version' : 'not_handled';
  }

  private async deadLetter(
    message: DeliveredMessage,
    error: unknown,
    attempts: number,
  ): Promise<'dead_lettered'> {
    const dlq = deadLetterTopicFor(message.topic);
    this.logger.error(
      {
        err: error,
        consumer: this.options.name,
        topic: message.topic,
        offset: message.offset,
        dlq,
      },
      'message dead-lettered',
    );
    // If the DLQ itself cannot be written, this throws: the offset stays uncommitted and the
    // message comes back, so nothing is lost silently.
    await this.options.transport.send([
      deadLetterMessage(message, error, this.options.name, attempts),
    ]);
    consumerMessages.inc({ consumer: this.options.name, outcome: 'dead_lettered' });
    return 'dead_lettered';
  }
}
