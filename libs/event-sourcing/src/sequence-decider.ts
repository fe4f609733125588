/**
 * Several commands decided as one: each sees the state the previous ones' events produced, and
 * all events are appended together (one version check, one transaction). Still pure.
 */
import type { Decider, DomainEvent } from './decider';

export function sequenceDecider<C, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
): Decider<readonly C[], E, S> {
  return {
    initialState: decider.initialState,
    evolve: decider.evolve,
    decide: (commands, state) => {
      const events: E[] = [];
      let current = state;
      for (const command of commands) {
        const decided = decider.decide(command, current);
        events.push(...decided);
        current = decided.reduce(decider.evolve, current);
      }
      return events;
    },
  };
}
