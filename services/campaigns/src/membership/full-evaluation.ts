/**
 * Full evaluation of one segment over everyone: when an active segment's rule version is newer
 * than segment_evaluations says (new, activated, edited, a new static list), when it was archived
 * (its members leave), and on the time-window schedule. The rule is compiled to SQL (compileRule)
 * once; the candidates are the contacts it matches plus its current members (nobody else can
 * change), taken in sorted batches: each batch locks its contacts (MembershipWriter), re-runs the
 * rule for exactly those contacts inside the transaction (so a contact re-evaluated incrementally
 * meanwhile is decided on fresh data, never a stale snapshot), with one boolean per top-level
 * part for "why", and appends the joins and leaves. Batches run a few at a time on disjoint
 * contacts. One replica evaluates a segment at a time (a session advisory lock per segment).
 */
import { Logger } from '@nestjs/common';
import { inTransaction } from '@crm/event-sourcing';
import type { Pool, PoolClient } from 'pg';
import { S } from '../infrastructure/read-model-part';
import { compileRule, type CompiledRule } from '../segments/rules/compile-sql';
import { duplicatesOf, identity } from './audience-change-drain';
import { LISTED, type LiveSegment, type LiveSegments } from './live-segments';
import type { MembershipCommand } from './membership.commands';
import type { MatchReason } from './membership.events';
import type { MembershipWriter } from './membership-writer';

const BATCH = 500;
const PARALLEL_BATCHES = 4;
const FULL_LOCK = `hashtext('crm.campaigns.membership-full')`;

export interface SegmentRef {
  readonly tenant: string;
  readonly segmentId: string;
}

export interface EvaluationOutcome {
  readonly candidates: number;
  readonly appended: number;
}

export class FullEvaluation {
  private readonly logger = new Logger('MembershipFullEvaluation');

  constructor(
    private readonly pool: Pool,
    private readonly writer: MembershipWriter,
    private readonly segments: LiveSegments,
  ) {}

  /**
   * Segments whose memberships are behind their definition: active and newer than evaluated, or
   * archived and not yet evaluated as such (or still with members).
   */
  async pending(): Promise<SegmentRef[]> {
    const { rows } = await this.pool.query<{ tenant: string; segment_id: string }>(
      `SELECT s.tenant, s.segment_id FROM ${S}.segments s
         LEFT JOIN ${S}.segment_evaluations e ON e.tenant = s.tenant AND e.segment_id = s.segment_id
        WHERE (s.status = 'active' AND (e.segment_id IS NULL OR e.status <> 'active' OR s.rule_version > e.rule_version))
           OR (s.status = 'archived' AND (e.segment_id IS NULL OR e.status <> 'archived'))
           -- a join committed while the archive was being evaluated is caught on the next round
           OR (s.status = 'archived' AND EXISTS (SELECT 1 FROM ${S}.membership_current m
                WHERE m.tenant = s.tenant AND m.segment_id = s.segment_id))
        ORDER BY s.updated_at`,
    );
    return rows.map((r) => ({ tenant: r.tenant, segmentId: r.segment_id }));
  }

  /**
   * Evaluates every pending segment; returns the events appended. A segment that fails is
   * logged and retried next round, without holding up the others.
   */
  async runPending(now: Date): Promise<number> {
    let appended = 0;
    for (const ref of await this.pending()) {
      try {
        appended += (await this.evaluate(ref, now))?.appended ?? 0;
      } catch (error) {
        this.logger.warn(
          `segment ${ref.tenant}/${ref.segmentId} not evaluated: ${(error as Error).message}`,
        );
      }
    }
    return appended;
  }

  /**
   * Evaluates the segment over everyone at `now` and records the version evaluated; undefined
   * when another replica is evaluating it right now (it will record its own outcome).
   */
  async evaluate(ref: SegmentRef, now: Date): Promise<EvaluationOutcome | undefined> {
    const lockClient = await this.pool.connect();
    const key = [ref.tenant, ref.segmentId].join('/');
    try {
      const { rows } = await lockClient.query<{ ok: boolean }>(
        `SELECT pg_try_advisory_lock(${FULL_LOCK}, hashtext($1)) AS ok`,
        [key],
      );
      if (!rows[0].ok) return undefined;
      try {
        return await this.evaluateLocked(ref, now);
      } finally {
        await lockClient.query(`SELECT pg_advisory_unlock(${FULL_LOCK}, hashtext($1))`, [key]);
      }
    } finally {
      lockClient.release();
    }
  }

  private async evaluateLocked(ref: SegmentRef, now: Date): Promise<EvaluationOutcome> {
    const segment = await this.segments.one(this.pool, ref.tenant, ref.segmentId);
    if (!segment) return { candidates: 0, appended: 0 };
    const archived = segment.status !== 'active';
    const compiled =
      !archived && segment.kind === 'dynamic' && segment.rule
        ? compileRule(segment.rule, { tenantParam: 1, firstParam: 2, now })
        : undefined;
    const candidates = await this.candidates(ref, segment, archived, compiled);
    let appended = 0;
    const batches: string[][] = [];
    for (let i = 0; i < candidates.length; i += BATCH) batches.push(candidates.slice(i, i + BATCH));
    for (let i = 0; i < batches.length; i += PARALLEL_BATCHES) {
      const done = await Promise.all(
        batches
          .slice(i, i + PARALLEL_BATCHES)
          .map((batch) => this.batch(ref.tenant, segment, archived, compiled, batch, now)),
      );
      appended += done.reduce((a, b) => a + b, 0);
    }
    await this.pool.query(
      `INSERT INTO ${S}.segment_evaluations (tenant, segment_id, rule_version, status, evaluated_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant, segment_id) DO UPDATE SET rule_version = $3, status = $4, evaluated_at = $5`,
      [ref.tenant, ref.segmentId, segment.ruleVersion, archived ? 'archived' : 'active', now],
    );
    return { candidates: candidates.length, appended };
  }

