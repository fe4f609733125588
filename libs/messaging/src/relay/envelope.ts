/**
 * Domain event + draft -> Kafka message: validated payload, CloudEvents headers, key. Pure, so the
 * rules (ids, time, strict validation) are unit-tested without a broker.
 */
import { createHash } from 'node:crypto';
import {
  assertValidPayload,
  findIntegrationEvent,
  IntegrationEventValidationError,
  toCloudEventHeaders,
} from '@crm/contracts';
import type { RecordedEvent } from '@crm/event-sourcing';
import type { OutgoingMessage } from '../transport/message-transport';
import type { IntegrationEventDraft, IntegrationEventMapper } from './integration-event-mapper';

/**
 * A mapping produced something that must not leave the service. Deterministic for that event (the
 * mapper is pure): the relay parks the event and holds its stream (relay-parked-events.ts).
 */
export class RelayMappingError extends Error {
  constructor(
    readonly event: Pick<RecordedEvent, 'id' | 'type' | 'streamId' | 'position'>,
    readonly reason: string,
    override readonly cause?: unknown,
  ) {
    super(
      `domain event ${event.type} ${event.id} (stream ${event.streamId}, position ` +
        `${event.position.commit}/${event.position.prepare}) maps to an invalid integration event: ${reason}`,
    );
    this.name = 'RelayMappingError';
  }
}

export function toOutgoingMessages(
  event: RecordedEvent,
  mapper: IntegrationEventMapper,
  source: string,
  topicName: (publishedTopic: string) => string = (topic) => topic,
): OutgoingMessage[] {
  const messages: OutgoingMessage[] = [];
  appendOutgoingMessages(messages, event, mapper, source, topicName);
  return messages;
}

/**
 * toOutgoingMessages into the caller's array: the relay builds one array per batch instead of
 * one per event (allocation shows in its profile). Appends nothing if any draft is invalid.
 */
export function appendOutgoingMessages(
  into: OutgoingMessage[],
  event: RecordedEvent,
  mapper: IntegrationEventMapper,
  source: string,
  topicName: (publishedTopic: string) => string = (topic) => topic,
): void {
  let mapped: ReturnType<IntegrationEventMapper>;
  try {
    mapped = mapper(event);
  } catch (error) {
    throw new RelayMappingError(event, `the mapper threw: ${(error as Error).message}`, error);
  }
  if (!mapped) return;
  if (!Array.isArray(mapped)) {
    into.push(toMessage(event, mapped as IntegrationEventDraft, 0, source, topicName));
    return;
  }
  const drafts = mapped as readonly IntegrationEventDraft[];
  const built = drafts.map((draft, index) => toMessage(event, draft, index, source, topicName));
  for (const message of built) into.push(message);
}

function toMessage(
  event: RecordedEvent,
  draft: IntegrationEventDraft,
  index: number,
  source: string,
  topicName: (publishedTopic: string) => string,
): OutgoingMessage {
  const definition = findIntegrationEvent(draft.type);
  if (!definition)
    throw new RelayMappingError(event, `"${draft.type}" is not a type in @crm/contracts`);
  if (!draft.subject)
    throw new RelayMappingError(event, `${draft.type} has no subject (aggregate id)`);
  try {
    assertValidPayload(draft.type, draft.data, 'strict');
  } catch (error) {
    const detail = error instanceof IntegrationEventValidationError ? error.message : String(error);
    throw new RelayMappingError(event, detail, error);
  }
  const headers = toCloudEventHeaders({
    id: integrationEventId(event.id, index),
    type: draft.type,
    source,
    time: eventTime(event),
    subject: draft.subject,
    tenant: event.tenant,
    correlationId: event.metadata.correlationId,
    causationId: event.metadata.causationId,
    // The span that appended it (absent on untraced and older events): the relay's send continues it.
    traceparent: stringOrUndefined(event.metadata.traceparent),
    tracestate: stringOrUndefined(event.metadata.tracestate),
  });
  return {
    topic: topicName(definition.topic),
    key: draft.subject,
    value: JSON.stringify(draft.data),
    headers,
  };
}

const stringOrUndefined = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * The first integration event of a domain event reuses its id (traceable across the two logs);
 * further ones get a UUID derived from it, stable across replays so inboxes recognise them.
 */
export function integrationEventId(domainEventId: string, index: number): string {
  if (index === 0) return domainEventId;
  return derivedUuid(`${domainEventId}/${index}`);
}

/** A UUID (v5 layout) derived from `seed`: the same seed always gives the same id. */
export function derivedUuid(seed: string): string {
  const hex = createHash('sha1').update(seed).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** When the domain event happened (its metadata's occurredAt), canonical UTC. */
export function eventTime(event: RecordedEvent): string {
  const stated = event.metadata.occurredAt;
  if (stated && isCanonicalUtc(stated)) return stated;
  const ms = stated ? Date.parse(stated) : Number.NaN;
  return Number.isNaN(ms) ? event.createdAt.toISOString() : new Date(ms).toISOString();
}

const CANONICAL_UTC = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Already exactly what `new Date(s).toISOString()` would give back (the usual case: metadata is
 * written with toISOString), so the relay can skip a parse and a format per event. Day overflow
 * (`02-30`, which Date rolls over into March) and Feb 29 outside leap years are not canonical.
 */
function isCanonicalUtc(s: string): boolean {
  const m = CANONICAL_UTC.exec(s);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]) return false;
  if (month !== 2 || day !== 29) return true;
  const year = Number(m[1]);
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}
