/**
 * Many imported records' events in one write: each stream's decided events get the envelope
 * handleImportCommand's would get (tenant, actor, correlation, trace, time), and all the streams
 * go to the store in ONE appendToStreams call with each stream's expected version, all or
 * nothing. A WrongExpectedVersionError (a concurrent writer) appends nothing: the caller then
 * takes its per-record path for those records, which re-reads and reports each one exactly.
 */
import {
  activeTraceContext,
  comparePositions,
  type DomainEvent,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
  type StreamRef,
} from '@crm/event-sourcing';
import { randomUUID } from 'node:crypto';
import { currentCorrelationId } from '../logging/request-context';
import type { ImportCommandOptions, ImportWrites } from './import-command';

export interface ImportBatchStream {
  readonly stream: StreamRef;
  /** The stream version the events were decided on (0: the stream must not exist yet). */
  readonly version: number;
  readonly events: readonly DomainEvent[];
}

export async function appendImportBatch<Event extends DomainEvent>(
  store: EventStore,
  streams: readonly ImportBatchStream[],
  options: ImportCommandOptions<Event>,
  writes: ImportWrites,
): Promise<void> {
  // One correlation for the batch, as handleCommand gives one to each command's events.
  const correlationId = currentCorrelationId() ?? randomUUID();
  const appends = streams
    .filter((s) => s.events.length > 0)
    .map((s) => ({
      stream: s.stream,
      events: s.events.map((event) => envelope(event, options, correlationId)),
      expected: (s.version === 0 ? 'no-stream' : s.version) as ExpectedVersion,
    }));
  if (!appends.length) return;
  for (const { lastPosition } of await store.appendToStreams(appends)) {
    if (!writes.lastPosition || comparePositions(lastPosition, writes.lastPosition) > 0)
      writes.lastPosition = lastPosition;
  }
}

function envelope<Event extends DomainEvent>(
  event: DomainEvent,
  options: ImportCommandOptions<Event>,
  correlationId: string,
): NewEvent {
  return {
    id: randomUUID(),
    type: event.type,
    schemaVersion: 1,
    data: event.data,
    metadata: {
      ...activeTraceContext(),
      tenant: options.caller.tenant,
      correlationId,
      ...(options.caller.actor !== undefined && { actor: options.caller.actor }),
      occurredAt: options.now().toISOString(),
    },
  };
}
