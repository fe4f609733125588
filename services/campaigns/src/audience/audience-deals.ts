/**
 * A contact's deals (audience_deals: stage, status, amount) from the opportunity events and the
 * opportunity state topic, for rules on the pipeline ("has an open deal above 20 000 EUR", "deal
 * in stage negotiation"). Each event sets only what it carries; a state sets everything. Same
 * order rules as the contacts (a state not older than the last state and the newest fact; an
 * event the applied state holds is skipped). A deal of a merged-away contact belongs to the
 * survivor; one of an erased person is not kept.
 */
import type { Sql } from './audience-changes';
import { S } from '../infrastructure/read-model-part';
import { lockRecords } from './audience-locks';
import { ownerOf } from './contact-marks';

export interface DealPatch {
  /** Present: the deal's contact (null: none); absent: unchanged. */
  readonly contactId?: string | null;
  readonly stageId?: string | null;
  readonly status?: 'open' | 'won' | 'lost';
  readonly amountMinor?: number | null;
  readonly currency?: string | null;
}

const COLUMNS = {
  stageId: 'stage_id',
  status: 'status',
  amountMinor: 'amount_minor',
  currency: 'currency',
} as const;

/** Applies the patch; returns the contacts whose deals changed (to queue). */
export async function applyDeal(
  tx: Sql,
  tenant: string,
  opportunityId: string,
  patch: DealPatch,
  mark: { at: string; stateVersion?: number },
): Promise<string[]> {
  await lockRecords(tx, 'deal', tenant, [opportunityId]);
  const { rows } = await tx.query<{
    contact_id: string | null;
    state_version: number | null;
    state_at: Date | null;
    updated_at: Date | null;
  }>(
    `SELECT contact_id, state_version, state_at, updated_at FROM ${S}.audience_deals
      WHERE tenant = $1 AND opportunity_id = $2`,
    [tenant, opportunityId],
  );
  const known = rows[0];
  const at = new Date(mark.at).getTime();
  if (mark.stateVersion === undefined) {
    if (known?.state_at && at <= known.state_at.getTime()) return [];
  } else if (
    (known?.state_version != null && mark.stateVersion < known.state_version) ||
    (known?.updated_at && at < known.updated_at.getTime())
  )
    return [];
  let contactId = known?.contact_id ?? null;
  if (patch.contactId !== undefined) {
    await lockRecords(tx, 'contact', tenant, [patch.contactId]);
    contactId =
      patch.contactId === null ? null : ((await ownerOf(tx, tenant, patch.contactId)) ?? null);
    if (patch.contactId !== null && contactId === null) {
      // The person is gone: nothing of their deals stays.
      await tx.query(`DELETE FROM ${S}.audience_deals WHERE tenant = $1 AND opportunity_id = $2`, [
        tenant,
        opportunityId,
      ]);
      return known?.contact_id ? [known.contact_id] : [];
    }
  }
  const values: unknown[] = [tenant, opportunityId, contactId, mark.at];
  const sets = [
    'contact_id = EXCLUDED.contact_id',
    'updated_at = greatest(d.updated_at, EXCLUDED.updated_at)',
  ];
  const columns: string[] = [];
  for (const [member, column] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, string][]) {
    if (patch[member] === undefined) continue;
    values.push(patch[member]);
    columns.push(column);
    sets.push(`${column} = EXCLUDED.${column}`);
  }
  if (mark.stateVersion !== undefined) {
    values.push(mark.stateVersion, mark.at);
    columns.push('state_version', 'state_at');
    sets.push('state_version = EXCLUDED.state_version', 'state_at = EXCLUDED.state_at');
  }
  const placeholders = columns.map((_, i) => `$${i + 5}`);
  await tx.query(
    `INSERT INTO ${S}.audience_deals AS d (tenant, opportunity_id, contact_id, updated_at${columns.map((c) => `, ${c}`).join('')})
       VALUES ($1, $2, $3, $4${placeholders.map((p) => `, ${p}`).join('')})
     ON CONFLICT (tenant, opportunity_id) DO UPDATE SET ${sets.join(', ')}`,
    values,
  );
  return [...new Set([contactId, known?.contact_id].filter((id): id is string => !!id))];
}
