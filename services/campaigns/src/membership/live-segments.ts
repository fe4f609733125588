/**
 * The segments memberships are kept for, as the engine needs them: read from the segments read
 * model (active ones; the segments feature owns it) and compiled once per (segment, rule
 * version): the in-memory evaluator, the fields each top-level rule part reads (the "why"), and
 * whether the rule depends on the clock (a relative window), which the time-window job re-runs.
 */
import type { Pool, PoolClient } from 'pg';
import { S } from '../infrastructure/read-model-part';
import { compileEvaluator, type RuleEvaluator } from '../segments/rules/evaluate';
import { isAll, isAny, isCondition, isNot, topLevelParts, type Rule } from '../segments/rules/rule';
import type { MatchReason, SegmentKindOfMembership } from './membership.events';

type Db = Pick<Pool | PoolClient, 'query'>;

export interface LiveSegment {
  readonly segmentId: string;
  readonly name: string;
  readonly kind: SegmentKindOfMembership;
  readonly ruleVersion: number;
  readonly rule: Rule | null;
  /** Static segments: the listed contact ids. */
  readonly listed: ReadonlySet<string>;
  /** Dynamic segments: the compiled rule. */
  readonly evaluator?: RuleEvaluator;
  /** The fields each top-level part reads, by its path. */
  readonly partFields: ReadonlyMap<string, readonly string[]>;
  /** The rule uses a relative window (within_last, anniversary, a purchase `within`). */
  readonly dependsOnClock: boolean;
}

interface SegmentRow {
  segment_id: string;
  name: string;
  kind: SegmentKindOfMembership;
  rule: Rule | null;
  static_contact_ids: string[];
  rule_version: number;
}

/** Every field key a rule (part) reads, in order of appearance, once each. */
export function fieldsOf(rule: Rule): string[] {
  const out = new Set<string>();
  const walk = (r: Rule): void => {
    if (isAll(r)) r.all.forEach(walk);
    else if (isAny(r)) r.any.forEach(walk);
    else if (isNot(r)) walk(r.not);
    else if (isCondition(r)) out.add(r.field);
  };
  walk(rule);
  return [...out];
}

/** Whether the rule's outcome can change with the clock alone. */
export function dependsOnClock(rule: Rule): boolean {
  if (isAll(rule)) return rule.all.some(dependsOnClock);
  if (isAny(rule)) return rule.any.some(dependsOnClock);
  if (isNot(rule)) return dependsOnClock(rule.not);
  if (rule.op === 'within_last' || rule.op === 'anniversary_within_next') return true;
  const value = rule.value as { within?: unknown } | null;
  return typeof value === 'object' && value !== null && value.within !== undefined;
}

/** The matched parts of `explain` as reasons (the fields they read). */
export function reasonsOf(
  segment: LiveSegment,
  parts: readonly { path: string; matched: boolean }[],
): MatchReason[] {
  return parts
    .filter((p) => p.matched)
    .map((p) => ({ path: p.path, fields: [...(segment.partFields.get(p.path) ?? [])] }));
}

export const LISTED: readonly MatchReason[] = Object.freeze([{ path: 'list', fields: [] }]);

/**
 * A scalar SQL expression (over `$1`, the tenant) that changes whenever the tenant's active
 * segments do: any row written gets a new xmin (a name, a status, a list, a rule), one archived
 * or activated changes the set. Read in a statement the caller makes anyway (after its locks),
 * it lets `activeAsOf` answer from memory.
 */
export const ACTIVE_SEGMENTS_TOKEN = `(SELECT md5(coalesce(string_agg(segment_id || '/' || xmin::text, ',' ORDER BY segment_id), ''))
    FROM ${S}.segments WHERE tenant = $1 AND status = 'active')`;

export class LiveSegments {
  /** Compiled segments by `tenant/segmentId/ruleVersion`; old versions are dropped on reload. */
  private readonly compiled = new Map<string, LiveSegment>();
  /** Each tenant's last active list, with the token read before it (an older or equal state). */
  private readonly activeByTenant = new Map<string, { token: string; segments: LiveSegment[] }>();

