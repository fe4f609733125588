/**
 * The dead letters of projections: `<schema>.projection_parked_events`, next to the checkpoints.
 * An event whose handler failed deterministically is rolled back alone and recorded here, so the
 * checkpoint can pass it and every other stream and tenant keeps being projected. A stream with
 * parked events is STALE in that projection: its later events are parked too (behind the first
 * one, `blocked_by`), never applied out of order, so the row stays exactly as it was before the
 * failing event until an operator retries the stream (retry-parked.ts) after fixing the cause.
 */
import type { ClientBase, Pool } from 'pg';
import type { Position, RecordedEvent, StreamRef } from '../event-store';

/**
 * What every parked event records, a projection's or the relay's (@crm/messaging): one
 * vocabulary, and the helpers below show it the same way in logs, CLIs and readiness checks.
 */
export interface ParkedEventRecord {
  readonly eventId: string;
  readonly position: Position;
  readonly tenant: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly type: string;
  /** Why it failed; for an event parked behind an earlier one of its stream, says so. */
  readonly errorMessage: string;
  /** The parked event of the same stream this one waits behind (null: it failed itself). */
  readonly blockedBy: string | null;
  readonly parkedAt: Date;
  /** Times it was tried: 1 when parked, +1 per failed retry. */
  readonly attempts: number;
}

export interface ParkedEvent extends ParkedEventRecord {
  readonly projection: string;
  readonly sqlState: string | null;
}

export interface ParkedSummary {
  readonly projection: string;
  readonly parked: number;
  readonly oldest: Pick<ParkedEvent, 'eventId' | 'type' | 'position' | 'parkedAt'> | null;
}

/** The columns every parked-events table has (see parkedEventsDdl). */
export interface ParkedEventRow {
  event_id: string;
  commit_position: string;
  prepare_position: string;
  tenant: string;
  stream_id: string;
  stream_version: number;
  type: string;
  error_message: string;
  blocked_by: string | null;
  parked_at: Date;
  attempts: number;
}

interface ParkedRow extends ParkedEventRow {
  projection: string;
  sqlstate: string | null;
}

const UNDEFINED_TABLE = '42P01';
/** Error texts can be long (a stack in a message); the row only needs enough to diagnose. */
export const MAX_PARKED_MESSAGE = 2_000;

/** DDL, run by ProjectionCheckpoints.migrate under its migration lock. */
export function parkedEventsDdl(schema: string): string {
  return `CREATE TABLE IF NOT EXISTS ${schema}.projection_parked_events (
    projection text NOT NULL,
    event_id text NOT NULL,
    commit_position bigint NOT NULL,
    prepare_position bigint NOT NULL,
    tenant text NOT NULL,
    stream_id text NOT NULL,
    stream_version integer NOT NULL,
    type text NOT NULL,
    error_message text NOT NULL,
    sqlstate text,
    blocked_by text,
    parked_at timestamptz NOT NULL DEFAULT now(),
    attempts integer NOT NULL DEFAULT 1,
    PRIMARY KEY (projection, event_id)
  );
  CREATE INDEX IF NOT EXISTS projection_parked_events_stream
    ON ${schema}.projection_parked_events (projection, tenant, stream_id, stream_version)`;
}

export class ParkedEvents {
  readonly table: string;

  constructor(
    private readonly pool: Pick<Pool, 'query'>,
    readonly schema = 'public',
  ) {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`Invalid schema name "${schema}"`);
    this.table = `${schema}.projection_parked_events`;
  }

  /** Parks one event inside the batch transaction `tx` (a re-park of a known id is a no-op). */
  async park(
    tx: Pick<ClientBase, 'query'>,
    projection: string,
    event: RecordedEvent,
    failure: { message: string; sqlState: string | null; blockedBy: string | null },
  ): Promise<ParkedEvent> {
    const { rows } = await tx.query<ParkedRow>(
      `INSERT INTO ${this.table} (projection, event_id, commit_position, prepare_position, tenant,
          stream_id, stream_version, type, error_message, sqlstate, blocked_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (projection, event_id) DO UPDATE SET attempts = ${this.table}.attempts
       RETURNING *`,
      [
        projection,
        event.id,
        event.position.commit.toString(),
        event.position.prepare.toString(),
        event.tenant,
        event.streamId,
        event.streamVersion,
        event.type,
        failure.message.slice(0, MAX_PARKED_MESSAGE),
        failure.sqlState,
        failure.blockedBy,
      ],
    );
    return toParked(rows[0]);
  }

  /**
   * Of the streams of `events`, those already stale in `projection`, each with the id of its
   * first parked event (what later events wait behind). One indexed query per batch.
   */
  async staleStreamsAmong(
    tx: Pick<ClientBase, 'query'>,
    projection: string,
    events: readonly RecordedEvent[],
  ): Promise<Map<string, string>> {
    return firstParkedOfStreams(tx, this.table, { projection }, events);
  }

  /** Read paths: does `projection` (any of them) hold a frozen (stale) view of this stream? */
  async isStale(projection: string | readonly string[], stream: StreamRef): Promise<boolean> {
    return tolerateMissingTable(false, async () => {
      const { rows } = await this.pool.query(
        `SELECT 1 FROM ${this.table}
          WHERE projection = ANY($1::text[]) AND tenant = $2 AND stream_id = $3 LIMIT 1`,
        [typeof projection === 'string' ? [projection] : projection, stream.tenant, stream.id],
      );
      return rows.length > 0;
    });
  }

  /** Oldest first (by position); `projection` and `eventIds` narrow it. */
  async list(
    filter: { projection?: string; eventIds?: readonly string[]; limit?: number } = {},
  ): Promise<ParkedEvent[]> {
    return tolerateMissingTable([], async () => {
      const { rows } = await this.pool.query<ParkedRow>(
        `SELECT * FROM ${this.table}
          WHERE ($1::text IS NULL OR projection = $1) AND ($2::text[] IS NULL OR event_id = ANY($2))
          ORDER BY commit_position, prepare_position, projection LIMIT $3`,
        [filter.projection ?? null, filter.eventIds ?? null, filter.limit ?? 10_000],
      );
      return rows.map(toParked);
    });
  }

  /** Per projection of `projections`: how many are parked and the oldest one. */
  async summary(projections: readonly string[]): Promise<ParkedSummary[]> {
    const rows = await tolerateMissingTable([] as ParkedRow[], async () => {
      const result = await this.pool.query<ParkedRow>(
        `SELECT DISTINCT ON (projection) *, count(*) OVER (PARTITION BY projection) AS n
           FROM ${this.table} WHERE projection = ANY($1::text[])
          ORDER BY projection, commit_position, prepare_position`,
        [projections],
      );
      return result.rows;
    });
    return projections.map((projection) => {
      const row = rows.find((r) => r.projection === projection) as
        (ParkedRow & { n: string }) | undefined;
      if (!row) return { projection, parked: 0, oldest: null };
      const { eventId, type, position, parkedAt } = toParked(row);
      return { projection, parked: Number(row.n), oldest: { eventId, type, position, parkedAt } };
    });
  }

  async count(projection: string): Promise<number> {
    return (await this.summary([projection]))[0].parked;
  }

  /** A rebuild starts the read model over: what was parked will be tried again by the replay. */
  async clear(tx: Pick<ClientBase, 'query'>, projection: string): Promise<void> {
    await tx.query(`DELETE FROM ${this.table} WHERE projection = $1`, [projection]);
  }
}

