/** Writes of the customers table: an upsert of just the columns a fact carries. */
import type { Sql } from './sql';
import { S } from '../infrastructure/schema';
import { CUSTOMER_COLUMNS, type CustomerPatch } from './customer-profile';

export async function upsertCustomer(
  tx: Sql,
  tenant: string,
  contactId: string,
  patch: CustomerPatch,
  at: string,
  registeredAt?: string | null,
): Promise<void> {
  const columns = CUSTOMER_COLUMNS.filter((c) => patch[c] !== undefined);
  const values: unknown[] = [
    tenant,
    contactId,
    at,
    registeredAt ?? null,
    ...columns.map((c) => patch[c]),
  ];
  const sets = [
    'updated_at = greatest(c.updated_at, EXCLUDED.updated_at)',
    ...(registeredAt !== undefined ? ['registered_at = EXCLUDED.registered_at'] : []),
    ...columns.map((c) => `${c} = EXCLUDED.${c}`),
  ];
  await tx.query(
    `INSERT INTO ${S}.customers AS c (tenant, contact_id, updated_at, registered_at${columns.map((c) => `, ${c}`).join('')})
       VALUES ($1, $2, $3, $4${columns.map((_, i) => `, $${i + 5}`).join('')})
     ON CONFLICT (tenant, contact_id) DO UPDATE SET ${sets.join(', ')}`,
    values,
  );
}
