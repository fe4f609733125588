/**
 * Applies membership commands to a batch of contacts in ONE transaction: locks their rows of
 * membership_contacts (sorted, so two writers never deadlock), folds nothing (the state is the
 * membership tables, kept with the log in the same transaction), decides, appends each contact's
 * events with its expected version and updates the tables. Everything that writes memberships goes
 * through here, so the row lock is the one place concurrent evaluations of a contact serialise:
 * callers read what they evaluate (the audience record) AFTER `lock`, inside the transaction, so
 * whoever commits last decided on the newest data.
 */
import { randomUUID } from 'node:crypto';
import type { NewEvent, PostgresEventStore } from '@crm/event-sourcing';
import type { PoolClient } from 'pg';
import { S } from '../infrastructure/read-model-part';
import { STREAM } from '../infrastructure/streams';
import type { MembershipCommand } from './membership.commands';
import { membershipDecider, type Membership, type MembershipState } from './membership.decider';
import type { MatchReason, MembershipEvent } from './membership.events';

const ACTOR = 'system:membership';

interface ContactRow {
  contact_id: string;
  version: number;
  closed_reason: 'contact_erased' | 'merged_away' | null;
  merged_into: string | null;
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

/** The locked contacts of one batch: their states, for deciding. */
export class LockedContacts {
  constructor(
    readonly tenant: string,
    readonly states: ReadonlyMap<string, { version: number; state: MembershipState }>,
  ) {}

  state(contactId: string): MembershipState {
    return this.states.get(contactId)?.state ?? membershipDecider.initialState();
  }
}

export class MembershipWriter {
  constructor(private readonly store: PostgresEventStore) {}

  /** Locks (creating if needed) the contacts' rows and loads their membership states. */
  async lock(
    tx: PoolClient,
    tenant: string,
    contactIds: readonly string[],
  ): Promise<LockedContacts> {
    const ids = [...new Set(contactIds)].sort();
    if (ids.length === 0) return new LockedContacts(tenant, new Map());
    // One statement creates the missing rows and locks them all (ON CONFLICT DO UPDATE locks the
    // existing row), in id order so two writers never deadlock.
    const { rows } = await tx.query<ContactRow>(
      `INSERT INTO ${S}.membership_contacts AS m (tenant, contact_id)
         SELECT $1, id FROM unnest($2::text[]) AS id ORDER BY id
       ON CONFLICT (tenant, contact_id) DO UPDATE SET version = m.version
       RETURNING contact_id, version, closed_reason, merged_into`,
      [tenant, ids],
    );
    const current = await tx.query<CurrentRow>(
      `SELECT contact_id, segment_id, segment_name, kind, rule_version, joined_at, why
         FROM ${S}.membership_current WHERE tenant = $1 AND contact_id = ANY($2::text[])`,
      [tenant, ids],
    );
    const segments = new Map<string, Record<string, Membership>>();
    for (const r of current.rows) {
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
    return new LockedContacts(tenant, states);
  }

  /**
   * Decides each contact's command on its locked state and appends the events (one append per
   * contact, all in `tx`); returns the events appended. Contacts must have been `lock`ed in `tx`.
   */
  async apply(
    tx: PoolClient,
    locked: LockedContacts,
    commands: ReadonlyMap<string, MembershipCommand>,
    now: Date,
    correlationId: string = randomUUID(),
  ): Promise<number> {
    const tenant = locked.tenant;
    const joins: CurrentRow[] = [];
    const leaves: { contact_id: string; segment_id: string }[] = [];
    const versions: { contact_id: string; version: number }[] = [];
    const closes: { contact_id: string; reason: string; merged_into: string | null }[] = [];
    const renewals: {
      contact_id: string;
      segment_id: string;
      rule_version: number;
      why: MatchReason[];
    }[] = [];
    let appended = 0;
    for (const [contactId, command] of commands) {
      const entry = locked.states.get(contactId);
      if (!entry) throw new Error(`MembershipWriter: contact ${contactId} was not locked`);
      const events = membershipDecider.decide(command, entry.state);
      if (events.length === 0) continue;
      const toAppend: NewEvent[] = events.map((event) => ({
        id: randomUUID(),
        type: event.type,
        data: event.data,
        metadata: { tenant, correlationId, actor: ACTOR, occurredAt: now.toISOString() },
      }));
      const result = await this.store.appendInTransaction(
        tx,
        { tenant, id: STREAM.membership(contactId) },
        toAppend,
        entry.version === 0 ? 'no-stream' : entry.version,
      );
      appended += events.length;
      versions.push({ contact_id: contactId, version: result.nextExpectedVersion });
      for (const event of events) collect(event as MembershipEvent);
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
          closes.push({
            contact_id: event.data.contactId,
            reason: event.data.reason,
            merged_into: event.data.mergedInto ?? null,
          });
      }
    }

    if (leaves.length) {
      await tx.query(
        `DELETE FROM ${S}.membership_current m USING jsonb_to_recordset($2::jsonb) AS l(contact_id text, segment_id text)
          WHERE m.tenant = $1 AND m.contact_id = l.contact_id AND m.segment_id = l.segment_id`,
        [tenant, JSON.stringify(leaves)],
      );
    }
    if (joins.length) {
      await tx.query(
        `INSERT INTO ${S}.membership_current (tenant, segment_id, contact_id, segment_name, kind, rule_version, joined_at, why)
         SELECT $1, j.segment_id, j.contact_id, j.segment_name, j.kind, j.rule_version, j.joined_at, j.why
           FROM jsonb_to_recordset($2::jsonb) AS j(segment_id text, contact_id text, segment_name text,
                kind text, rule_version int, joined_at timestamptz, why jsonb)
         ON CONFLICT (tenant, segment_id, contact_id) DO UPDATE SET segment_name = EXCLUDED.segment_name,
           kind = EXCLUDED.kind, rule_version = EXCLUDED.rule_version, joined_at = EXCLUDED.joined_at,
           why = EXCLUDED.why`,
        [tenant, JSON.stringify(joins)],
      );
    }
    if (renewals.length) {
      await tx.query(
        `UPDATE ${S}.membership_current m SET rule_version = r.rule_version, why = r.why
           FROM jsonb_to_recordset($2::jsonb) AS r(contact_id text, segment_id text, rule_version int, why jsonb)
          WHERE m.tenant = $1 AND m.contact_id = r.contact_id AND m.segment_id = r.segment_id`,
        [tenant, JSON.stringify(renewals)],
      );
    }
    if (versions.length) {
      await tx.query(
        `UPDATE ${S}.membership_contacts m SET version = v.version
           FROM jsonb_to_recordset($2::jsonb) AS v(contact_id text, version int)
          WHERE m.tenant = $1 AND m.contact_id = v.contact_id`,
        [tenant, JSON.stringify(versions)],
      );
    }
    if (closes.length) {
      await tx.query(
        `UPDATE ${S}.membership_contacts m SET closed_reason = c.reason, merged_into = c.merged_into
           FROM jsonb_to_recordset($2::jsonb) AS c(contact_id text, reason text, merged_into text)
          WHERE m.tenant = $1 AND m.contact_id = c.contact_id`,
        [tenant, JSON.stringify(closes)],
      );
    }
    return appended;
  }
}
