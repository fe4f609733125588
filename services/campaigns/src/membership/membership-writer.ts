/**
 * Applies membership commands to a batch of contacts in ONE transaction: locks their rows of
 * membership_contacts (sorted, so two writers never deadlock), folds nothing (the state is the
 * membership tables, kept with the log in the same transaction), decides, appends every contact's
 * events with its expected version in one multi-stream append and updates the tables. Everything that writes memberships goes
 * through here, so the row lock is the one place concurrent evaluations of a contact serialise:
 * callers read what they evaluate (the audience record) AFTER `lock`, inside the transaction, so
 * whoever commits last decided on the newest data.
 */
import { randomUUID } from 'node:crypto';
import type { PostgresEventStore, StreamAppend } from '@crm/event-sourcing';
import type { PoolClient } from 'pg';
import { S } from '../infrastructure/read-model-part';
import { STREAM } from '../infrastructure/streams';
import type { MembershipCommand } from './membership.commands';
import { prepared } from './prepared-statement';
import { membershipDecider, type Membership, type MembershipState } from './membership.decider';
import type { MatchReason, MembershipEvent } from './membership.events';

const ACTOR = 'system:membership';

export interface ContactRow {
  contact_id: string;
  version: number;
  closed_reason: 'contact_erased' | 'merged_away' | null;
  merged_into: string | null;
}

/** What `lockAlong` adds to each row of the caller's read. */
export interface LockedColumns {
  locked_version: number;
  locked_closed_reason: ContactRow['closed_reason'];
  locked_merged_into: string | null;
}

interface CurrentRow {
  contact_id: string;
  segment_id: string;
  segment_name: string;
  kind: 'dynamic' | 'static';
  rule_version: number;
  joined_at: Date;
  why: MatchReason[];
}

/**
 * A caller's write folded into the writer's last statement: SQL returning one row per row written,
 * its parameters numbered from `first` (with `$1` the tenant), and their values.
 */
export interface FoldedWrite {
  readonly sql: (first: number) => string;
  readonly values: readonly unknown[];
}

/** The locked contacts of one batch: their states, for deciding. */
export class LockedContacts {
  constructor(
    readonly tenant: string,
    readonly states: ReadonlyMap<string, { version: number; state: MembershipState }>,
    /** What `lock`'s `alongside` expression read (null without one). */
    readonly alongside: unknown = null,
  ) {}

  state(contactId: string): MembershipState {
    return this.states.get(contactId)?.state ?? membershipDecider.initialState();
  }
}

export class MembershipWriter {
  constructor(private readonly store: PostgresEventStore) {}

  /**
   * Locks (creating if needed) the contacts' rows and loads their membership states. `alongside`,
   * a scalar SQL expression over `$1` (the tenant) and `$2` (the ids), is read in the same statement as the
   * memberships, after the lock (the drain's check of the tenant's live segments).
   */
  async lock(
    tx: PoolClient,
    tenant: string,
    contactIds: readonly string[],
    alongside?: string,
  ): Promise<LockedContacts> {
    const ids = [...new Set(contactIds)].sort();
    if (ids.length === 0) return new LockedContacts(tenant, new Map());
    // One statement, in id order so two writers never deadlock. When every row exists (as seen
    // by this statement's snapshot) they are only locked (FOR UPDATE: no new tuple version);
    // otherwise the missing ones are created and all locked by ON CONFLICT DO UPDATE, as one
    // sorted insert (locking the existing ones first and inserting after would not be sorted).
    const { rows } = await tx.query<ContactRow>(
      `WITH present AS (SELECT count(*) AS n FROM ${S}.membership_contacts
                         WHERE tenant = $1 AND contact_id = ANY($2::text[])),
            created AS (
              INSERT INTO ${S}.membership_contacts AS m (tenant, contact_id)
                SELECT $1, id FROM unnest($2::text[]) AS id, present WHERE present.n < $3 ORDER BY id
              ON CONFLICT (tenant, contact_id) DO UPDATE SET version = m.version
              RETURNING contact_id, version, closed_reason, merged_into),
            existing AS (
              SELECT m.contact_id, m.version, m.closed_reason, m.merged_into
                FROM ${S}.membership_contacts m, present
               WHERE present.n = $3 AND m.tenant = $1 AND m.contact_id = ANY($2::text[])
               ORDER BY m.contact_id FOR UPDATE OF m)
       SELECT * FROM created UNION ALL SELECT * FROM existing`,
      [tenant, ids, ids.length],
    );
    if (rows.length !== ids.length) {
      throw new Error(`MembershipWriter: locked ${rows.length} of ${ids.length} contacts`);
    }
    return this.statesOf(tx, tenant, rows, alongside);
  }

