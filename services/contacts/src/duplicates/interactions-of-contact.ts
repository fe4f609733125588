import type { Pool } from 'pg';
import { CONTACTS_SCHEMA } from '../infrastructure/schema';

/** Ids of this service's interactions a contact takes part in (from the timeline read model). */
export async function interactionIdsOf(
  pool: Pool,
  tenant: string,
  contactId: string,
): Promise<string[]> {
  const { rows } = await pool.query<{ entry_id: string }>(
    `SELECT entry_id FROM ${CONTACTS_SCHEMA}.timeline_entries WHERE tenant = $1 AND contact_id = $2 AND source = 'contacts'`,
    [tenant, contactId],
  );
  return rows.map((r) => r.entry_id);
}
