/**
 * Each contact's purchase and deal history (order lines, orders, deals) kept aggregated in
 * audience_records, as the live membership evaluator reads it, so re-evaluating one contact
 * after an event reads one row by its key instead of aggregating three tables.
 *
 * Kept current by `queueAudienceChange`: every transaction that changes what a rule could see
 * about a contact queues it, so refreshing there covers every writer, in the same transaction as
 * its writes (a replay of the topics rebuilds the same rows from the same tables). The refresh
 * first locks the contacts' rows (creating them with NULLs, which readers take as "not kept,
 * aggregate the tables"), then aggregates in the next statement: under READ COMMITTED its
 * snapshot is taken after the lock, so of two transactions changing one contact's history (a
 * product's family and a deal do not share another lock) the one that commits last aggregates
 * what the first committed. A contact without an audience_contacts row keeps no row.
 */
import { S } from '../infrastructure/read-model-part';
import type { Sql } from './audience-changes';

export type HistoryColumn = 'order_lines' | 'order_rows' | 'deal_rows';

/**
 * Each aggregate over the contact aliased `c`, as a scalar subquery: only the columns the
 * evaluator reads, timestamps as ISO text.
 */
export function historyAggregate(c: string): Record<HistoryColumn, string> {
  return {
    order_lines: `(SELECT coalesce(jsonb_agg(jsonb_build_object('order_id', l.order_id, 'line_no', l.line_no,
              'product_id', l.product_id, 'sku', l.sku, 'product_family', l.product_family,
              'options', l.options, 'quantity', l.quantity, 'net_minor', l.net_minor,
              'currency', l.currency, 'ordered_at', l.ordered_at, 'status', l.status)
              ORDER BY l.order_id, l.line_no), '[]')
            FROM ${S}.audience_order_lines l
           WHERE l.tenant = ${c}.tenant AND l.contact_id = ${c}.contact_id)`,
    order_rows: `(SELECT coalesce(jsonb_agg(jsonb_build_object('order_id', o.order_id,
              'total_minor', o.total_minor, 'currency', o.currency, 'placed_at', o.placed_at,
              'status', o.status) ORDER BY o.order_id), '[]')
            FROM ${S}.audience_orders o
           WHERE o.tenant = ${c}.tenant AND o.contact_id = ${c}.contact_id)`,
    deal_rows: `(SELECT coalesce(jsonb_agg(jsonb_build_object('opportunity_id', d.opportunity_id,
              'stage_id', d.stage_id, 'status', d.status, 'amount_minor', d.amount_minor,
              'currency', d.currency, 'updated_at', d.updated_at) ORDER BY d.opportunity_id), '[]')
            FROM ${S}.audience_deals d
           WHERE d.tenant = ${c}.tenant AND d.contact_id = ${c}.contact_id)`,
  };
}

/** The three aggregates as select-list items named order_lines, order_rows and deal_rows. */
export function historyAggregates(c: string): string {
  return Object.entries(historyAggregate(c))
    .map(([column, sql]) => `${sql} AS ${column}`)
    .join(',\n          ');
}

/** Locks the contacts' history rows (sorted: two refreshes never deadlock), creating them empty. */
export async function lockContactHistories(
  tx: Sql,
  tenant: string,
  ids: readonly string[],
): Promise<void> {
  await tx.query(
    `INSERT INTO ${S}.audience_records AS r (tenant, contact_id)
       SELECT $1, id FROM unnest($2::text[]) AS id ORDER BY id
     ON CONFLICT (tenant, contact_id) DO UPDATE SET order_lines = NULL, order_rows = NULL, deal_rows = NULL`,
    [tenant, [...new Set(ids)].sort()],
  );
}

/**
 * Data-modifying CTEs (named `history_kept`, `history_dropped`) that aggregate the locked
 * contacts' histories and drop the rows of contacts that have none in audience_contacts; `$1` is
 * the tenant and `ids` the placeholder of the contact ids. For the caller's next statement.
 */
export function refreshHistoriesCtes(ids: string): string {
  return `history_kept AS (
            UPDATE ${S}.audience_records r SET order_lines = h.order_lines, order_rows = h.order_rows,
                   deal_rows = h.deal_rows
              FROM (SELECT c.contact_id, ${historyAggregates('c')}
                      FROM ${S}.audience_contacts c
                     WHERE c.tenant = $1 AND c.contact_id = ANY(${ids}::text[])) h
             WHERE r.tenant = $1 AND r.contact_id = h.contact_id),
          history_dropped AS (
            DELETE FROM ${S}.audience_records r
             WHERE r.tenant = $1 AND r.contact_id = ANY(${ids}::text[])
               AND NOT EXISTS (SELECT 1 FROM ${S}.audience_contacts c
                                WHERE c.tenant = $1 AND c.contact_id = r.contact_id))`;
}

/**
 * Every contact's history of the tenant aggregated anew, for tables filled without the consumers
 * (a bench's bulk seed, a database from before audience_records: until then the readers
 * aggregate the tables). Not for use beside running consumers.
 */
export async function rebuildContactHistories(tx: Sql, tenant: string): Promise<void> {
  await tx.query(
    `INSERT INTO ${S}.audience_records AS r (tenant, contact_id, order_lines, order_rows, deal_rows)
       SELECT c.tenant, c.contact_id, ${historyAggregates('c')}
         FROM ${S}.audience_contacts c WHERE c.tenant = $1
     ON CONFLICT (tenant, contact_id) DO UPDATE SET order_lines = EXCLUDED.order_lines,
       order_rows = EXCLUDED.order_rows, deal_rows = EXCLUDED.deal_rows`,
    [tenant],
  );
}
