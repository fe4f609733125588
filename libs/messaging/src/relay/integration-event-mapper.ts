import type { RecordedEvent } from '@crm/event-sourcing';

/** What a service's mapper makes of one domain event: the public fact, without its envelope. */
export interface IntegrationEventDraft {
  /** A type from @crm/contracts, e.g. `crm.contacts.contact.registered.v1`. */
  readonly type: string;
  /** Aggregate id: the CloudEvents subject and the Kafka key (per-aggregate order). */
  readonly subject: string;
  readonly data: unknown;
}

/**
 * Domain event -> zero, one or several integration events. Return nothing for events the service
 * does not publish. Must be pure and deterministic: a replayed domain event must map to the same
 * integration events (same ids), or consumers' inboxes could not recognise the redelivery.
 */
export type IntegrationEventMapper = (
  event: RecordedEvent,
) => IntegrationEventDraft | readonly IntegrationEventDraft[] | null | undefined;
