/**
 * Transaction-scoped advisory locks serialising the ingest handlers per record: one consumer
 * group reads several topics at once (a contact's registration, its order and the order's state
 * may be handled in concurrent transactions) and the statistics are read-then-written. Taken
 * before reading, in one order of kinds (order, opportunity, lead, message -> contact -> product)
 * with ids sorted within a kind; a rare deadlock is retried by the consumer.
 */
import type { Sql } from './sql';

export type LockedKind = 'order' | 'opportunity' | 'lead' | 'message' | 'contact' | 'product';

export async function lockRecords(
  tx: Sql,
  kind: LockedKind,
  tenant: string,
  ids: readonly (string | null | undefined)[],
): Promise<void> {
  const unique = [...new Set(ids.filter((id): id is string => !!id))].sort();
  for (const id of unique) {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2 || '/' || $3))`, [
      `crm.analytics.ingest.${kind}`,
      tenant,
      id,
    ]);
  }
}