  /**
   * `active`, answered from memory while the tenant's ACTIVE_SEGMENTS_TOKEN (read by the caller
   * in this transaction) is the one read before the list was loaded; otherwise reloaded.
   */
  async activeAsOf(db: Db, tenant: string, token: unknown): Promise<LiveSegment[]> {
    if (typeof token !== 'string') return this.active(db, tenant);
    const cached = this.activeByTenant.get(tenant);
    if (cached?.token === token) return cached.segments;
    // Loaded after the token was read: at least as new. Should they differ, the next token does
    // not match this one and the list is read again.
    const segments = await this.active(db, tenant);
    this.activeByTenant.set(tenant, { token, segments });
    return segments;
  }

  /**
   * The tenant's active segments, compiled (cached per rule version). Only ids, versions and
   * names are read each time; rules and lists only for versions not compiled yet.
   */
  async active(db: Db, tenant: string): Promise<LiveSegment[]> {
    const { rows } = await db.query<{ segment_id: string; name: string; rule_version: number }>(
      `SELECT segment_id, name, rule_version FROM ${S}.segments WHERE tenant = $1 AND status = 'active'`,
      [tenant],
    );
    const missing = rows.filter(
      (r) => !this.compiled.has(`${tenant}/${r.segment_id}/${r.rule_version}`),
    );
    if (missing.length) {
      const full = await db.query<SegmentRow>(
        `SELECT segment_id, name, kind, rule, static_contact_ids, rule_version FROM ${S}.segments
          WHERE tenant = $1 AND segment_id = ANY($2::text[])`,
        [tenant, missing.map((r) => r.segment_id)],
      );
      for (const row of full.rows) this.compile(tenant, row);
    }
    return rows.flatMap((r) => {
      const cached = this.compiled.get(`${tenant}/${r.segment_id}/${r.rule_version}`);
      // Changed again between the two reads: the next round (or the full evaluation) has it.
      if (!cached) return [];
      return [cached.name === r.name ? cached : { ...cached, name: r.name }];
    });
  }

  /** One segment as it stands (any status), compiled; undefined when unknown. */
  async one(
    db: Db,
    tenant: string,
    segmentId: string,
  ): Promise<(LiveSegment & { status: string }) | undefined> {
    const { rows } = await db.query<SegmentRow & { status: string }>(
      `SELECT segment_id, name, kind, rule, static_contact_ids, rule_version, status FROM ${S}.segments
        WHERE tenant = $1 AND segment_id = $2`,
      [tenant, segmentId],
    );
    return rows[0] && { ...this.compile(tenant, rows[0]), status: rows[0].status };
  }

  private compile(tenant: string, row: SegmentRow): LiveSegment {
    const key = `${tenant}/${row.segment_id}/${row.rule_version}`;
    const cached = this.compiled.get(key);
    // The name may change without a new rule version: it is not part of the compiled rule.
    if (cached) return cached.name === row.name ? cached : { ...cached, name: row.name };
    for (const k of this.compiled.keys()) {
      if (k.startsWith(`${tenant}/${row.segment_id}/`)) this.compiled.delete(k);
    }
    const rule = row.kind === 'dynamic' ? row.rule : null;
    const segment: LiveSegment = {
      segmentId: row.segment_id,
      name: row.name,
      kind: row.kind,
      ruleVersion: row.rule_version,
      rule,
      listed: new Set(row.kind === 'static' ? row.static_contact_ids : []),
      ...(rule ? { evaluator: compileEvaluator(rule) } : {}),
      partFields: new Map(rule ? topLevelParts(rule).map((p) => [p.path, fieldsOf(p.rule)]) : []),
      dependsOnClock: rule ? dependsOnClock(rule) : false,
    };
    this.compiled.set(key, segment);
    return segment;
  }
}
