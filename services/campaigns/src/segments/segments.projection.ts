/**
 * The `segments` read model part: one row per segment, the table the API lists and the
 * membership helper reads (`status = 'active'`, `rule_version` greater than it last evaluated).
 * The row holds the whole state in plain columns (no jsonb copy: a static list of 10 000 ids is
 * stored once); each event folds the row with the decider's own `evolve`.
 */
import { handlersFor, idOfStream, type ProjectionHandler } from '@crm/event-sourcing';
import type { PoolClient } from 'pg';
import { S, type ReadModelPart } from '../infrastructure/read-model-part';
import type { Rule } from './rules/rule';
import { evolveSegment, initialSegmentState, type SegmentState } from './segment.decider';
import type { SegmentEvent, SegmentKind, SegmentStatus } from './segment.events';

export interface SegmentRow {
  segment_id: string;
  name: string;
  description: string | null;
  kind: SegmentKind;
  status: SegmentStatus;
  rule: Rule | null;
  static_contact_ids: string[];
  version: number;
  rule_version: number;
  created_at: Date;
  updated_at: Date;
}

export function stateOfRow(row: SegmentRow): SegmentState {
  return {
    exists: true,
    segmentId: row.segment_id,
    name: row.name,
    ...(row.description !== null ? { description: row.description } : {}),
    kind: row.kind,
    status: row.status,
    rule: row.rule,
    contactIds: row.static_contact_ids,
    ruleVersion: row.rule_version,
  };
}

const fold: ProjectionHandler = async (event, tx: PoolClient) => {
  const id = idOfStream(event.streamId);
  const { rows } = await tx.query<SegmentRow>(
    `SELECT * FROM ${S}.segments WHERE tenant = $1 AND segment_id = $2 FOR UPDATE`,
    [event.tenant, id],
  );
  const before = rows[0] ? stateOfRow(rows[0]) : initialSegmentState();
  const state = evolveSegment(before, { type: event.type, data: event.data } as SegmentEvent);
  // The event's business time (the service clock), not the database's: a replay writes the same.
  const at = event.metadata.occurredAt;
  await tx.query(
    `INSERT INTO ${S}.segments (tenant, segment_id, name, description, kind, status, rule,
        static_contact_ids, version, rule_version, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)
     ON CONFLICT (tenant, segment_id) DO UPDATE SET name = $3, description = $4, kind = $5,
        status = $6, rule = $7, static_contact_ids = $8, version = $9, rule_version = $10,
        updated_at = $11`,
    [
      event.tenant,
      id,
      state.name,
      state.description ?? null,
      state.kind,
      state.status,
      state.rule === null ? null : JSON.stringify(state.rule),
      state.contactIds,
      event.streamVersion,
      state.ruleVersion,
      at,
    ],
  );
};

export const segmentsPart: ReadModelPart = {
  ddl: `
    CREATE TABLE IF NOT EXISTS ${S}.segments (
      tenant text NOT NULL,
      segment_id text NOT NULL,
      name text NOT NULL,
      description text,
      kind text NOT NULL,
      status text NOT NULL,
      rule jsonb,
      static_contact_ids text[] NOT NULL DEFAULT '{}',
      version int NOT NULL,
      rule_version int NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (tenant, segment_id)
    );
    CREATE INDEX IF NOT EXISTS segments_by_status ON ${S}.segments (status, tenant);
    CREATE INDEX IF NOT EXISTS segments_sorted_by_created ON ${S}.segments (tenant, created_at, segment_id);
    CREATE INDEX IF NOT EXISTS segments_sorted_by_updated ON ${S}.segments (tenant, updated_at, segment_id);
    CREATE INDEX IF NOT EXISTS segments_sorted_by_name ON ${S}.segments (tenant, lower(name), segment_id);`,
  tables: ['segments'],
  handlers: handlersFor<SegmentEvent>(
    {
      SegmentCreated: true,
      SegmentDetailsChanged: true,
      SegmentRuleChanged: true,
      SegmentMembersListed: true,
      SegmentActivated: true,
      SegmentArchived: true,
    },
    fold,
  ),
};
