/**
 * The order rules between the two ways a sales entry reaches the timeline: from crm.sales.v1
 * (timeline-feed.handlers.ts) and from sales' state topics, read from offset 0 by the same
 * `contacts` consumer group but another topic, so a record's state and its events arrive in
 * either order. Both end in the same row:
 * - a state applies only if its version is not below the last state's and its time (`ce_time`,
 *   the latest fact it holds) not before the newest fact applied (`fact_at`); it records
 *   `state_version` / `state_at`;
 * - an event whose time is not after `state_at` is skipped (the state already holds it).
 * The entry's main row (`sales-activity-<id>`, `sales-order-<id>`) carries the marks.
 */
import type { PoolClient } from 'pg';
import { CONTACTS_SCHEMA } from '../infrastructure/schema';
import { upsertTimelineEntry } from '../timeline/timeline.projection';
import type { SalesTimelineEntry } from './sales-timeline-entries';

const S = CONTACTS_SCHEMA;
type Sql = Pick<PoolClient, 'query'>;

/** A state message's place in its record's history. */
export interface StateMark {
  readonly version: number;
  /** The state's `ce_time`: its latest fact's. */
  readonly at: string;
}

/** True when the entry's applied state already holds a fact of `eventTime`: skip the event. */
export async function heldByState(
  tx: Sql,
  tenant: string,
  entryId: string,
  eventTime: string,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `SELECT 1 FROM ${S}.timeline_entries
      WHERE tenant = $1 AND entry_id = $2 AND state_at IS NOT NULL AND state_at >= $3 LIMIT 1`,
    [tenant, entryId, eventTime],
  );
  return (rowCount ?? 0) > 0;
}

/** After an event was applied: its time is the entry's newest fact if nothing newer is. */
export async function markFact(
  tx: Sql,
  tenant: string,
  entryId: string,
  eventTime: string,
): Promise<void> {
  await tx.query(
    `UPDATE ${S}.timeline_entries SET fact_at = greatest(fact_at, $3)
      WHERE tenant = $1 AND entry_id = $2`,
    [tenant, entryId, eventTime],
  );
}

/**
 * Writes a state's entries for `contactId` unless the main entry has seen a newer state or fact;
 * false when it was skipped. `extras` (an order's end) are only added when missing: the event
 * that wrote one knows more (its reason and time). The record names one contact: its rows under
 * another contact (the order was re-pointed in sales) are replaced.
 */
export async function applySalesState(
  tx: Sql,
  tenant: string,
  contactId: string,
  mark: StateMark,
  main: SalesTimelineEntry,
  extras: readonly SalesTimelineEntry[] = [],
): Promise<boolean> {
  const { rows } = await tx.query<{ newer: boolean }>(
    `SELECT bool_or((state_version IS NOT NULL AND state_version > $3) OR (fact_at IS NOT NULL AND fact_at > $4)) AS newer
       FROM ${S}.timeline_entries WHERE tenant = $1 AND entry_id = $2`,
    [tenant, main.entryId, mark.version, mark.at],
  );
  if (rows[0]?.newer) return false;
  const entryIds = [main, ...extras].map((e) => e.entryId);
  await tx.query(
    `DELETE FROM ${S}.timeline_entries WHERE tenant = $1 AND entry_id = ANY($2) AND contact_id <> $3`,
    [tenant, entryIds, contactId],
  );
  for (const entry of [main, ...extras]) {
    if (entry !== main && (await hasEntry(tx, tenant, entry.entryId))) continue;
    await upsertTimelineEntry(tx, {
      tenant,
      contactId,
      source: 'sales',
      channel: null,
      direction: null,
      body: null,
      ...entry,
    });
  }
  await tx.query(
    `UPDATE ${S}.timeline_entries
        SET state_version = $3, state_at = $4, fact_at = greatest(fact_at, $4)
      WHERE tenant = $1 AND entry_id = $2`,
    [tenant, main.entryId, mark.version, mark.at],
  );
  return true;
}

async function hasEntry(tx: Sql, tenant: string, entryId: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    `SELECT 1 FROM ${S}.timeline_entries WHERE tenant = $1 AND entry_id = $2 LIMIT 1`,
    [tenant, entryId],
  );
  return (rowCount ?? 0) > 0;
}

/** A tombstone: sales has no such record (any more). Its entries leave every timeline. */
export async function removeSalesEntries(
  tx: Sql,
  tenant: string,
  entryIds: readonly string[],
): Promise<void> {
  await tx.query(
    `DELETE FROM ${S}.timeline_entries WHERE tenant = $1 AND source = 'sales' AND entry_id = ANY($2)`,
    [tenant, entryIds],
  );
}
