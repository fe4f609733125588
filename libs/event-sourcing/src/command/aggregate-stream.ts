import type { Decider, DomainEvent } from '../decider';
import type { EventStore, RecordedEvent, StreamRef } from '../event-store';

/**
 * Turns a recorded event into the decider's domain event. Return `null` to skip an event the
 * decider does not know (e.g. written by a newer version of the service). Schema upcasting
 * belongs in the store decorator (`withUpcasters`); this is only the envelope -> domain mapping.
 */
export type ToDomainEvent<Event extends DomainEvent> = (event: RecordedEvent) => Event | null;

export const recordedToDomainEvent = <Event extends DomainEvent>(event: RecordedEvent): Event =>
  ({ type: event.type, data: event.data }) as Event;

export interface AggregateStreamOptions<Event extends DomainEvent> {
  readonly upcast?: ToDomainEvent<Event>;
}

export interface AggregateState<State> {
  readonly state: State;
  /** The stream version the state reflects (0 = no stream): the ETag and the expected version. */
  readonly version: number;
}

export async function aggregateStream<Event extends DomainEvent, State>(
  store: EventStore,
  decider: Pick<Decider<unknown, Event, State>, 'initialState' | 'evolve'>,
  stream: StreamRef,
  options: AggregateStreamOptions<Event> = {},
): Promise<AggregateState<State>> {
  const toDomain = options.upcast ?? recordedToDomainEvent<Event>;
  const { version, events } = await store.readStream(stream);
  let state = decider.initialState();
  for (const recorded of events) {
    const event = toDomain(recorded);
    if (event) state = decider.evolve(state, event);
  }
  return { state, version };
}
