/**
 * An aggregate as a pure decider (no framework, no I/O). Domain events here are plain
 * `{ type, data }` objects; metadata is added by the command handler when they are appended.
 */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

export interface Decider<Command, Event extends DomainEvent, State> {
  readonly initialState: () => State;
  readonly evolve: (state: State, event: Event) => State;
  /** Returns the events the command produces, or throws a DomainError. Must not do I/O. */
  readonly decide: (command: Command, state: State) => Event[];
}

export function fold<Event extends DomainEvent, State>(
  decider: Pick<Decider<unknown, Event, State>, 'initialState' | 'evolve'>,
  events: readonly Event[],
): State {
  return events.reduce(decider.evolve, decider.initialState());
}
