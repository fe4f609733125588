/**
 * Where each contact id's history stands in the audience (audience_contact_marks): the order
 * rules between crm.contacts.v1 and the contact state topic (a state applies only if not older
 * than the last state and the newest fact; an event the applied state holds is skipped), and
 * the ids gone for good (merged away, erased, tombstoned) that no late fact may revive. Callers
 * hold the contact's lock (audience-locks.ts).
 */
import type { Sql } from './audience-changes';
import { S } from '../infrastructure/read-model-part';

export interface ContactMark {
  readonly stateVersion: number | null;
  readonly stateAt: Date | null;
  readonly factAt: Date | null;
  readonly gone: boolean;
  readonly erased: boolean;
  readonly mergedInto: string | null;
}

/** How deep a chain of merges (a merged into b, b into c) is followed. */
const MAX_MERGE_CHAIN = 16;

export async function contactMark(
  tx: Sql,
  tenant: string,
  contactId: string,
): Promise<ContactMark | undefined> {
  const { rows } = await tx.query<{
    state_version: number | null;
    state_at: Date | null;
    fact_at: Date | null;
    gone: boolean;
    erased: boolean;
    merged_into: string | null;
  }>(
    `SELECT state_version, state_at, fact_at, gone, erased, merged_into
       FROM ${S}.audience_contact_marks WHERE tenant = $1 AND contact_id = $2`,
    [tenant, contactId],
  );
  const row = rows[0];
  return (
    row && {
      stateVersion: row.state_version,
      stateAt: row.state_at,
      factAt: row.fact_at,
      gone: row.gone,
      erased: row.erased,
      mergedInto: row.merged_into,
    }
  );
}

/**
 * Whose purchase history a fact about `contactId` belongs to: the contact, the survivor it was
 * merged into (following chains), or nobody (`undefined`) when the person is gone otherwise
 * (erased, or a tombstone we cannot tell from an erasure: nothing of them may be kept).
 */
export async function ownerOf(
  tx: Sql,
  tenant: string,
  contactId: string,
): Promise<string | undefined> {
  let id = contactId;
  for (let hop = 0; hop < MAX_MERGE_CHAIN; hop++) {
    const mark = await contactMark(tx, tenant, id);
    if (!mark?.gone) return id;
    if (mark.erased || !mark.mergedInto) return undefined;
    id = mark.mergedInto;
  }
  return undefined;
}

/** After an event was applied: its time is the contact's newest fact unless one is newer. */
export async function markContactFact(
  tx: Sql,
  tenant: string,
  contactId: string,
  at: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO ${S}.audience_contact_marks AS m (tenant, contact_id, fact_at) VALUES ($1, $2, $3)
     ON CONFLICT (tenant, contact_id) DO UPDATE SET fact_at = greatest(m.fact_at, EXCLUDED.fact_at)`,
    [tenant, contactId, at],
  );
}

/** A fact the applied state already holds (its time not after the state's), or a gone contact. */
export function eventIsStale(mark: ContactMark | undefined, at: string): boolean {
  if (!mark) return false;
  if (mark.gone) return true;
  return mark.stateAt !== null && new Date(at).getTime() <= mark.stateAt.getTime();
}

/** Gone for good: merged away (naming the survivor) or erased; `merged_into` is kept once known. */
export async function markContactGone(
  tx: Sql,
  tenant: string,
  contactId: string,
  at: string,
  how: { erased?: boolean; mergedInto?: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO ${S}.audience_contact_marks AS m (tenant, contact_id, gone, erased, merged_into, fact_at)
       VALUES ($1, $2, true, $3, $4, $5)
     ON CONFLICT (tenant, contact_id) DO UPDATE SET gone = true, erased = m.erased OR EXCLUDED.erased,
       merged_into = coalesce(EXCLUDED.merged_into, m.merged_into),
       fact_at = greatest(m.fact_at, EXCLUDED.fact_at)`,
    [tenant, contactId, how.erased ?? false, how.mergedInto ?? null, at],
  );
}
