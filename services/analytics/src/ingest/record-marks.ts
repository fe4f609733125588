/**
 * The order rules between the event topics and the state topics, for every record kind
 * analytics keeps (record_marks). A state and an event of one record arrive in either order
 * (another topic, another partition) and must end in the same row:
 * - an event applies unless the record is gone for good or the state already applied holds it
 *   (its time not after that state's `ce_time`, which is the latest fact the state contains);
 * - a state applies unless the record is gone, its version is below the last state's, or its
 *   time is before the newest fact already applied.
 * A contact id gone for good (erased, merged away, tombstoned) keeps only this id-and-flags row,
 * so no late or replayed fact can bring the person back. Callers hold the record's lock.
 */
import type { Sql } from './sql';
import { S } from '../infrastructure/schema';

export type RecordKind = 'contact' | 'order' | 'product' | 'opportunity' | 'lead';

export interface RecordMark {
  readonly stateVersion: number | null;
  readonly stateAt: Date | null;
  readonly factAt: Date | null;
  readonly gone: boolean;
  readonly erased: boolean;
  readonly mergedInto: string | null;
}

/** How deep a chain of merges (a into b, b into c) is followed. */
const MAX_MERGE_CHAIN = 16;

export async function recordMark(
  tx: Sql,
  tenant: string,
  kind: RecordKind,
  id: string,
): Promise<RecordMark | undefined> {
  const { rows } = await tx.query<{
    state_version: number | null;
    state_at: Date | null;
    fact_at: Date | null;
    gone: boolean;
    erased: boolean;
    merged_into: string | null;
  }>(
    `SELECT state_version, state_at, fact_at, gone, erased, merged_into FROM ${S}.record_marks
      WHERE tenant = $1 AND kind = $2 AND record_id = $3`,
    [tenant, kind, id],
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

/** Whether an event at `at` still says something new about the record (the pure rule). */
export function eventApplies(mark: RecordMark | undefined, at: Date): boolean {
  if (!mark) return true;
  if (mark.gone) return false;
  return mark.stateAt === null || at.getTime() > mark.stateAt.getTime();
}

/** Whether a state (version, at) is not older than what the record already shows (the pure rule). */
export function stateApplies(mark: RecordMark | undefined, version: number, at: Date): boolean {
  if (!mark) return true;
  if (mark.gone) return false;
  if (mark.stateVersion !== null && version < mark.stateVersion) return false;
  return mark.factAt === null || at.getTime() >= mark.factAt.getTime();
}

/** Checks the event rule and, when it applies, records its time as the newest fact. */
export async function admitEvent(
  tx: Sql,
  tenant: string,
  kind: RecordKind,
  id: string,
  at: string,
): Promise<boolean> {
  if (!eventApplies(await recordMark(tx, tenant, kind, id), new Date(at))) return false;
  await tx.query(
    `INSERT INTO ${S}.record_marks AS m (tenant, kind, record_id, fact_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant, kind, record_id) DO UPDATE SET fact_at = greatest(m.fact_at, EXCLUDED.fact_at)`,
    [tenant, kind, id, at],
  );
  return true;
}

/** Checks the state rule and, when it applies, records the state's version and time. */
export async function admitState(
  tx: Sql,
  tenant: string,
  kind: RecordKind,
  id: string,
  version: number,
  at: string,
): Promise<boolean> {
  if (!stateApplies(await recordMark(tx, tenant, kind, id), version, new Date(at))) return false;
  await tx.query(
    `INSERT INTO ${S}.record_marks AS m (tenant, kind, record_id, state_version, state_at, fact_at)
       VALUES ($1, $2, $3, $4, $5, $5)
     ON CONFLICT (tenant, kind, record_id) DO UPDATE SET state_version = EXCLUDED.state_version,
       state_at = EXCLUDED.state_at, fact_at = greatest(m.fact_at, EXCLUDED.fact_at)`,
    [tenant, kind, id, version, at],
  );
  return true;
}

/** Gone for good: erased, merged away (naming the survivor once known) or tombstoned. */
export async function markGone(
  tx: Sql,
  tenant: string,
  kind: RecordKind,
  id: string,
  at: string,
  how: { erased?: boolean; mergedInto?: string } = {},
): Promise<void> {
  await tx.query(
    `INSERT INTO ${S}.record_marks AS m (tenant, kind, record_id, gone, erased, merged_into, fact_at)
       VALUES ($1, $2, $3, true, $4, $5, $6)
     ON CONFLICT (tenant, kind, record_id) DO UPDATE SET gone = true, erased = m.erased OR EXCLUDED.erased,
       merged_into = coalesce(EXCLUDED.merged_into, m.merged_into),
       fact_at = greatest(m.fact_at, EXCLUDED.fact_at)`,
    [tenant, kind, id, how.erased ?? false, how.mergedInto ?? null, at],
  );
}

/**
 * Whose history a fact about `contactId` belongs to: the contact, the survivor it was merged
 * into (following chains), or nobody (`undefined`) when the person is gone otherwise.
 */
export async function ownerOf(
  tx: Sql,
  tenant: string,
  contactId: string | null | undefined,
): Promise<string | undefined> {
  if (!contactId) return undefined;
  let id = contactId;
  for (let hop = 0; hop < MAX_MERGE_CHAIN; hop++) {
    const mark = await recordMark(tx, tenant, 'contact', id);
    if (!mark?.gone) return id;
    if (mark.erased || !mark.mergedInto) return undefined;
    id = mark.mergedInto;
  }
  return undefined;
}
