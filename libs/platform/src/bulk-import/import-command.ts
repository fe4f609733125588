/**
 * One imported record's command, the way every import appends it: the command path of
 * AggregateCommands.execute (tenant, actor, correlation, retry on a concurrent append) without
 * its per-command read-your-writes wait. The import waits once, at the end, for the latest
 * position any of its records reached (`writes.lastPosition`).
 */
import {
  comparePositions,
  handleCommand,
  type CommandResult,
  type Decider,
  type DomainEvent,
  type EventStore,
  type Position,
  type StreamRef,
  type ToDomainEvent,
} from '@crm/event-sourcing';
import type { CommandCaller } from '../event-sourcing/aggregate-commands';
import { currentCorrelationId } from '../logging/request-context';

/** What an import's records wrote so far: the position its end waits for. */
export interface ImportWrites {
  lastPosition: Position | undefined;
}

export interface ImportCommandOptions<Event extends DomainEvent> {
  readonly caller: Pick<CommandCaller, 'tenant' | 'actor'>;
  readonly now: () => Date;
  readonly upcast?: ToDomainEvent<Event>;
}

export async function handleImportCommand<Command, Event extends DomainEvent, State>(
  store: EventStore,
  decider: Decider<Command, Event, State>,
  stream: StreamRef,
  command: Command,
  options: ImportCommandOptions<Event>,
  writes: ImportWrites,
): Promise<CommandResult<State>> {
  const result = await handleCommand(store, decider, stream, command, {
    tenant: options.caller.tenant,
    actor: options.caller.actor,
    correlationId: currentCorrelationId(),
    now: options.now,
    upcast: options.upcast,
  });
  if (
    result.lastPosition &&
    (!writes.lastPosition || comparePositions(result.lastPosition, writes.lastPosition) > 0)
  )
    writes.lastPosition = result.lastPosition;
  return result;
}
