/**
 * The dead letters of the relay: `<messaging schema>.relay_parked_events`, next to its checkpoint.
 * A domain event that maps to an invalid integration event (RelayMappingError) is recorded here
 * instead of stopping the relay, so the checkpoint can pass it and every other stream and tenant
 * keeps being published. Its stream is then HELD: later events of it are parked too, behind the
 * first (`blocked_by`), never published ahead of it, so a consumer never sees event n+1 of an
 * aggregate without event n. An operator retries the stream once the mapper is fixed
 * (retry-relay-parked.ts). Same rules and vocabulary as the projections' parked events.
 */
import {
  firstParkedOfStreams,
  MAX_PARKED_MESSAGE,
  tolerateMissingTable,
  toParkedRecord,
  type ParkedEventRecord,
  type ParkedEventRow,
  type RecordedEvent,
} from '@crm/event-sourcing';
import type { ClientBase, Pool } from 'pg';
import { assertIdentifier } from '../transport/embedded/embedded-log-schema';
import { migrateUnderLock } from '../messaging-schema';

export interface RelayParkedEvent extends ParkedEventRecord {
  readonly relay: string;
}

export interface RelayParkedSummary {
  readonly relay: string;
  readonly parked: number;
  readonly oldest: Pick<RelayParkedEvent, 'eventId' | 'type' | 'position' | 'parkedAt'> | null;
}

export interface RelayParkedRow extends ParkedEventRow {
  relay: string;
}

type Queryable = Pick<ClientBase, 'query'>;

export class RelayParkedEvents {
  readonly table: string;

  constructor(
    private readonly pool: Pool,
    readonly schema: string,
  ) {
    this.table = `${assertIdentifier(schema)}.relay_parked_events`;
  }

  /** Created by the relay on start (and the CLI), after migrateMessaging made the schema. */
  async migrate(): Promise<void> {
    await migrateUnderLock(
      this.pool,
      this.schema,
      `CREATE TABLE IF NOT EXISTS ${this.table} (
      relay text NOT NULL,
      event_id text NOT NULL,
      commit_position numeric(20, 0) NOT NULL,
      prepare_position numeric(20, 0) NOT NULL,
      tenant text NOT NULL,
      stream_id text NOT NULL,
      stream_version integer NOT NULL,
      type text NOT NULL,
      error_message text NOT NULL,
      blocked_by text,
      parked_at timestamptz NOT NULL DEFAULT now(),
      attempts integer NOT NULL DEFAULT 1,
      PRIMARY KEY (relay, event_id)
    );
    CREATE INDEX IF NOT EXISTS relay_parked_events_stream
      ON ${this.table} (relay, tenant, stream_id, stream_version)`,
    );
  }

  /** Parks events inside `tx` (a re-park of a known id, after a re-read, keeps the first row). */
  async park(
    tx: Queryable,
    relay: string,
    entries: readonly { event: RecordedEvent; message: string; blockedBy: string | null }[],
  ): Promise<RelayParkedEvent[]> {
    if (!entries.length) return [];
    const { rows } = await tx.query<RelayParkedRow>(
      `INSERT INTO ${this.table} (relay, event_id, commit_position, prepare_position, tenant,
          stream_id, stream_version, type, error_message, blocked_by)
       SELECT $1, * FROM unnest($2::text[], $3::numeric[], $4::numeric[], $5::text[], $6::text[],
          $7::int[], $8::text[], $9::text[], $10::text[])
       ON CONFLICT (relay, event_id) DO UPDATE SET attempts = ${this.table}.attempts
       RETURNING *`,
      [
        relay,
        entries.map(({ event }) => event.id),
        entries.map(({ event }) => event.position.commit.toString()),
        entries.map(({ event }) => event.position.prepare.toString()),
        entries.map(({ event }) => event.tenant),
        entries.map(({ event }) => event.streamId),
        entries.map(({ event }) => event.streamVersion),
        entries.map(({ event }) => event.type),
        entries.map(({ message }) => message.slice(0, MAX_PARKED_MESSAGE)),
        entries.map(({ blockedBy }) => blockedBy),
      ],
    );
    return rows.map(toRelayParked);
  }

  /**
   * Of the streams of `events`, those held in `relay`, each with the id of its first parked
   * event (what later events wait behind). One indexed query per batch.
   */
  async heldStreamsAmong(
    tx: Queryable,
    relay: string,
    events: readonly RecordedEvent[],
  ): Promise<Map<string, string>> {
    return firstParkedOfStreams(tx, this.table, { relay }, events);
  }

  async any(relay: string, db: Queryable = this.pool): Promise<boolean> {
    return tolerateMissingTable(false, async () => {
      const { rows } = await db.query(`SELECT 1 FROM ${this.table} WHERE relay = $1 LIMIT 1`, [
        relay,
      ]);
      return rows.length > 0;
    });
  }

  /** Oldest first (by position); `eventIds` narrows it. */
  async list(
    relay: string,
    filter: { eventIds?: readonly string[]; limit?: number } = {},
  ): Promise<RelayParkedEvent[]> {
    return tolerateMissingTable([], async () => {
      const { rows } = await this.pool.query<RelayParkedRow>(
        `SELECT * FROM ${this.table}
          WHERE relay = $1 AND ($2::text[] IS NULL OR event_id = ANY($2))
          ORDER BY commit_position, prepare_position LIMIT $3`,
        [relay, filter.eventIds ?? null, filter.limit ?? 10_000],
      );
      return rows.map(toRelayParked);
    });
  }

  /** How many are parked and the oldest one. */
  async summary(relay: string): Promise<RelayParkedSummary> {
    const rows = await tolerateMissingTable([] as (RelayParkedRow & { n: string })[], () =>
      this.pool
        .query<RelayParkedRow & { n: string }>(
          `SELECT *, count(*) OVER () AS n FROM ${this.table} WHERE relay = $1
            ORDER BY commit_position, prepare_position LIMIT 1`,
          [relay],
        )
        .then((result) => result.rows),
    );
    if (!rows.length) return { relay, parked: 0, oldest: null };
    const { eventId, type, position, parkedAt } = toRelayParked(rows[0]);
    return { relay, parked: Number(rows[0].n), oldest: { eventId, type, position, parkedAt } };
  }
}

export function toRelayParked(row: RelayParkedRow): RelayParkedEvent {
  return { relay: row.relay, ...toParkedRecord(row) };
}
