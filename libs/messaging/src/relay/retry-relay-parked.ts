/**
 * Retrying the relay's parked events once the mapper is fixed. Per held stream it re-reads the
 * parked events from the store (decorated like the relay's, so upcasters and crypto-shredding
 * apply), maps them again, publishes them in stream order and, once the broker acknowledged,
 * deletes their rows: the stream is no longer held. If one still maps to an invalid integration
 * event nothing of the stream is published and its row counts the attempt.
 *
 * It may run while the service (and its relay) runs, without racing it: it holds the relay's
 * checkpoint row `FOR UPDATE` from reading the rows until after the acknowledgement, the lock
 * under which the relay parks a batch. So a batch parked before the retry has its events of the
 * stream in the rows (the retry publishes them too); a batch mapped after it finds the stream no
 * longer held and publishes its later events after the retried ones. A stream whose first
 * parked event the relay's checkpoint has not passed yet waits: the events before it may still be
 * on their way to the broker.
 */
import {
  comparePositions,
  inTransaction,
  MAX_PARKED_MESSAGE,
  messageOf,
  type EventStore,
  type RecordedEvent,
  type StreamRetry,
} from '@crm/event-sourcing';
import type { Pool, PoolClient } from 'pg';
import { DEFAULT_MESSAGING_SCHEMA } from '../messaging-schema';
import type { MessageTransport, OutgoingMessage } from '../transport/message-transport';
import { appendOutgoingMessages, RelayMappingError } from './envelope';
import type { IntegrationEventMapper } from './integration-event-mapper';
import { RelayCheckpointStore } from './relay-checkpoint-store';
import {
  RelayParkedEvents,
  toRelayParked,
  type RelayParkedEvent,
  type RelayParkedRow,
} from './relay-parked-events';

export interface RetryRelayParkedOptions {
  /** The service's database: checkpoint and parked rows. */
  readonly pool: Pool;
  /** The log, decorated exactly as the relay reads it. */
  readonly store: EventStore;
  /** Within the service's namespace, as the relay's. */
  readonly transport: MessageTransport;
  readonly relay: string;
  /** CloudEvents `source`, as the relay's (`/crm/<service>`). */
  readonly source: string;
  readonly mapper: IntegrationEventMapper;
  readonly schema?: string;
  readonly topicName?: (publishedTopic: string) => string;
  /**
   * Only the streams of these parked events (default: every held stream of the relay). An event
   * is always retried with its whole parked stream: earlier ones first, in order.
   */
  readonly eventIds?: readonly string[];
}

class RetryFailure extends Error {
  constructor(
    readonly event: RelayParkedEvent,
    readonly failure: RelayMappingError,
  ) {
    super(failure.reason);
  }
}

class NotCheckpointedYet extends Error {}

export async function retryRelayParkedEvents(
  options: RetryRelayParkedOptions,
): Promise<StreamRetry[]> {
  const { pool, relay } = options;
  const parked = new RelayParkedEvents(pool, options.schema ?? DEFAULT_MESSAGING_SCHEMA);
  await parked.migrate();
  const selected = await parked.list(relay, { eventIds: options.eventIds });
  const streams = new Map<string, { tenant: string; streamId: string }>();
  for (const event of selected) streams.set(JSON.stringify([event.tenant, event.streamId]), event);
  const results: StreamRetry[] = [];
  for (const { tenant, streamId } of streams.values()) {
    const stream = { tenant, streamId };
    try {
      const eventIds = await inTransaction(pool, (tx) =>
        publishParkedStream(tx, options, parked, tenant, streamId),
      );
      results.push({ ...stream, eventIds, ok: true });
    } catch (error) {
      const eventIds = selected
        .filter((e) => e.streamId === streamId && e.tenant === tenant)
        .map((e) => e.eventId);
      if (error instanceof NotCheckpointedYet) {
        results.push({ ...stream, eventIds, ok: false, error: error.message });
        continue;
      }
      if (!(error instanceof RetryFailure)) throw error;
      await pool.query(
        `UPDATE ${parked.table} SET attempts = attempts + 1, error_message = $3
          WHERE relay = $1 AND event_id = $2`,
        [relay, error.event.eventId, error.message.slice(0, MAX_PARKED_MESSAGE)],
      );
      results.push({ ...stream, eventIds, ok: false, error: messageOf(error) });
    }
  }
  return results;
}

async function publishParkedStream(
  tx: PoolClient,
  options: RetryRelayParkedOptions,
  parked: RelayParkedEvents,
  tenant: string,
  streamId: string,
): Promise<string[]> {
  const { relay, mapper, source, topicName } = options;
  const checkpoints = new RelayCheckpointStore(options.pool, parked.schema);
  const checkpoint = await checkpoints.lockForUpdate(tx, relay);
  const { rows } = await tx.query<RelayParkedRow>(
    `SELECT * FROM ${parked.table} WHERE relay = $1 AND tenant = $2 AND stream_id = $3
      ORDER BY stream_version FOR UPDATE`,
    [relay, tenant, streamId],
  );
  const queued = rows.map(toRelayParked);
  if (!queued.length) return []; // retried meanwhile by someone else
  if (comparePositions(queued[0].position, checkpoint) > 0)
    throw new NotCheckpointedYet(
      'the relay has not yet checkpointed the batch this stream was parked in; retry in a moment',
    );
  const from = queued[0].streamVersion;
  const { events } = await options.store.readStream(
    { tenant, id: streamId },
    { fromVersion: from, limit: queued.at(-1)!.streamVersion - from + 1 },
  );
  const byId = new Map<string, RecordedEvent>(events.map((e) => [e.id, e]));
  const messages: OutgoingMessage[] = [];
  for (const entry of queued) {
    const event = byId.get(entry.eventId);
    if (!event) throw new Error(`Parked event ${entry.eventId} is not in stream ${streamId}`);
    try {
      appendOutgoingMessages(messages, event, mapper, source, topicName);
    } catch (error) {
      if (error instanceof RelayMappingError) throw new RetryFailure(entry, error);
      throw error;
    }
  }
  // Acknowledged before the rows go (and the lock with them): the relay publishes the stream's
  // later events only after these.
  if (messages.length) await options.transport.send(messages);
  await tx.query(`DELETE FROM ${parked.table} WHERE relay = $1 AND event_id = ANY($2)`, [
    relay,
    queued.map((e) => e.eventId),
  ]);
  return queued.map((e) => e.eventId);
}
