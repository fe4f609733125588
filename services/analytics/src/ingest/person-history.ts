/**
 * What happens to a person's rows when contacts says they are gone: an erasure (or a state
 * tombstone) deletes every analytics row about them and unlinks the deals and leads that named
 * them (the funnel keeps counting the deal, not the person); a merge hands the duplicate's
 * orders, messages, deals and leads to the survivor. The id-only mark is record-marks.ts'.
 */
import type { Sql } from './sql';
import { S } from '../infrastructure/schema';

/** Tables whose rows belong to one person (deleted with them). */
const PERSONAL_TABLES = [
  'order_lines',
  'orders',
  'campaign_messages',
  'segment_memberships',
  'customer_stats',
  'customers',
  // The models' per-person outputs (basket/, propensity/, publishing/): not derived from the
  // topics, but theirs.
  'basket_offers',
  'propensity_scores',
  'published_outputs',
  'service_cases', // after-sales cases (service-kpis/, consumer analytics.aftersales)
] as const;

/** Tables that reference a person from a business record (the reference is cleared). */
const REFERENCING_TABLES = ['leads', 'opportunities'] as const;

export async function erasePerson(tx: Sql, tenant: string, contactId: string): Promise<void> {
  for (const table of PERSONAL_TABLES) {
    await tx.query(`DELETE FROM ${S}.${table} WHERE tenant = $1 AND contact_id = $2`, [
      tenant,
      contactId,
    ]);
  }
  for (const table of REFERENCING_TABLES) {
    await tx.query(
      `UPDATE ${S}.${table} SET contact_id = NULL WHERE tenant = $1 AND contact_id = $2`,
      [tenant, contactId],
    );
  }
}

/** The survivor inherits the duplicate's history; the duplicate's own rows go. */
export async function mergePerson(
  tx: Sql,
  tenant: string,
  duplicateId: string,
  survivorId: string,
): Promise<void> {
  for (const table of ['orders', 'order_lines', 'campaign_messages', ...REFERENCING_TABLES]) {
    await tx.query(
      `UPDATE ${S}.${table} SET contact_id = $3 WHERE tenant = $1 AND contact_id = $2`,
      [tenant, duplicateId, survivorId],
    );
  }
  // Campaigns takes the duplicate out of every segment (member_left merged_away follows).
  for (const table of ['segment_memberships', 'customer_stats', 'customers']) {
    await tx.query(`DELETE FROM ${S}.${table} WHERE tenant = $1 AND contact_id = $2`, [
      tenant,
      duplicateId,
    ]);
  }
}
