/**
 * Transaction-scoped advisory locks that serialise the audience consumers per record: one
 * consumer group reads four topics at once, so a contact's registration, its order and the
 * order's state can be handled in concurrent transactions, and the summaries and product
 * families are read-then-written. A handler takes its locks before it reads (under READ
 * COMMITTED each later statement then sees what the previous holder committed), always in the
 * same order of kinds (order, deal -> contact -> product) and ids sorted within a kind, so two
 * handlers do not wait on each other; a rare deadlock (a merge chain) is retried by the consumer.
 */
import type { Sql } from './audience-changes';

export type LockedRecord = 'order' | 'deal' | 'contact' | 'product' | 'company';

export async function lockRecords(
  tx: Sql,
  kind: LockedRecord,
  tenant: string,
  ids: readonly (string | null | undefined)[],
): Promise<void> {
  const unique = [...new Set(ids.filter((id): id is string => !!id))].sort();
  for (const id of unique) {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2 || '/' || $3))`, [
      `crm.campaigns.audience.${kind}`,
      tenant,
      id,
    ]);
  }
}
