/**
 * The write path of every aggregate: read the stream, fold, decide, append with the version read.
 *
 * Concurrency policy:
 * - The client sent If-Match (`expectedVersion`): it decided on what it saw, so any difference is
 *   its business. A mismatch is a 412 DomainError at once, never retried.
 * - No If-Match: the decision is ours to redo. On WrongExpectedVersionError we re-read, re-decide
 *   on the fresh state and try again, up to `maxRetries` times; then the conflict surfaces (409).
 */
import { randomUUID } from 'node:crypto';
import type { Decider, DomainEvent } from '../decider';
import { DomainError } from '../domain-error';
import {
  type EventMetadata,
  type EventStore,
  type NewEvent,
  type Position,
  type RecordedEvent,
  type StreamRef,
  WrongExpectedVersionError,
} from '../event-store';
import { activeTraceContext } from '../trace-context';
import { aggregateStream, type ToDomainEvent } from './aggregate-stream';

export interface CommandContext<Event extends DomainEvent = DomainEvent> {
  readonly tenant: string;
  /** User id (JWT `sub`) or `system:<component>`. */
  readonly actor?: string;
  /** Defaults to a fresh UUID (a command that starts a new flow). */
  readonly correlationId?: string;
  /** Id of the message (HTTP request, integration event) that caused this command. */
  readonly causationId?: string;
  /** The stream version the client saw (If-Match). */
  readonly expectedVersion?: number;
  /** Re-decisions after a concurrent write when no If-Match was given. Default 3. */
  readonly maxRetries?: number;
  readonly upcast?: ToDomainEvent<Event>;
  /** Current schema version per event type (default 1): what readers' upcasters lift to. */
  readonly schemaVersions?: Readonly<Record<string, number>>;
  /** Extra metadata for every event (never personal data). */
  readonly metadata?: Readonly<Record<string, unknown>>;
  readonly now?: () => Date;
}

/** An appended event as stored, minus its global position (only the last one is reported). */
export type AppendedEvent = Omit<RecordedEvent, 'position' | 'createdAt'>;

export interface CommandResult<State> {
  /** Empty when the command changed nothing (an idempotent repeat): nothing was appended. */
  readonly events: AppendedEvent[];
  /** The stream version now: the new ETag. */
  readonly nextExpectedVersion: number;
  /** Position of the last appended event, for read-your-writes (`waitForPosition`). */
  readonly lastPosition?: Position;
  readonly state: State;
}

export class PreconditionFailedError extends DomainError {
  constructor(
    readonly stream: StreamRef,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(
      'PreconditionFailed',
      `${stream.id} is at version ${actual}, but the request was based on version ${expected}`,
      'precondition-failed',
      { expectedVersion: expected, actualVersion: actual },
    );
  }
}

export async function handleCommand<Command, Event extends DomainEvent, State>(
  store: EventStore,
  decider: Decider<Command, Event, State>,
  stream: StreamRef,
  command: Command,
  context: CommandContext<Event>,
): Promise<CommandResult<State>> {
  if (context.tenant !== stream.tenant) {
    throw new Error(
      `handleCommand: tenant ${context.tenant} does not own stream ${stream.tenant}/${stream.id}`,
    );
  }
  const maxRetries = context.maxRetries ?? 3;
  const correlationId = context.correlationId ?? randomUUID();

  for (let attempt = 0; ; attempt++) {
    const { state, version } = await aggregateStream(store, decider, stream, {
      upcast: context.upcast,
    });
    if (context.expectedVersion !== undefined && context.expectedVersion !== version) {
      throw new PreconditionFailedError(stream, context.expectedVersion, version);
    }
    const decided = decider.decide(command, state);
    if (decided.length === 0) return { events: [], nextExpectedVersion: version, state };

    const toAppend = decided.map((event) => toNewEvent(event, context, correlationId));
    try {
      const result = await store.append(stream, toAppend, version === 0 ? 'no-stream' : version);
      return {
        events: toAppend.map((event, i) => ({
          id: event.id!,
          type: event.type,
          schemaVersion: event.schemaVersion!,
          data: event.data,
          metadata: event.metadata,
          tenant: stream.tenant,
          streamId: stream.id,
          streamVersion: version + i + 1,
        })),
        nextExpectedVersion: result.nextExpectedVersion,
        lastPosition: result.lastPosition,
        state: decided.reduce(decider.evolve, state),
      };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      if (context.expectedVersion !== undefined) {
        throw new PreconditionFailedError(stream, context.expectedVersion, error.actual);
      }
      if (attempt >= maxRetries) throw error;
    }
  }
}

function toNewEvent(
  event: DomainEvent,
  context: CommandContext<any>,
  correlationId: string,
): NewEvent & { id: string; schemaVersion: number } {
  const metadata: EventMetadata = {
    ...context.metadata,
    // The command's span (HTTP request, consumed event): the relay's send continues its trace.
    ...activeTraceContext(),
    tenant: context.tenant,
    correlationId,
    ...(context.causationId !== undefined && { causationId: context.causationId }),
    ...(context.actor !== undefined && { actor: context.actor }),
    occurredAt: (context.now?.() ?? new Date()).toISOString(),
  };
  return {
    id: randomUUID(),
    type: event.type,
    schemaVersion: context.schemaVersions?.[event.type] ?? 1,
    data: event.data,
    metadata,
  };
}
