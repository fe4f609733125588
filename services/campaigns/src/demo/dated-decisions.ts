/**
 * A sequence of commands decided one after the other on one stream, each at its own time, as
 * the events to append in ONE write (pure). For demo history: a campaign created, scheduled,
 * launched and completed weeks ago is never seen half-way (the sender must not pick up a
 * historic campaign while it is briefly "sending").
 */
import { fold, type Decider, type DomainEvent, type NewEvent } from '@crm/event-sourcing';

export interface DatedCommand<C> {
  readonly command: C;
  /** When it happened: the events' occurredAt. */
  readonly at: string;
}

export function datedDecisions<C, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
  commands: readonly DatedCommand<C>[],
  metadata: { tenant: string; actor: string; correlationId: string },
  history: readonly E[] = [],
): NewEvent[] {
  let state = fold(decider, history);
  const out: NewEvent[] = [];
  for (const { command, at } of commands) {
    const events = decider.decide(command, state);
    state = events.reduce(decider.evolve, state);
    for (const event of events)
      out.push({ type: event.type, data: event.data, metadata: { ...metadata, occurredAt: at } });
  }
  return out;
}
