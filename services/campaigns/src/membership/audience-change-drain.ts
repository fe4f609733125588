/**
 * Incremental memberships: drains campaigns.audience_changes (the audience's queue of contacts
 * whose record changed) and re-evaluates each queued contact against every active segment of its
 * tenant: dynamic ones with the compiled in-memory evaluator over the contact's record (loaded
 * once), static ones by the list (a merged duplicate's listing counts for its survivor). An erased
 * contact, and a duplicate merged away, leave everything for good.
 *
 * One transaction per batch: rows are read and their contacts locked in one statement
 * (MembershipWriter.lockAlong), their memberships and records read after the lock in the next, the joins and leaves appended,
 * and each queue row deleted only if its changed_at is still the one read, so a change that arrives meanwhile is evaluated again.
 * Replica-safe: a batch takes a transaction-scoped advisory lock, so one replica drains at a time
 * (others skip the round); the contact row locks order it against the full evaluations.
 */
import { Logger } from '@nestjs/common';
import { inTransaction } from '@crm/event-sourcing';
import type { Pool, PoolClient } from 'pg';
import { S } from '../infrastructure/read-model-part';
import { audienceRecordsOf, audienceRecordsSql } from './audience-records';
import {
  ACTIVE_SEGMENTS_TOKEN,
  LISTED,
  reasonsOf,
  type LiveSegment,
  type LiveSegments,
} from './live-segments';
import type { MembershipCommand, SegmentVerdict } from './membership.commands';
import type { FoldedWrite, LockedColumns, MembershipWriter } from './membership-writer';

export const DRAIN_LOCK = `hashtext('crm.campaigns.membership-drain')`;
const BATCH = 200;

interface QueueRow {
  tenant: string;
  contact_id: string;
  changed_at: Date;
  changed_text: string;
  merged_into: string | null;
  erased: boolean;
}

export class AudienceChangeDrain {
  private readonly logger = new Logger('MembershipDrain');

  constructor(
    private readonly pool: Pool,
    private readonly writer: MembershipWriter,
    private readonly segments: LiveSegments,
  ) {}

  /**
   * Drains until the queue is empty, another replica holds the drain, or a round made no
   * progress (every row left failed or changed meanwhile); returns the events appended.
   */
  async drain(now: () => Date): Promise<number> {
    let total = 0;
    for (;;) {
      const batch = await this.drainBatch(now());
      if (batch === undefined) return total;
      total += batch.appended;
      if (batch.deleted === 0) return total;
    }
  }

  /**
   * One batch; undefined when there was nothing to do (or another replica is draining). When the
   * batch fails as a whole, its rows are retried one transaction each, so one contact that cannot
   * be evaluated (logged, left queued) does not hold up the others.
   */
  async drainBatch(now: Date): Promise<{ appended: number; deleted: number } | undefined> {
    try {
      return await this.inBatch(now, BATCH);
    } catch (error) {
      this.logger.warn(`batch failed, retrying its rows one by one: ${(error as Error).message}`);
    }
    let appended = 0;
    let deleted = 0;
    // Rows still queued ahead of the next one to try: the failed ones and those changed meanwhile.
    let skipped = 0;
    for (let i = 0; i < BATCH; i++) {
      try {
        const one = await this.inBatch(now, 1, skipped);
        if (one === undefined) break;
        appended += one.appended;
        deleted += one.deleted;
        if (one.deleted === 0) skipped++;
      } catch (error) {
        skipped++;
        this.logger.warn(`queued contact not evaluated (left queued): ${(error as Error).message}`);
      }
    }
    return { appended, deleted };
  }

  private inBatch(
    now: Date,
    limit: number,
    offset = 0,
  ): Promise<{ appended: number; deleted: number } | undefined> {
    return inTransaction(this.pool, async (tx) => {
      // The advisory lock, the batch and the lock of its contacts' rows in one round trip: no
      // rows when another replica drains.
      const rows = await this.writer.lockAlong<QueueRow>(
        tx,
        `SELECT q.tenant, q.contact_id, q.changed_at, q.changed_at::text AS changed_text, q.merged_into, q.erased
           FROM (SELECT pg_try_advisory_xact_lock(${DRAIN_LOCK}) AS ok) drain,
                LATERAL (SELECT * FROM ${S}.audience_changes WHERE drain.ok
                          ORDER BY changed_at, tenant, contact_id LIMIT $1 OFFSET $2) q`,
        [limit, offset],
      );
      if (rows.length === 0) return undefined;
      let appended = 0;
      let deleted = 0;
      const byTenant = new Map<string, (QueueRow & LockedColumns)[]>();
      for (const row of rows) byTenant.set(row.tenant, [...(byTenant.get(row.tenant) ?? []), row]);
      const tenants = [...byTenant];
      for (const [k, [tenant, queued]] of tenants.entries()) {
        // The queue rows' delete rides on the last tenant's write statement.
        const last = k === tenants.length - 1;
        const done = await this.evaluate(
          tx,
          tenant,
          queued,
          now,
          last ? (appendedHere) => deleteQueued(rows, appended + appendedHere) : undefined,
        );
        appended += done.appended;
        if (last) deleted = done.thenRows;
      }
      return { appended, deleted };
    });
  }

