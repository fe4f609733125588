/**
 * The AsyncAPI 3.0 document of a service's integration events and state topics, generated from
 * the catalogues so it cannot drift from what the relay and the state publisher validate against.
 * Each service serves its own at `/asyncapi.json` (only the channels it publishes); without a
 * service the document covers the whole catalogue.
 */
import { INTEGRATION_EVENTS } from './catalog';
import { CE, JSON_CONTENT_TYPE } from './cloudevents';
import type { IntegrationEventDefinition, ServiceName } from './integration-event';
import { deadLetterTopicFor } from './integration-event';
import type { JsonSchema } from './json-schema';
import { STATE_TOPICS } from './state-catalog';
import type { StateTopicDefinition } from './state-topic';

/** Topic settings of this deployment, stated on each channel's Kafka binding. */
export interface AsyncApiRetention {
  /** `retention.ms` of event topics. */
  readonly eventRetentionMs: number;
  readonly deadLetterRetentionMs: number;
  /** `delete.retention.ms` of state topics: how long a tombstone stays readable. */
  readonly stateDeleteRetentionMs: number;
}

export interface AsyncApiOptions {
  /** Only this service's channels (what it publishes). Default: every service's. */
  readonly service?: ServiceName;
  /** Kafka bootstrap address shown to integrators. */
  readonly kafkaHost?: string;
  readonly version?: string;
  readonly retention?: AsyncApiRetention;
}

export function asyncApiDocument(options: AsyncApiOptions = {}): Record<string, unknown> {
  const { service } = options;
  return asyncApiDocumentOf(
    INTEGRATION_EVENTS.filter((d) => !service || d.service === service),
    STATE_TOPICS.filter((d) => !service || d.service === service),
    options,
  );
}

/** The document of exactly these definitions (asyncApiDocument picks them from the catalogues). */
export function asyncApiDocumentOf(
  events: readonly IntegrationEventDefinition[],
  stateTopics: readonly StateTopicDefinition[],
  options: AsyncApiOptions = {},
): Record<string, unknown> {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  const retention = options.retention;

  for (const [topic, definitions] of groupByTopic(events)) {
    const channelId = identifier(topic);
    const channelMessages: Record<string, unknown> = {};
    for (const d of definitions) {
      const messageId = identifier(d.type);
      schemas[messageId] = payloadSchema(d.schema);
      messages[messageId] = messageOf(d, messageId);
      channelMessages[messageId] = { $ref: `#/components/messages/${messageId}` };
    }
    channels[channelId] = {
      address: topic,
      title: topic,
      description:
        `Integration events of the ${definitions[0].service} service, major version ${definitions[0].version}: history, kept ${retention ? duration(retention.eventRetentionMs) : 'for a bounded time'} (then deleted; bootstrap from the state topics). ` +
        `Dead letters of a consumer go to ${deadLetterTopicFor(topic)}${retention ? `, kept ${duration(retention.deadLetterRetentionMs)}` : ''}.`,
      messages: channelMessages,
      bindings: {
        kafka: {
          topic,
          topicConfiguration: {
            'cleanup.policy': ['delete'],
            ...(retention ? { 'retention.ms': retention.eventRetentionMs } : {}),
          },
          bindingVersion: '0.5.0',
        },
      },
    };
    operations[`publish${pascal(channelId)}`] = {
      action: 'send',
      title: `${definitions[0].service} publishes`,
      channel: { $ref: `#/channels/${channelId}` },
      messages: Object.keys(channelMessages).map((m) => ({
        $ref: `#/channels/${channelId}/messages/${m}`,
      })),
    };
  }

  for (const d of stateTopics) {
    const channelId = identifier(d.topic);
    const messageId = identifier(d.type);
    schemas[messageId] = payloadSchema(d.schema);
    messages[messageId] = stateMessageOf(d, messageId);
    channels[channelId] = {
      address: d.topic,
      title: d.topic,
      description:
        `Current state of every ${d.aggregate} of the ${d.service} service, keyed by its id: compacted, so from offset 0 a consumer reads the latest state of each (bootstrap), then follows the event topic. ` +
        `A tombstone (null value) says the ${d.aggregate} was erased or deleted; it is removed ${retention ? `after ${duration(retention.stateDeleteRetentionMs)}` : 'after the delete retention'}, and compaction removes the values before it.`,
      messages: { [messageId]: { $ref: `#/components/messages/${messageId}` } },
      bindings: {
        kafka: {
          topic: d.topic,
          topicConfiguration: {
            'cleanup.policy': ['compact'],
            'retention.ms': -1,
            ...(retention ? { 'delete.retention.ms': retention.stateDeleteRetentionMs } : {}),
          },
          bindingVersion: '0.5.0',
        },
      },
    };
    operations[`publish${pascal(channelId)}`] = {
      action: 'send',
      title: `${d.service} publishes`,
      channel: { $ref: `#/channels/${channelId}` },
      messages: [{ $ref: `#/channels/${channelId}/messages/${messageId}` }],
    };
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'CRM integration events',
      version: options.version ?? '1.0.0',
      description:
        'Versioned facts published by the CRM services on Kafka. CloudEvents 1.0 Kafka binding in binary mode: the value is the JSON `data`, context attributes are `ce_*` headers, the key is the aggregate id (per-aggregate order). Delivery is at-least-once: deduplicate on `ce_id`. Event topics keep a bounded history; each aggregate kind also has a compacted state topic (`crm.<service>.<aggregate>.state.v1`) to bootstrap from.',
    },
    defaultContentType: JSON_CONTENT_TYPE,
    servers: {
      kafka: {
        host: options.kafkaHost ?? 'localhost:9092',
        protocol: 'kafka',
        description: 'Kafka bootstrap server',
      },
    },
    channels,
    operations,
    components: { messages, schemas },
  };
}