/** `empty` while the table does not exist: before any runner (or relay) migrated, nothing is parked. */
export async function tolerateMissingTable<T>(empty: T, query: () => Promise<T>): Promise<T> {
  try {
    return await query();
  } catch (error) {
    if ((error as { code?: string }).code === UNDEFINED_TABLE) return empty;
    throw error;
  }
}

/**
 * Of the streams of `events`, those with parked events of `owner` (`{ projection }`, `{ relay }`)
 * in `table`, each (by streamKey) with the id of its first parked event. One indexed query.
 */
export async function firstParkedOfStreams(
  tx: Pick<ClientBase, 'query'>,
  table: string,
  owner: { projection: string } | { relay: string },
  events: readonly RecordedEvent[],
): Promise<Map<string, string>> {
  const first = new Map<string, string>();
  if (!events.length) return first;
  const [column, name] = Object.entries(owner)[0];
  const streamIds = [...new Set(events.map((e) => e.streamId))];
  const { rows } = await tx.query<{ tenant: string; stream_id: string; event_id: string }>(
    `SELECT DISTINCT ON (tenant, stream_id) tenant, stream_id, event_id FROM ${table}
      WHERE ${column === 'relay' ? 'relay' : 'projection'} = $1 AND stream_id = ANY($2::text[])
      ORDER BY tenant, stream_id, stream_version`,
    [name, streamIds],
  );
  for (const row of rows) first.set(streamKey(row.tenant, row.stream_id), row.event_id);
  return first;
}

export function streamKey(tenant: string, streamId: string): string {
  return JSON.stringify([tenant, streamId]);
}

export function toParked(row: ParkedRow): ParkedEvent {
  return { projection: row.projection, ...toParkedRecord(row), sqlState: row.sqlstate };
}

export function toParkedRecord(row: ParkedEventRow): ParkedEventRecord {
  return {
    eventId: row.event_id,
    position: { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) },
    tenant: row.tenant,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    type: row.type,
    errorMessage: row.error_message,
    blockedBy: row.blocked_by,
    parkedAt: row.parked_at,
    attempts: row.attempts,
  };
}

/** The fields of the error-level log line for a parked event. */
export function parkedLogFields(event: ParkedEventRecord): Record<string, unknown> {
  return {
    eventId: event.eventId,
    type: event.type,
    tenant: event.tenant,
    streamId: event.streamId,
    globalPosition: event.position.prepare.toString(),
    blockedBy: event.blockedBy ?? undefined,
    error: event.errorMessage,
  };
}

/** The columns of a parked CLI's `list` line, after the owner (projection, relay). */
export function parkedListColumns(event: ParkedEventRecord): string[] {
  return [
    `position ${event.position.prepare}`,
    event.eventId,
    `${event.tenant}/${event.streamId}@${event.streamVersion}`,
    event.type,
    `attempts ${event.attempts}`,
    event.parkedAt.toISOString(),
  ];
}

/** How `/health/ready` shows the oldest parked event: ids and types only (it is public). */
export function oldestParkedDetails(
  oldest: Pick<ParkedEventRecord, 'eventId' | 'type' | 'position' | 'parkedAt'> | null,
): Record<string, string> | null {
  return (
    oldest && {
      eventId: oldest.eventId,
      type: oldest.type,
      globalPosition: oldest.position.prepare.toString(),
      parkedAt: oldest.parkedAt.toISOString(),
    }
  );
}