  private async evaluate(
    tx: PoolClient,
    tenant: string,
    queued: readonly (QueueRow & LockedColumns)[],
    now: Date,
    then?: (appended: number) => FoldedWrite,
  ): Promise<{ appended: number; thenRows: number }> {
    const at = now.toISOString();
    const merges = queued.filter((q) => !q.erased && q.merged_into);
    if (merges.length) {
      // A chain (a into b, then b into c) ends at the last survivor.
      await tx.query(
        `INSERT INTO ${S}.membership_merges (tenant, duplicate_id, survivor_id)
           SELECT $1, m.duplicate_id, m.survivor_id FROM jsonb_to_recordset($2::jsonb) AS m(duplicate_id text, survivor_id text)
         ON CONFLICT (tenant, duplicate_id) DO UPDATE SET survivor_id = EXCLUDED.survivor_id`,
        [
          tenant,
          JSON.stringify(
            merges.map((m) => ({ duplicate_id: m.contact_id, survivor_id: m.merged_into })),
          ),
        ],
      );
      await tx.query(
        `UPDATE ${S}.membership_merges m SET survivor_id = n.survivor_id
           FROM ${S}.membership_merges n
          WHERE m.tenant = $1 AND n.tenant = $1 AND m.survivor_id = n.duplicate_id`,
        [tenant],
      );
    }
    // Locked with the queue read; the segments' token and the contacts' records are read with
    // the memberships, after it (one statement): whoever commits last decided on the newest record.
    // Erased and merged-away contacts have no audience row, so no record.
    const locked = await this.writer.statesOf(
      tx,
      tenant,
      queued.map((q) => ({
        contact_id: q.contact_id,
        version: q.locked_version,
        closed_reason: q.locked_closed_reason,
        merged_into: q.locked_merged_into,
      })),
      `json_build_object('token', ${ACTIVE_SEGMENTS_TOKEN}, 'records', ${audienceRecordsSql('$1', '$2')})`,
    );
    const evaluate = queued.filter((q) => !q.erased && !q.merged_into).map((q) => q.contact_id);
    const alongside = locked.alongside as { token: string; records: unknown };
    const segments = await this.segments.activeAsOf(tx, tenant, alongside.token);
    const records = audienceRecordsOf(alongside.records);
    const duplicates = segments.some((s) => s.kind === 'static')
      ? await duplicatesOf(tx, tenant, evaluate)
      : new Map<string, string[]>();
    const commands = new Map<string, MembershipCommand>();
    for (const q of queued) {
      if (q.erased || q.merged_into) {
        commands.set(q.contact_id, {
          type: 'CloseMemberships',
          data: {
            contactId: q.contact_id,
            reason: q.erased ? 'contact_erased' : 'merged_away',
            ...(q.erased || !q.merged_into ? {} : { mergedInto: q.merged_into }),
            at,
          },
        });
        continue;
      }
      const record = records.get(q.contact_id);
      const listedAs = [q.contact_id, ...(duplicates.get(q.contact_id) ?? [])];
      const verdicts = segments.map((segment): SegmentVerdict => {
        const verdict = { ...identity(segment), why: null };
        if (segment.kind === 'static') {
          return listedAs.some((id) => segment.listed.has(id))
            ? { ...verdict, why: LISTED }
            : verdict;
        }
        if (!record || !segment.evaluator || !segment.evaluator.matches(record, now))
          return verdict;
        return { ...verdict, why: reasonsOf(segment, segment.evaluator.explain(record, now)) };
      });
      commands.set(q.contact_id, {
        type: 'ReconcileMemberships',
        data: { contactId: q.contact_id, verdicts, at },
      });
    }
    return this.writer.applyThen(tx, locked, commands, now, then);
  }
}

/**
 * Deletes the batch's queue rows whose changed_at is still the one read (a change that arrived
 * meanwhile is evaluated again). When the batch appended nothing, its commit need not wait for
 * the WAL flush: lost in a crash, the rows are queued again and re-evaluated to the same nothing.
 */
function deleteQueued(rows: readonly QueueRow[], appended: number): FoldedWrite {
  return {
    sql: (first) =>
      `DELETE FROM ${S}.audience_changes q
        USING jsonb_to_recordset($${first}::jsonb) AS d(tenant text, contact_id text, changed_at timestamptz)${
          appended === 0
            ? `,
              (SELECT set_config('synchronous_commit', 'off', true)) AS relaxed`
            : ''
        }
        WHERE q.contact_id = ANY($${first + 1}::text[])
          AND q.tenant = d.tenant AND q.contact_id = d.contact_id AND q.changed_at = d.changed_at
        RETURNING 1`,
    // The ids as an array too: the plan stays on the queue's key, however stale its statistics.
    values: [
      JSON.stringify(
        rows.map((r) => ({
          tenant: r.tenant,
          contact_id: r.contact_id,
          changed_at: r.changed_text,
        })),
      ),
      rows.map((r) => r.contact_id),
    ],
  };
}

export function identity(segment: LiveSegment): Omit<SegmentVerdict, 'why'> {
  return {
    segmentId: segment.segmentId,
    segmentName: segment.name,
    kind: segment.kind,
    ruleVersion: segment.ruleVersion,
  };
}

/** The duplicates merged into each of these survivors (their static listings count for them). */
export async function duplicatesOf(
  tx: PoolClient,
  tenant: string,
  survivors: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (survivors.length === 0) return out;
  const { rows } = await tx.query<{ duplicate_id: string; survivor_id: string }>(
    `SELECT duplicate_id, survivor_id FROM ${S}.membership_merges
      WHERE tenant = $1 AND survivor_id = ANY($2::text[])`,
    [tenant, survivors],
  );
  for (const r of rows) out.set(r.survivor_id, [...(out.get(r.survivor_id) ?? []), r.duplicate_id]);
  return out;
}
