/**
 * The global-log read. Correctness rests on two rules:
 *  - page by the cursor (transaction_id, global_position), not by global_position alone: a
 *    transaction that took its sequence numbers earlier may commit later;
 *  - only return rows with transaction_id < xmin of the current snapshot: every transaction below
 *    xmin has finished, so no row can later appear behind the cursor. A reader therefore waits
 *    for older open transactions instead of skipping their events.
 * The statement runs alone (autocommit, or for a filtered page the only query of its transaction,
 * see BEGIN_ORDERED_SCAN), so the reader's snapshot lives only as long as it.
 */
import type { QueryConfig } from 'pg';
import type { ReadAllOptions } from '../event-store';
import { EVENT_COLUMNS, positionParams } from './event-rows';
import { START } from '../event-store';

const VISIBLE = 'e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())';

/**
 * Opens the transaction a filtered page runs in. A filtered page must walk the cursor index in
 * order and stop at its LIMIT. Without statistics (a table just bulk-loaded, before autovacuum's
 * first ANALYZE) PostgreSQL estimates the filter keeps ~1% of rows, expects fewer than a page,
 * and instead bitmap-scans the whole rest of the log and sorts it, on every page: 10.8 ms
 * instead of 0.95 ms per page of 500 over 25,000 events, quadratic in the backlog. A tenant
 * filter picks the (tenant, stream) index and sorts everything of that tenant. With bitmap and
 * sequential scans and sorts off, the ordered index scan is the plan left, with or without
 * statistics (the outer sort of at most one page still happens: nothing else can do it). JIT
 * off: the penalty cost of that unavoidable sort would otherwise trigger a 70 ms compilation.
 */
export const BEGIN_ORDERED_SCAN =
  'BEGIN; SET LOCAL enable_bitmapscan = off; SET LOCAL enable_seqscan = off; ' +
  'SET LOCAL enable_sort = off; SET LOCAL jit = off';

export interface ReadAllQuery extends QueryConfig {
  /** Filtered: run in a transaction opened with BEGIN_ORDERED_SCAN. */
  readonly filtered: boolean;
}

export function readAllQuery(
  schema: string,
  options: ReadAllOptions,
  defaultLimit: number,
): ReadAllQuery {
  const [commit, prepare] = positionParams(options.after ?? START);
  const values: unknown[] = [commit, prepare, options.limit ?? defaultLimit];
  const filters: string[] = [];
  let variant = '';
  if (options.tenant !== undefined) {
    values.push(options.tenant);
    filters.push(`e.tenant = $${values.length}`);
    variant += 't';
  }
  if (options.categories !== undefined) {
    values.push(options.categories);
    filters.push(`e.category = ANY($${values.length}::text[])`);
    variant += 'c';
  }
  if (options.types !== undefined) {
    values.push(options.types);
    filters.push(`e.type = ANY($${values.length}::text[])`);
    variant += 'y';
  }
  const page = `SELECT ${EVENT_COLUMNS}, e.transaction_id AS transaction_xid
    FROM ${schema}.events e
    WHERE (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint) AND ${VISIBLE}
      ${filters.map((f) => `AND ${f}`).join(' ')}
    ORDER BY e.transaction_id, e.global_position
    LIMIT $3`;
  if (!filters.length) return { name: `${schema}.read_all`, text: page, values, filtered: false };

  // A filtered reader may scan many rows that do not match. When its page is not full it has
  // seen everything visible, so it can move its cursor to the visible end (`tail_*`) and never
  // rescan those rows. Same statement = same snapshot as the page.
  const text = `SELECT t.tail_transaction_id, t.tail_position, p.*
    FROM (SELECT e.transaction_id::text AS tail_transaction_id, e.global_position AS tail_position
          FROM ${schema}.events e WHERE ${VISIBLE}
          ORDER BY e.transaction_id DESC, e.global_position DESC LIMIT 1) t
    LEFT JOIN LATERAL (${page}) p ON true
    ORDER BY p.transaction_xid, p.global_position`;
  return { name: `${schema}.read_all_${variant}`, text, values, filtered: true };
}
