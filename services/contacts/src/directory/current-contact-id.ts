import type { PoolClient } from 'pg';
import { CONTACTS_SCHEMA } from '../infrastructure/schema';

/**
 * The contact a fact from another service is about now: the id itself, or the survivor it was
 * merged into; undefined when this tenant's directory does not know it (never issued, erased).
 */
export async function currentContactId(
  tx: Pick<PoolClient, 'query'>,
  tenant: string,
  contactId: string,
): Promise<string | undefined> {
  const { rows } = await tx.query<{ contact_id: string; survivor_id: string | null }>(
    `SELECT contact_id, survivor_id FROM ${CONTACTS_SCHEMA}.contact_list WHERE tenant = $1 AND contact_id = $2`,
    [tenant, contactId.toLowerCase()],
  );
  return rows[0] ? (rows[0].survivor_id ?? rows[0].contact_id) : undefined;
}
