/**
 * The AsyncAPI 3.0 document of every integration event, generated from the catalog so it cannot
 * drift from what the relays validate against. Services serve it at `/asyncapi.json`.
 */
import { INTEGRATION_EVENTS } from './catalog';
import { CE, JSON_CONTENT_TYPE } from './cloudevents';
import type { IntegrationEventDefinition } from './integration-event';
import { deadLetterTopicFor } from './integration-event';
import type { JsonSchema } from './json-schema';

export interface AsyncApiOptions {
  /** Kafka bootstrap address shown to integrators. */
  readonly kafkaHost?: string;
  readonly version?: string;
}

export function asyncApiDocument(options: AsyncApiOptions = {}): Record<string, unknown> {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};

  for (const [topic, definitions] of groupByTopic(INTEGRATION_EVENTS)) {
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
      description: `Integration events of the ${definitions[0].service} service, major version ${definitions[0].version}. Dead letters of a consumer go to ${deadLetterTopicFor(topic)}.`,
      messages: channelMessages,
      bindings: { kafka: { topic, bindingVersion: '0.5.0' } },
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

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'CRM integration events',
      version: options.version ?? '1.0.0',
      description:
        'Versioned facts published by the CRM services on Kafka. CloudEvents 1.0 Kafka binding in binary mode: the value is the JSON `data`, context attributes are `ce_*` headers, the key is the aggregate id (per-aggregate order). Delivery is at-least-once: deduplicate on `ce_id`.',
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
