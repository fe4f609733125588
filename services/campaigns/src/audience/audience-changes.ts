/**
 * The one coupling between the audience and the memberships: every inbox transaction that
 * changes what a rule could see about a contact upserts the contact into audience_changes and
 * notifies `campaigns_audience_changes` (delivered when the transaction commits). The membership
 * re-evaluation deletes a row only if its changed_at is still the one it read, so changed_at
 * moves forward on every change, even two within one clock tick (or under a pinned test clock):
 * by a millisecond at least, the precision of a JavaScript Date, so the value the re-evaluation
 * read through node-postgres compares equal to the stored one. The queued contacts' aggregated
 * histories (contact-history.ts) are refreshed by the same call.
 */
import type { PoolClient } from 'pg';
import { S } from '../infrastructure/read-model-part';
import { AUDIENCE_CHANGES_CHANNEL } from './audience-schema';
import { lockContactHistories, refreshHistoriesCtes } from './contact-history';

export type Sql = Pick<PoolClient, 'query'>;

export interface ChangeKind {
  /** The contact was merged away into this survivor (who is queued too). */
  readonly mergedInto?: string;
  /** The person was erased: they leave everything, nothing of them is kept. */
  readonly erased?: boolean;
}

export async function queueAudienceChange(
  tx: Sql,
  tenant: string,
  contactIds: readonly string[],
  now: Date,
  kind: ChangeKind = {},
): Promise<void> {
  const ids = [...new Set(contactIds)];
  if (ids.length === 0) return;
  // Their histories are refreshed here, in the writer's transaction: every change queues.
  await lockContactHistories(tx, tenant, ids);
  await tx.query(
    `WITH ${refreshHistoriesCtes('$2')},
          queued AS (
            INSERT INTO ${S}.audience_changes AS c (tenant, contact_id, changed_at, merged_into, erased)
              SELECT $1, id, $3, $4, $5 FROM unnest($2::text[]) AS id
            ON CONFLICT (tenant, contact_id) DO UPDATE SET
              changed_at = greatest(c.changed_at + interval '1 millisecond', EXCLUDED.changed_at),
              merged_into = coalesce(EXCLUDED.merged_into, c.merged_into),
              erased = c.erased OR EXCLUDED.erased)
     SELECT pg_notify($6, $1)`,
    [tenant, ids, now, kind.mergedInto ?? null, kind.erased ?? false, AUDIENCE_CHANGES_CHANNEL],
  );
}
