/**
 * An upsert of just the columns a fact carries (a member absent changes nothing), keyed by
 * (tenant, <id column>), with `updated_at` moving to the newest fact. Column names come from the
 * callers' constant lists, never from input.
 */
import type { Sql } from './sql';
import { S } from '../infrastructure/schema';

export type RowPatch = Readonly<Record<string, unknown>>;

export async function upsertPatch(
  tx: Sql,
  table: 'leads' | 'opportunities',
  idColumn: 'lead_id' | 'opportunity_id',
  tenant: string,
  id: string,
  patch: RowPatch,
  at: string,
): Promise<void> {
  const columns = Object.keys(patch).filter((c) => patch[c] !== undefined);
  const sets = [
    'updated_at = greatest(t.updated_at, EXCLUDED.updated_at)',
    ...columns.map((c) => `${c} = EXCLUDED.${c}`),
  ];
  await tx.query(
    `INSERT INTO ${S}.${table} AS t (tenant, ${idColumn}, updated_at${columns.map((c) => `, ${c}`).join('')})
       VALUES ($1, $2, $3${columns.map((_, i) => `, $${i + 4}`).join('')})
     ON CONFLICT (tenant, ${idColumn}) DO UPDATE SET ${sets.join(', ')}`,
    [tenant, id, at, ...columns.map((c) => patch[c])],
  );
}
