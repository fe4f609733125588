/**
 * The `segment_members` read model part: who is in each segment now, since when and why (the rule
 * parts they matched), for GET /segments/{id}/members and GET /contacts/{id}/segments; and the
 * counts over time, `segment_member_counts`: per segment and UTC hour the joins, the leaves and
 * the members at the end of that hour (days are summed from hours when read). Filled from the
 * membership events; times are the events' business time (the service clock), so a rebuild
 * writes the same rows.
 */
import type { ProjectionHandler } from '@crm/event-sourcing';
import type { PoolClient } from 'pg';
import { S, type ReadModelPart } from '../infrastructure/read-model-part';
import type {
  MembershipEvent,
  SegmentMemberJoined,
  SegmentMemberLeft,
  SegmentMemberReasonsChanged,
} from './membership.events';

async function count(
  tx: PoolClient,
  tenant: string,
  segmentId: string,
  at: string,
  joined: 0 | 1,
): Promise<void> {
  const delta = joined ? 1 : -1;
  const { rows } = await tx.query<{ members: number }>(
    `INSERT INTO ${S}.segment_member_totals AS t (tenant, segment_id, members) VALUES ($1, $2, $3)
     ON CONFLICT (tenant, segment_id) DO UPDATE SET members = t.members + $3 RETURNING members`,
    [tenant, segmentId, delta],
  );
  await tx.query(
    `INSERT INTO ${S}.segment_member_counts AS c (tenant, segment_id, hour, members, joined, left_count)
     VALUES ($1, $2, date_trunc('hour', $3::timestamptz AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', $4, $5, $6)
     ON CONFLICT (tenant, segment_id, hour) DO UPDATE SET members = EXCLUDED.members,
       joined = c.joined + EXCLUDED.joined, left_count = c.left_count + EXCLUDED.left_count`,
    [tenant, segmentId, at, rows[0].members, joined, 1 - joined],
  );
}

const joined: ProjectionHandler = async (event, tx) => {
  const d = (event as unknown as { data: SegmentMemberJoined['data'] }).data;
  const { rowCount } = await tx.query(
    `INSERT INTO ${S}.segment_members (tenant, segment_id, contact_id, rule_version, joined_at, why)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
    [event.tenant, d.segmentId, d.contactId, d.ruleVersion, d.at, JSON.stringify(d.why)],
  );
  if (rowCount) await count(tx, event.tenant, d.segmentId, d.at, 1);
};

const left: ProjectionHandler = async (event, tx) => {
  const d = (event as unknown as { data: SegmentMemberLeft['data'] }).data;
  const { rowCount } = await tx.query(
    `DELETE FROM ${S}.segment_members WHERE tenant = $1 AND segment_id = $2 AND contact_id = $3`,
    [event.tenant, d.segmentId, d.contactId],
  );
  if (rowCount) await count(tx, event.tenant, d.segmentId, d.at, 0);
};

const reasonsChanged: ProjectionHandler = async (event, tx) => {
  const d = (event as unknown as { data: SegmentMemberReasonsChanged['data'] }).data;
  await tx.query(
    `UPDATE ${S}.segment_members SET rule_version = $4, why = $5
      WHERE tenant = $1 AND segment_id = $2 AND contact_id = $3`,
    [event.tenant, d.segmentId, d.contactId, d.ruleVersion, JSON.stringify(d.why)],
  );
};

export const segmentMembersPart: ReadModelPart = {
  ddl: `
    CREATE TABLE IF NOT EXISTS ${S}.segment_members (
      tenant text NOT NULL,
      segment_id text NOT NULL,
      contact_id text NOT NULL,
      rule_version int NOT NULL,
      joined_at timestamptz NOT NULL,
      why jsonb NOT NULL,
      PRIMARY KEY (tenant, segment_id, contact_id)
    );
    CREATE INDEX IF NOT EXISTS segment_members_by_joined
      ON ${S}.segment_members (tenant, segment_id, joined_at DESC, contact_id DESC);
    CREATE INDEX IF NOT EXISTS segment_members_by_contact ON ${S}.segment_members (tenant, contact_id);
    CREATE TABLE IF NOT EXISTS ${S}.segment_member_totals (
      tenant text NOT NULL,
      segment_id text NOT NULL,
      members int NOT NULL,
      PRIMARY KEY (tenant, segment_id)
    );
    CREATE TABLE IF NOT EXISTS ${S}.segment_member_counts (
      tenant text NOT NULL,
      segment_id text NOT NULL,
      hour timestamptz NOT NULL,
      members int NOT NULL,
      joined int NOT NULL,
      left_count int NOT NULL,
      PRIMARY KEY (tenant, segment_id, hour)
    );`,
  tables: ['segment_members', 'segment_member_totals', 'segment_member_counts'],
  // MembershipsClosed changes nothing here: its leaves came before it.
  handlers: {
    SegmentMemberJoined: joined,
    SegmentMemberLeft: left,
    SegmentMemberReasonsChanged: reasonsChanged,
  } satisfies Partial<Record<MembershipEvent['type'], ProjectionHandler>>,
};
