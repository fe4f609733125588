/**
 * How far the log extends past a checkpoint: the basis of the lag metrics and of rebuild
 * progress. The port has no such query, so there are two implementations: a cheap one that
 * asks the PostgreSQL event store's table directly, and a generic one that pages through readAll.
 */
import type { Pool } from 'pg';
import { comparePositions, type EventStore, type Position, START } from '../event-store';

export interface LogBacklog {
  /** Events visible after the position. */
  readonly events: number;
  /** created_at of the newest of them (null when there are none). */
  readonly headCreatedAt: Date | null;
  /** created_at of the oldest of them (null when there are none). */
  readonly firstCreatedAt: Date | null;
}

export interface LogHead {
  behind(after: Position, categories?: readonly string[]): Promise<LogBacklog>;
}

/**
 * For `PostgresEventStore` (pass the store itself: it exposes `pool` and `schema`). Counts with
 * the same visibility rule as readAll, so "0 behind" means readAll has nothing more to give.
 */
export function postgresLogHead(store: { readonly pool: Pool; readonly schema: string }): LogHead {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(store.schema))
    throw new Error(`Invalid schema name "${store.schema}"`);
  return {
    async behind(after, categories) {
      const values: unknown[] = [];
      const where = ['e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())'];
      if (comparePositions(after, START) > 0) {
        values.push(after.commit.toString(), after.prepare.toString());
        where.push('(e.transaction_id, e.global_position) > ($1::xid8, $2::bigint)');
      }
      if (categories) {
        values.push(categories);
        where.push(`e.category = ANY($${values.length}::text[])`);
      }
      const { rows } = await store.pool.query<{ n: string; head: Date | null; first: Date | null }>(
        `SELECT count(*) AS n, max(e.created_at) AS head, min(e.created_at) AS first FROM ${store.schema}.events e WHERE ${where.join(' AND ')}`,
        values,
      );
      return {
        events: Number(rows[0].n),
        headCreatedAt: rows[0].head,
        firstCreatedAt: rows[0].first,
      };
    },
  };
}

/** Works with any EventStore; reads the whole backlog, so keep it for small logs and tests. */
export function readAllLogHead(store: EventStore, pageSize = 1_000): LogHead {
  return {
    async behind(after, categories) {
      let events = 0;
      let headCreatedAt: Date | null = null;
      let firstCreatedAt: Date | null = null;
      for (let cursor = after; ;) {
        const page = await store.readAll({ after: cursor, limit: pageSize, categories });
        events += page.events.length;
        headCreatedAt = page.events.at(-1)?.createdAt ?? headCreatedAt;
        firstCreatedAt ??= page.events[0]?.createdAt ?? null;
        if (page.events.length < pageSize) return { events, headCreatedAt, firstCreatedAt };
        cursor = page.last;
      }
    },
  };
}