  /**
   * `lock` folded into the caller's read of what to evaluate: `queued` is a SELECT yielding
   * (tenant, contact_id, ...) pairs (at most one row per pair), and the rows of those contacts are
   * locked (created if needed, in (tenant, contact_id) order) by the same statement, which answers
   * `queued`'s rows with the lock's `locked_version`, `locked_closed_reason` and
   * `locked_merged_into`. One round trip for both; then `statesOf` per tenant.
   */
  async lockAlong<R extends { tenant: string; contact_id: string }>(
    tx: PoolClient,
    queued: string,
    values: readonly unknown[],
  ): Promise<(R & LockedColumns)[]> {
    // As `lock`: only locked (no new tuple) when every row exists, else one sorted upsert. The ids
    // as an array keep the plan on the key whatever the statistics say.
    const { rows } = await tx.query<R & LockedColumns>(
      prepared(
        `WITH queued AS (${queued}),
            wanted AS (SELECT array_agg(contact_id) AS ids, count(*) AS n FROM queued),
            present AS (SELECT count(*) AS n FROM ${S}.membership_contacts m, wanted
                         WHERE m.contact_id = ANY(wanted.ids)
                           AND (m.tenant, m.contact_id) IN (SELECT tenant, contact_id FROM queued)),
            created AS (
              INSERT INTO ${S}.membership_contacts AS m (tenant, contact_id)
                SELECT q.tenant, q.contact_id FROM queued q, present, wanted
                 WHERE present.n < wanted.n ORDER BY q.tenant, q.contact_id
              ON CONFLICT (tenant, contact_id) DO UPDATE SET version = m.version
              RETURNING m.tenant, m.contact_id, m.version, m.closed_reason, m.merged_into),
            existing AS (
              SELECT m.tenant, m.contact_id, m.version, m.closed_reason, m.merged_into
                FROM ${S}.membership_contacts m, present, wanted
               WHERE present.n = wanted.n AND m.contact_id = ANY(wanted.ids)
                 AND (m.tenant, m.contact_id) IN (SELECT tenant, contact_id FROM queued)
               ORDER BY m.tenant, m.contact_id FOR UPDATE OF m),
            locked AS (SELECT * FROM created UNION ALL SELECT * FROM existing)
       SELECT q.*, l.version AS locked_version, l.closed_reason AS locked_closed_reason,
              l.merged_into AS locked_merged_into
         FROM queued q JOIN locked l ON l.tenant = q.tenant AND l.contact_id = q.contact_id`,
        values,
      ),
    );
    return rows;
  }

  /**
   * The membership states of contacts whose rows this transaction has locked (`lock`,
   * `lockAlong`). `alongside`, a scalar SQL expression over `$1` (the tenant) and `$2` (the
   * contacts' ids, text[]), is read in the same statement as the memberships (the drain's check
   * of the tenant's live segments and its contacts' records).
   */
  async statesOf(
    tx: PoolClient,
    tenant: string,
    rows: readonly ContactRow[],
    alongside?: string,
  ): Promise<LockedContacts> {
    const ids = rows.map((r) => r.contact_id);
    // Read after the lock (a statement of its own: its snapshot is taken once the lock is held).
    // The memberships as plain rows after one row holding the `alongside` value (its contact_id
    // NULL), so a large value alongside is sent once, not once per membership.
    const current = await tx.query<{ alongside: unknown } & CurrentRow>(
      prepared(
        `SELECT ${alongside ?? 'NULL'} AS alongside, NULL::text AS contact_id, NULL::text AS segment_id,
              NULL::text AS segment_name, NULL::text AS kind, NULL::int AS rule_version,
              NULL::timestamptz AS joined_at, NULL::jsonb AS why
       UNION ALL
       SELECT NULL, m.contact_id, m.segment_id, m.segment_name, m.kind, m.rule_version, m.joined_at, m.why
         FROM ${S}.membership_current m WHERE m.tenant = $1 AND m.contact_id = ANY($2::text[])`,
        [tenant, ids],
      ),
    );
    let alongsideValue: unknown = null;
    const segments = new Map<string, Record<string, Membership>>();
    for (const r of current.rows) {
      if (r.contact_id === null) {
        alongsideValue = r.alongside;
        continue;
      }
      const of = segments.get(r.contact_id) ?? {};
      of[r.segment_id] = {
        segmentId: r.segment_id,
        segmentName: r.segment_name,
        kind: r.kind,
        ruleVersion: r.rule_version,
        joinedAt: r.joined_at.toISOString(),
        why: r.why,
      };
      segments.set(r.contact_id, of);
    }
    const states = new Map<string, { version: number; state: MembershipState }>();
    for (const r of rows) {
      states.set(r.contact_id, {
        version: r.version,
        state: {
          segments: segments.get(r.contact_id) ?? {},
          ...(r.closed_reason
            ? {
                closed: {
                  reason: r.closed_reason,
                  ...(r.merged_into ? { mergedInto: r.merged_into } : {}),
                },
              }
            : {}),
        },
      });
    }
    return new LockedContacts(tenant, states, alongsideValue ?? null);
  }

