/**
 * The global-log read. Correctness rests on two rules:
 *  - page by the cursor (transaction_id, global_position), not by global_position alone: a
 *    transaction that took its sequence numbers earlier may commit later;
 *  - only return rows with transaction_id < xmin of the current snapshot: every transaction below
 *    xmin has finished, so no row can later appear behind the cursor. A reader therefore waits
 *    for older open transactions instead of skipping their events.
 * The statement runs on its own (autocommit), so the reader's snapshot lives only as long as it.
 */
import type { QueryConfig } from 'pg';
import type { ReadAllOptions } from '../event-store';
import { EVENT_COLUMNS, positionParams } from './event-rows';
import { START } from '../event-store';

const VISIBLE = 'e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())';

export function readAllQuery(
  schema: string,
  options: ReadAllOptions,
  defaultLimit: number,
): QueryConfig {
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
  if (!filters.length) return { name: `${schema}.read_all`, text: page, values };

  // A filtered reader may scan many rows that do not match. When its page is not full it has
  // seen everything visible, so it can move its cursor to the visible end (`tail_*`) and never
  // rescan those rows. Same statement = same snapshot as the page.
  const text = `SELECT t.tail_transaction_id, t.tail_position, p.*
    FROM (SELECT e.transaction_id::text AS tail_transaction_id, e.global_position AS tail_position
          FROM ${schema}.events e WHERE ${VISIBLE}
          ORDER BY e.transaction_id DESC, e.global_position DESC LIMIT 1) t
    LEFT JOIN LATERAL (${page}) p ON true
    ORDER BY p.transaction_xid, p.global_position`;
  return { name: `${schema}.read_all_${variant}`, text, values };
}
