/**
 * Applies the tenant policy to every table of a schema that has a `tenant` column, found in the
 * catalogue, so each service and every future table is covered without code per table.
 * Idempotent: a table already secured is not touched (ALTER TABLE would lock it).
 */
import type { ClientBase } from 'pg';
import {
  isTenantScoped,
  missingStatements,
  TENANT_POLICY,
  type TableSecurity,
} from './tenant-setting';

export interface RowLevelSecurityResult {
  /** Tables altered now. */
  readonly secured: string[];
  /** Tables with a `tenant` column this role does not own, so it cannot secure them. */
  readonly notOwned: string[];
}

/** Run inside a transaction: the advisory lock serialises replicas and rebuilds. */
export async function applyRowLevelSecurity(
  tx: ClientBase,
  schema: string,
): Promise<RowLevelSecurityResult> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${schema}-row-level-security`]);
  const { rows } = await tx.query<TableSecurity & { owned: boolean }>(
    `SELECT c.relname AS "table", c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
            EXISTS (SELECT 1 FROM pg_policies p
                     WHERE p.schemaname = n.nspname AND p.tablename = c.relname
                       AND p.policyname = $2) AS "hasPolicy",
            pg_has_role(current_user, c.relowner, 'USAGE') AS owned
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')
        AND EXISTS (SELECT 1 FROM pg_attribute a
                     WHERE a.attrelid = c.oid AND a.attname = 'tenant' AND NOT a.attisdropped)
      ORDER BY c.relname`,
    [schema, TENANT_POLICY],
  );
  const secured: string[] = [];
  const notOwned: string[] = [];
  for (const row of rows.filter((r) => isTenantScoped(r.table))) {
    const statements = missingStatements(schema, row);
    if (!statements.length) continue;
    if (!row.owned) {
      notOwned.push(row.table);
      continue;
    }
    for (const statement of statements) await tx.query(statement);
    secured.push(row.table);
  }
  return { secured, notOwned };
}