  /** Who may need a join or a leave: the current members and those the segment selects now. */
  private async candidates(
    ref: SegmentRef,
    segment: LiveSegment,
    archived: boolean,
    compiled: CompiledRule | undefined,
  ): Promise<string[]> {
    const members = `SELECT contact_id FROM ${S}.membership_current WHERE tenant = $1 AND segment_id = $2`;
    if (archived) {
      const { rows } = await this.pool.query<{ contact_id: string }>(
        `${members} ORDER BY contact_id`,
        [ref.tenant, ref.segmentId],
      );
      return rows.map((r) => r.contact_id);
    }
    if (segment.kind === 'static') {
      const { rows } = await this.pool.query<{ contact_id: string }>(
        `${members} UNION ${expandedListing(3)} ORDER BY contact_id`,
        [ref.tenant, ref.segmentId, [...segment.listed]],
      );
      return rows.map((r) => r.contact_id);
    }
    if (!compiled) return [];
    const segmentParam = compiled.params.length + 2;
    const { rows } = await this.pool.query<{ contact_id: string }>(
      `SELECT c.contact_id FROM ${S}.audience_contacts c WHERE ${compiled.where}
       UNION SELECT contact_id FROM ${S}.membership_current WHERE tenant = $1 AND segment_id = $${segmentParam}
       ORDER BY contact_id`,
      [ref.tenant, ...compiled.params, ref.segmentId],
    );
    return rows.map((r) => r.contact_id);
  }

  private batch(
    tenant: string,
    segment: LiveSegment,
    archived: boolean,
    compiled: CompiledRule | undefined,
    contactIds: string[],
    now: Date,
  ): Promise<number> {
    const at = now.toISOString();
    return inTransaction(this.pool, async (tx) => {
      const locked = await this.writer.lock(tx, tenant, contactIds);
      const commands = new Map<string, MembershipCommand>();
      if (archived) {
        for (const contactId of contactIds) {
          commands.set(contactId, {
            type: 'LeaveArchivedSegments',
            data: { contactId, segmentIds: [segment.segmentId], at },
          });
        }
        return this.writer.apply(tx, locked, commands, now);
      }
      const matches =
        segment.kind === 'static'
          ? await this.listedNow(tx, tenant, segment, contactIds)
          : await matchesNow(tx, tenant, segment, compiled, contactIds);
      for (const contactId of contactIds) {
        commands.set(contactId, {
          type: 'ReconcileMemberships',
          data: {
            contactId,
            verdicts: [{ ...identity(segment), why: matches.get(contactId) ?? null }],
            at,
          },
        });
      }
      return this.writer.apply(tx, locked, commands, now);
    });
  }

  /** Which of the contacts the static list names (itself, or a duplicate merged into it). */
  private async listedNow(
    tx: PoolClient,
    tenant: string,
    segment: LiveSegment,
    contactIds: readonly string[],
  ): Promise<Map<string, readonly MatchReason[]>> {
    const duplicates = await duplicatesOf(tx, tenant, contactIds);
    const out = new Map<string, readonly MatchReason[]>();
    for (const id of contactIds) {
      const listedAs = [id, ...(duplicates.get(id) ?? [])];
      if (listedAs.some((listedId) => segment.listed.has(listedId))) out.set(id, LISTED);
    }
    return out;
  }
}

/** The listed ids ($n: text[]) with merged duplicates replaced by their survivors. */
function expandedListing(param: number): string {
  return `SELECT DISTINCT coalesce(m.survivor_id, l.id) AS contact_id FROM unnest($${param}::text[]) AS l(id)
    LEFT JOIN ${S}.membership_merges m ON m.tenant = $1 AND m.duplicate_id = l.id`;
}

/** Which of the contacts match the rule now, with the parts they match. */
async function matchesNow(
  tx: PoolClient,
  tenant: string,
  segment: LiveSegment,
  compiled: CompiledRule | undefined,
  contactIds: readonly string[],
): Promise<Map<string, readonly MatchReason[]>> {
  const out = new Map<string, readonly MatchReason[]>();
  if (!compiled) return out;
  const idsParam = compiled.params.length + 2;
  const partColumns = compiled.parts.map((p, i) => `${p.sql} AS p${i}`);
  const { rows } = await tx.query<Record<string, unknown> & { contact_id: string }>(
    `SELECT c.contact_id${partColumns.length ? `, ${partColumns.join(', ')}` : ''}
       FROM ${S}.audience_contacts c
      WHERE ${compiled.where} AND c.contact_id = ANY($${idsParam}::text[])`,
    [tenant, ...compiled.params, contactIds],
  );
  for (const row of rows) {
    out.set(
      row.contact_id,
      compiled.parts
        .filter((_, i) => row[`p${i}`] === true)
        .map((p) => ({ path: p.path, fields: [...(segment.partFields.get(p.path) ?? [])] })),
    );
  }
  return out;
}
