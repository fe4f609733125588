/**
 * Fixture for the projection specs: a deliberately NON-idempotent read model. Every applied
 * event adds a row to `tally_log` (no unique key) and bumps counters in `tally_totals`, so an
 * event applied twice or skipped shows up as a difference in the tables.
 */
import type { Pool } from 'pg';
import type { NewEvent, RecordedEvent } from '../../event-store';
import type { Projection } from '../projection';

export interface TallyOptions {
  readonly name: string;
  /** Schema of the read-model tables (one per instance, so two builds can be compared). */
  readonly schema: string;
  readonly version?: number;
  /** Multiplies amounts: a "v2" of the projection with different output. */
  readonly factor?: number;
  /** Called inside the batch transaction after the event's writes, before the next event. */
  readonly afterEvent?: (event: RecordedEvent) => Promise<void>;
}

export function tallyProjection(options: TallyOptions): Projection {
  const s = options.schema;
  const factor = options.factor ?? 1;
  return {
    name: options.name,
    version: options.version ?? 1,
    handlers: {
      AmountAdded: async (event, tx) => {
        const amount = (event.data as { amount: number }).amount * factor;
        await tx.query(
          `INSERT INTO ${s}.tally_log (global_position, event_id, stream_id, amount) VALUES ($1, $2, $3, $4)`,
          [event.position.prepare.toString(), event.id, event.streamId, amount],
        );
        await tx.query(
          `INSERT INTO ${s}.tally_totals (stream_id, events, total) VALUES ($1, 1, $2)
           ON CONFLICT (stream_id) DO UPDATE SET events = tally_totals.events + 1, total = tally_totals.total + $2`,
          [event.streamId, amount],
        );
        await options.afterEvent?.(event);
      },
    },
    async init(tx) {
      await tx.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
      await tx.query(`CREATE TABLE IF NOT EXISTS ${s}.tally_log (
        global_position bigint NOT NULL, event_id uuid NOT NULL, stream_id text NOT NULL, amount bigint NOT NULL)`);
      await tx.query(`CREATE TABLE IF NOT EXISTS ${s}.tally_totals (
        stream_id text PRIMARY KEY, events integer NOT NULL, total bigint NOT NULL)`);
    },
    async reset(tx) {
      await tx.query(`DROP TABLE IF EXISTS ${s}.tally_log, ${s}.tally_totals`);
    },
  };
}

export async function dumpTally(
  pool: Pool,
  schema: string,
): Promise<{ log: unknown[]; totals: unknown[] }> {
  const log = await pool.query(
    `SELECT global_position::text, event_id, stream_id, amount::int FROM ${schema}.tally_log ORDER BY global_position, event_id::text COLLATE "C"`,
  );
  const totals = await pool.query(
    `SELECT stream_id, events, total::int FROM ${schema}.tally_totals ORDER BY stream_id COLLATE "C"`,
  );
  return { log: log.rows, totals: totals.rows };
}

export function amountAdded(amount: number): NewEvent {
  return {
    type: 'AmountAdded',
    data: { amount },
    metadata: { tenant: 'acme', occurredAt: new Date().toISOString() },
  };
}
