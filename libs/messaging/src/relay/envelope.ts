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

/** A mapping produced something that must not leave the service; the relay stops on it. */
export class RelayMappingError extends Error {
  constructor(
    readonly event: Pick<RecordedEvent, 'id' | 'type' | 'streamId' | 'position'>,
    reason: string,
    override readonly cause?: unknown,
  ) {
    super(
      `Relay stopped: domain event ${event.type} ${event.id} (stream ${event.streamId}, position ` +
        `${event.position.commit}/${event.position.prepare}) maps to an invalid integration event: ${reason}. ` +
        'Fix the mapper; nothing from this event on was published and the checkpoint did not move.',
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
  let mapped: ReturnType<IntegrationEventMapper>;
  try {
    mapped = mapper(event);
  } catch (error) {
    throw new RelayMappingError(event, `the mapper threw: ${(error as Error).message}`, error);
  }
  if (!mapped) return [];
  const drafts: readonly IntegrationEventDraft[] = Array.isArray(mapped)
    ? mapped
    : [mapped as IntegrationEventDraft];
  return drafts.map((draft, index) => {
    const definition = findIntegrationEvent(draft.type);
    if (!definition)
      throw new RelayMappingError(event, `"${draft.type}" is not a type in @crm/contracts`);
    if (!draft.subject)
      throw new RelayMappingError(event, `${draft.type} has no subject (aggregate id)`);
    try {
      assertValidPayload(draft.type, draft.data, 'strict');
    } catch (error) {
      const detail =
        error instanceof IntegrationEventValidationError ? error.message : String(error);
      throw new RelayMappingError(event, detail, error);
    }
    const headers = toCloudEventHeaders({
      id: integrationEventId(event.id, index),
      type: draft.type,
      source,
      time: occurredAt(event),
      subject: draft.subject,
      tenant: event.tenant,
      correlationId: event.metadata.correlationId,
      causationId: event.metadata.causationId,
    });
    return {
      topic: topicName(definition.topic),
      key: draft.subject,
      value: JSON.stringify(draft.data),
      headers,
    };
  });
}

/**
 * The first integration event of a domain event reuses its id (traceable across the two logs);
 * further ones get a UUID derived from it, stable across replays so inboxes recognise them.
 */
export function integrationEventId(domainEventId: string, index: number): string {
  if (index === 0) return domainEventId;
  const hex = createHash('sha1').update(`${domainEventId}/${index}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function occurredAt(event: RecordedEvent): string {
  const stated = event.metadata.occurredAt;
  return stated && !Number.isNaN(Date.parse(stated))
    ? new Date(stated).toISOString()
    : event.createdAt.toISOString();
}
