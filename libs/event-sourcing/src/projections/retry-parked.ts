/**
 * Retrying parked events once their cause is fixed (a handler corrected, a row repaired). A retry
 * works per stale stream: it re-reads the stream's parked events from the store (decorated like
 * the runner's, so upcasters and crypto-shredding apply), applies them in stream order in ONE
 * transaction and deletes their parked rows, which clears the stale mark. If any of them fails
 * again, nothing of the stream is applied and the failing event's row records the new attempt.
 *
 * It must not race the live runner, and may run while the service runs: it writes under the same
 * lock as every batch (apply-batch.ts), the projection's checkpoint row `FOR UPDATE`. So a batch
 * and a retry never interleave: a batch committed before the retry has parked its events of the
 * stream already (the retry applies them too); a batch after it sees the stream no longer stale.
 * The checkpoint does not move: the events are behind it already.
 */
import type { Pool, PoolClient } from 'pg';
import type { EventStore, RecordedEvent } from '../event-store';
import { inTransaction } from '../postgres/transaction';
import { messageOf, ProjectionVersionMismatchError } from './apply-batch';
import { MAX_PARKED_MESSAGE, type ParkedEvent, ParkedEvents, toParked } from './parked-events';
import type { Projection } from './projection';
import { ProjectionCheckpoints } from './projection-checkpoints';
import { sqlStateOf } from './transient-errors';

export interface RetryParkedOptions {
  readonly pool: Pool;
  /** The log, decorated exactly as the projection's runner reads it. */
  readonly store: EventStore;
  readonly projection: Projection;
  /** Schema of projection_checkpoints / projection_parked_events (default `public`). */
  readonly schema?: string;
  /**
   * Only the streams of these parked events (default: every stale stream of the projection).
   * An event is always retried with its whole parked stream: earlier ones first, in order.
   */
  readonly eventIds?: readonly string[];
}

export interface StreamRetry {
  readonly tenant: string;
  readonly streamId: string;
  /** The parked events of the stream, in stream order. */
  readonly eventIds: readonly string[];
  readonly ok: boolean;
  /** Why it failed again (the parked row records it too). */
  readonly error?: string;
}

class RetryFailure extends Error {
  constructor(
    readonly event: ParkedEvent,
    readonly failure: unknown,
  ) {
    super(messageOf(failure));
  }
}

export async function retryParkedEvents(options: RetryParkedOptions): Promise<StreamRetry[]> {
  const { pool, projection } = options;
  const checkpoints = new ProjectionCheckpoints(pool, options.schema);
  const parked = new ParkedEvents(pool, options.schema);
  await checkpoints.migrate();
  const selected = await parked.list({ projection: projection.name, eventIds: options.eventIds });
  const streams = new Map<string, { tenant: string; streamId: string }>();
  for (const event of selected) streams.set(JSON.stringify([event.tenant, event.streamId]), event);
  const results: StreamRetry[] = [];
  for (const { tenant, streamId } of streams.values()) {
    try {
      const eventIds = await inTransaction(pool, (tx) =>
        applyParkedStream(tx, options, checkpoints, parked, tenant, streamId),
      );
      results.push({ tenant, streamId, eventIds, ok: true });
    } catch (error) {
      if (!(error instanceof RetryFailure)) throw error;
      await pool.query(
        `UPDATE ${parked.table} SET attempts = attempts + 1, error_message = $3, sqlstate = $4
          WHERE projection = $1 AND event_id = $2`,
        [
          projection.name,
          error.event.eventId,
          error.message.slice(0, MAX_PARKED_MESSAGE),
          sqlStateOf(error.failure),
        ],
      );
      results.push({
        tenant,
        streamId,
        eventIds: selected
          .filter((e) => e.streamId === streamId && e.tenant === tenant)
          .map((e) => e.eventId),
        ok: false,
        error: error.message,
      });
    }
  }
  return results;
}

async function applyParkedStream(
  tx: PoolClient,
  options: RetryParkedOptions,
  checkpoints: ProjectionCheckpoints,
  parked: ParkedEvents,
  tenant: string,
  streamId: string,
): Promise<string[]> {
  const { projection } = options;
  const current = await checkpoints.getForUpdate(tx, projection.name);
  if (!current) throw new Error(`Projection ${projection.name} has no checkpoint row`);
  // Handlers of another version would write rows the read model's tables do not expect.
  if (current.version !== projection.version)
    throw new ProjectionVersionMismatchError(projection.name, projection.version, current.version);
  const { rows } = await tx.query(
    `SELECT * FROM ${parked.table} WHERE projection = $1 AND tenant = $2 AND stream_id = $3
      ORDER BY stream_version FOR UPDATE`,
    [projection.name, tenant, streamId],
  );
  const queued = rows.map(toParked);
  if (!queued.length) return []; // retried meanwhile by someone else
  const from = queued[0].streamVersion;
  const { events } = await options.store.readStream(
    { tenant, id: streamId },
    { fromVersion: from, limit: queued.at(-1)!.streamVersion - from + 1 },
  );
  const byId = new Map<string, RecordedEvent>(events.map((e) => [e.id, e]));
  for (const entry of queued) {
    const event = byId.get(entry.eventId);
    if (!event) throw new Error(`Parked event ${entry.eventId} is not in stream ${streamId}`);
    const handler = projection.handlers[event.type];
    try {
      await handler?.(event, tx);
    } catch (error) {
      throw new RetryFailure(entry, error);
    }
  }
  await tx.query(`DELETE FROM ${parked.table} WHERE projection = $1 AND event_id = ANY($2)`, [
    projection.name,
    queued.map((e) => e.eventId),
  ]);
  return queued.map((e) => e.eventId);
}