function messageOf(d: IntegrationEventDefinition, messageId: string): Record<string, unknown> {
  return {
    name: d.type,
    title: d.type,
    summary: d.summary,
    contentType: JSON_CONTENT_TYPE,
    headers: headersSchema(d),
    payload: { $ref: `#/components/schemas/${messageId}` },
    correlationId: { location: `$message.header#/${CE.correlation}` },
    bindings: {
      kafka: {
        key: { type: 'string', description: `${d.aggregate} id (same as ce_subject)` },
        bindingVersion: '0.5.0',
      },
    },
  };
}

function stateMessageOf(d: StateTopicDefinition, messageId: string): Record<string, unknown> {
  const str = (description: string) => ({ type: 'string', minLength: 1, description });
  return {
    name: d.type,
    title: d.type,
    summary: d.summary,
    description: `The value is the ${d.aggregate}'s current public state (the document its REST GET returns), or null (a tombstone) once it is erased or deleted.`,
    contentType: JSON_CONTENT_TYPE,
    headers: {
      type: 'object',
      properties: {
        [CE.specversion]: { type: 'string', const: '1.0', description: 'CloudEvents spec version' },
        [CE.id]: str('Id of this state: the same state re-sent repeats it'),
        [CE.type]: { type: 'string', const: d.type, description: 'State type' },
        [CE.source]: str('Producing service, e.g. /crm/contacts'),
        [CE.time]: {
          type: 'string',
          format: 'date-time',
          description: 'When the change that led to this state happened',
        },
        [CE.subject]: str(`${d.aggregate} id; equals the message key`),
        [CE.tenant]: str('Tenant the record belongs to'),
      },
      required: [CE.specversion, CE.id, CE.type, CE.source, CE.time, CE.subject, CE.tenant],
    },
    payload: {
      oneOf: [
        { $ref: `#/components/schemas/${messageId}` },
        { type: 'null', description: 'Tombstone: erased or deleted' },
      ],
    },
    bindings: {
      kafka: {
        key: { type: 'string', description: `${d.aggregate} id (same as ce_subject)` },
        bindingVersion: '0.5.0',
      },
    },
  };
}

function duration(ms: number): string {
  const units: [number, string][] = [
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
    [1000, 'second'],
  ];
  for (const [size, name] of units) {
    if (ms >= size && ms % size === 0) return `${ms / size} ${name}${ms === size ? '' : 's'}`;
  }
  return `${ms} ms`;
}

/** Schema of the Kafka headers of one event type: consumers can validate the envelope with it. */
export function headersSchema(d: IntegrationEventDefinition): JsonSchema {
  const str = (description: string) => ({ type: 'string', minLength: 1, description });
  return {
    type: 'object',
    properties: {
      [CE.specversion]: { type: 'string', const: '1.0', description: 'CloudEvents spec version' },
      [CE.id]: str('Event id: unique per event; redeliveries repeat it'),
      [CE.type]: { type: 'string', const: d.type, description: 'Event type' },
      [CE.source]: str('Producing service, e.g. /crm/contacts'),
      [CE.time]: { type: 'string', format: 'date-time', description: 'When the fact happened' },
      [CE.subject]: str(`${d.aggregate} id; equals the message key`),
      [CE.contentType]: { type: 'string', const: JSON_CONTENT_TYPE, description: 'Body encoding' },
      [CE.tenant]: str('Tenant the event belongs to'),
      [CE.correlation]: str('Correlation id of the originating request'),
      [CE.causation]: str('Id of the command or event that caused this one'),
      [CE.traceparent]: str(
        'W3C traceparent of the span that sent it (CloudEvents distributed tracing)',
      ),
      [CE.tracestate]: str('W3C tracestate that goes with ce_traceparent'),
    },
    required: [
      CE.specversion,
      CE.id,
      CE.type,
      CE.source,
      CE.time,
      CE.subject,
      CE.contentType,
      CE.tenant,
    ],
  };
}

/** AsyncAPI embeds draft-07 schemas; the `$schema`/`$id` keywords belong to the standalone files. */
function payloadSchema(schema: JsonSchema): JsonSchema {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

function groupByTopic(definitions: readonly IntegrationEventDefinition[]) {
  const groups = new Map<string, IntegrationEventDefinition[]>();
  for (const d of definitions) groups.set(d.topic, [...(groups.get(d.topic) ?? []), d]);
  return groups;
}

function identifier(name: string): string {
  return name.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) =>
    c ? c.toUpperCase() : '',
  );
}

function pascal(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