  /**
   * Decides each contact's command on its locked state and appends the events (one multi-stream
   * append for the batch, in `tx`); returns the events appended. Contacts must have been `lock`ed in `tx`.
   */
  async apply(
    tx: PoolClient,
    locked: LockedContacts,
    commands: ReadonlyMap<string, MembershipCommand>,
    now: Date,
    correlationId: string = randomUUID(),
  ): Promise<number> {
    return (await this.applyThen(tx, locked, commands, now, undefined, correlationId)).appended;
  }

  /**
   * `apply`, with the caller's last write (`then`, given how many events were appended) folded
   * into the statement that updates the membership tables: one round trip for both. Answers the
   * rows `then` returned.
   */
  async applyThen(
    tx: PoolClient,
    locked: LockedContacts,
    commands: ReadonlyMap<string, MembershipCommand>,
    now: Date,
    then?: (appended: number) => FoldedWrite,
    correlationId: string = randomUUID(),
  ): Promise<{ appended: number; thenRows: number }> {
    const tenant = locked.tenant;
    const joins: CurrentRow[] = [];
    const leaves: { contact_id: string; segment_id: string }[] = [];
    const versions: {
      contact_id: string;
      version: number;
      close: boolean;
      reason: string | null;
      merged_into: string | null;
    }[] = [];
    const closes = new Map<string, { reason: string; merged_into: string | null }>();
    const renewals: {
      contact_id: string;
      segment_id: string;
      rule_version: number;
      why: MatchReason[];
    }[] = [];
    let appended = 0;
    const appends: StreamAppend[] = [];
    const appendedFor: string[] = [];
    for (const [contactId, command] of commands) {
      const entry = locked.states.get(contactId);
      if (!entry) throw new Error(`MembershipWriter: contact ${contactId} was not locked`);
      const events = membershipDecider.decide(command, entry.state);
      if (events.length === 0) continue;
      appends.push({
        stream: { tenant, id: STREAM.membership(contactId) },
        events: events.map((event) => ({
          id: randomUUID(),
          type: event.type,
          data: event.data,
          metadata: { tenant, correlationId, actor: ACTOR, occurredAt: now.toISOString() },
        })),
        expected: entry.version === 0 ? 'no-stream' : entry.version,
      });
      appendedFor.push(contactId);
      appended += events.length;
      for (const event of events) collect(event as MembershipEvent);
    }
    // Every contact's events in one statement (each stream checked against its locked version).
    const results = appends.length
      ? await this.store.appendToStreamsInTransaction(tx, appends)
      : [];
    for (const [k, contactId] of appendedFor.entries()) {
      const close = closes.get(contactId);
      versions.push({
        contact_id: contactId,
        version: results[k].nextExpectedVersion,
        close: close !== undefined,
        reason: close?.reason ?? null,
        merged_into: close?.merged_into ?? null,
      });
    }

    function collect(event: MembershipEvent): void {
      switch (event.type) {
        case 'SegmentMemberJoined':
          joins.push({
            contact_id: event.data.contactId,
            segment_id: event.data.segmentId,
            segment_name: event.data.segmentName,
            kind: event.data.kind,
            rule_version: event.data.ruleVersion,
            joined_at: new Date(event.data.at),
            why: event.data.why,
          });
          return;
        case 'SegmentMemberLeft':
          leaves.push({ contact_id: event.data.contactId, segment_id: event.data.segmentId });
          return;
        case 'SegmentMemberReasonsChanged':
          renewals.push({
            contact_id: event.data.contactId,
            segment_id: event.data.segmentId,
            rule_version: event.data.ruleVersion,
            why: event.data.why,
          });
          return;
        case 'MembershipsClosed':
          closes.set(event.data.contactId, {
            reason: event.data.reason,
            merged_into: event.data.mergedInto ?? null,
          });
      }
    }

    // Every table write in one statement. Its data-modifying CTEs share one snapshot, which is
    // safe here: they touch disjoint rows (one event per contact and segment; a contact's version
    // and its closing are one UPDATE).
    const values: unknown[] = [tenant];
    const param = (value: unknown): string => `$${values.push(value)}`;
    const writes: string[] = [];
    // The contacts as an array too: `contact_id = ANY(...)` keeps the plan on the contact index
    // whatever the (often stale) statistics say of the table and of the recordsets' sizes.
    let contacts: string | undefined;
    const contactsParam = (): string => (contacts ??= param(versions.map((v) => v.contact_id)));
    if (leaves.length) {
      writes.push(`DELETE FROM ${S}.membership_current m USING jsonb_to_recordset(${param(JSON.stringify(leaves))}::jsonb)
          AS l(contact_id text, segment_id text)
          WHERE m.tenant = $1 AND m.contact_id = ANY(${contactsParam()}::text[])
            AND m.contact_id = l.contact_id AND m.segment_id = l.segment_id RETURNING 1`);
    }
    if (joins.length) {
      writes.push(`INSERT INTO ${S}.membership_current (tenant, segment_id, contact_id, segment_name, kind, rule_version, joined_at, why)
         SELECT $1, j.segment_id, j.contact_id, j.segment_name, j.kind, j.rule_version, j.joined_at, j.why
           FROM jsonb_to_recordset(${param(JSON.stringify(joins))}::jsonb) AS j(segment_id text, contact_id text, segment_name text,
                kind text, rule_version int, joined_at timestamptz, why jsonb)
         ON CONFLICT (tenant, segment_id, contact_id) DO UPDATE SET segment_name = EXCLUDED.segment_name,
           kind = EXCLUDED.kind, rule_version = EXCLUDED.rule_version, joined_at = EXCLUDED.joined_at,
           why = EXCLUDED.why RETURNING 1`);
    }
    if (renewals.length) {
      writes.push(`UPDATE ${S}.membership_current m SET rule_version = r.rule_version, why = r.why
           FROM jsonb_to_recordset(${param(JSON.stringify(renewals))}::jsonb)
             AS r(contact_id text, segment_id text, rule_version int, why jsonb)
          WHERE m.tenant = $1 AND m.contact_id = ANY(${contactsParam()}::text[])
            AND m.contact_id = r.contact_id AND m.segment_id = r.segment_id RETURNING 1`);
    }
    if (versions.length) {
      writes.push(`UPDATE ${S}.membership_contacts m SET version = v.version,
             closed_reason = CASE WHEN v.close THEN v.reason ELSE m.closed_reason END,
             merged_into = CASE WHEN v.close THEN v.merged_into ELSE m.merged_into END
           FROM jsonb_to_recordset(${param(JSON.stringify(versions))}::jsonb)
             AS v(contact_id text, version int, close boolean, reason text, merged_into text)
          WHERE m.tenant = $1 AND m.contact_id = ANY(${contactsParam()}::text[])
            AND m.contact_id = v.contact_id RETURNING 1`);
    }
    const folded = then?.(appended);
    if (folded) {
      const first = values.length + 1;
      values.push(...folded.values);
      writes.push(folded.sql(first));
    }
    if (writes.length === 0) return { appended, thenRows: 0 };
    const ctes = writes.map((sql, i) => `w${i} AS (${sql})`).join(',\n');
    // A few shapes (which of leaves, joins, renewals, versions, the folded write): prepared each.
    const { rows } = await tx.query<{ then_rows: string }>(
      prepared(
        `WITH ${ctes}
       SELECT ${folded ? `(SELECT count(*) FROM w${writes.length - 1})` : '0'} AS then_rows,
              $1::text AS tenant -- typed even when only the folded write runs (which may not use it)`,
        values,
      ),
    );
    return { appended, thenRows: Number(rows[0].then_rows) };
  }
}
