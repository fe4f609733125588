/**
 * What an integration event IS in this system: a public, versioned fact one service publishes for
 * others and for outside integrators. Deliberately separate from a service's internal domain
 * events: services map theirs onto these, so internals can change without breaking anyone.
 *
 * Naming: `crm.<service>.<aggregate>.<fact>.v<major>`, fact in snake_case past tense
 * (`crm.contacts.contact.consent_changed.v1`). Topic per service and major version:
 * `crm.<service>.v<major>`; a breaking change is a new major version, hence a new topic.
 */
import type { JsonSchema } from './json-schema';
import { DRAFT_07 } from './json-schema';

export const SERVICES = ['contacts', 'sales', 'campaigns', 'analytics', 'aftersales'] as const;
export type ServiceName = (typeof SERVICES)[number];

export interface IntegrationEventDefinition {
  /** `crm.contacts.contact.registered.v1`: the CloudEvents `type`. */
  readonly type: string;
  readonly service: ServiceName;
  /** Aggregate kind whose id is the CloudEvents subject and the Kafka key (`contact`). */
  readonly aggregate: string;
  /** `registered`, `consent_changed`. */
  readonly fact: string;
  readonly version: number;
  readonly topic: string;
  readonly summary: string;
  /** JSON Schema (draft-07) of the message body (CloudEvents `data`). */
  readonly schema: JsonSchema;
}

const SEGMENT = /^[a-z][a-z0-9_]*$/;

export function defineIntegrationEvent(spec: {
  service: ServiceName;
  aggregate: string;
  fact: string;
  version?: number;
  summary: string;
  schema: JsonSchema;
}): IntegrationEventDefinition {
  const version = spec.version ?? 1;
  for (const segment of [spec.aggregate, spec.fact]) {
    if (!SEGMENT.test(segment)) throw new Error(`"${segment}" is not a snake_case type segment`);
  }
  const type = `crm.${spec.service}.${spec.aggregate}.${spec.fact}.v${version}`;
  return Object.freeze({
    type,
    service: spec.service,
    aggregate: spec.aggregate,
    fact: spec.fact,
    version,
    topic: topicFor(spec.service, version),
    summary: spec.summary,
    schema: Object.freeze({
      $schema: DRAFT_07,
      $id: schemaIdFor(type),
      title: type,
      ...spec.schema,
    }),
  });
}

export function topicFor(service: ServiceName, majorVersion = 1): string {
  return `crm.${service}.v${majorVersion}`;
}

/** Messages a consumer gave up on land here, with the error and their original headers. */
export function deadLetterTopicFor(topic: string): string {
  return `${topic}.dlq`;
}

export function schemaIdFor(type: string): string {
  return `https://schemas.crm.example/events/${type}.json`;
}

export interface ParsedEventType {
  readonly service: string;
  readonly aggregate: string;
  readonly fact: string;
  /** `crm.contacts.contact.registered`: the type without its version. */
  readonly family: string;
  readonly version: number;
}

/** Parses any well-formed type, including ones this build does not know (newer versions). */
export function parseEventType(type: string): ParsedEventType | undefined {
  const match =
    /^crm\.([a-z][a-z0-9_]*)\.([a-z][a-z0-9_]*)\.([a-z][a-z0-9_]*)\.v([1-9][0-9]*)$/.exec(type);
  if (!match) return undefined;
  const [, service, aggregate, fact, version] = match;
  return {
    service,
    aggregate,
    fact,
    family: `crm.${service}.${aggregate}.${fact}`,
    version: Number(version),
  };
}
