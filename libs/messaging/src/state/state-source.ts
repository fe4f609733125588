import type { EventStore, RecordedEvent } from '@crm/event-sourcing';

/**
 * How a service publishes one kind of aggregate on its state topic (`@crm/contracts`
 * defineStateTopic). The state publisher reads the service's log like the relay does; for each
 * batch it asks every source which subjects the events touched, loads each touched subject's
 * current public state once, and sends it (or a tombstone) keyed by the subject.
 */
export interface StateSource {
  /** A type from the contracts' state catalogue, e.g. `crm.contacts.contact.state.v1`. */
  readonly stateType: string;
  /** Stream categories whose events can change this state (the publisher reads only these). */
  readonly categories: readonly string[];
  /** Aggregate ids whose public state this domain event may have changed. Pure; [] for none. */
  subjectsOf(event: RecordedEvent): readonly string[];
  /**
   * The subject's current public state, read from the event store (the same document its REST
   * `GET` answers); null when it must be tombstoned (erased, deleted, merged away, never existed).
   */
  load(store: EventStore, tenant: string, subject: string): Promise<Record<string, unknown> | null>;
}
