/**
 * The cases read model part: `cases` (one row per case: queue columns, the text the agents
 * search, and the folded decider state the SLA clocks are computed from) and `case_messages`
 * (public replies and internal notes, in order). The state column is the Case decider's own
 * evolve over the stream, so the read side's pauses are exactly the ones the decider counts.
 * A handler only applies an event newer than the row's version, so a replay changes nothing.
 */
import { idOfStream, type ProjectionHandler } from '@crm/event-sourcing';
import type { PoolClient } from 'pg';
import { S, type ReadModelPart } from '../infrastructure/read-model-part';
import { evolveCase, initialCaseState, type CaseState } from './case.decider';
import type { CaseEvent } from './case.events';

const apply: ProjectionHandler = async (event, tx: PoolClient) => {
  const caseId = idOfStream(event.streamId);
  const at = event.metadata.occurredAt;
  const e = { type: event.type, data: event.data } as CaseEvent;
  if (e.type === 'CaseOpened') {
    const d = e.data;
    const state = evolveCase(initialCaseState(), e);
    await tx.query(
      `INSERT INTO ${S}.cases (tenant, case_id, contact_id, asset_id, channel, category, priority,
          status, subject, description, opened_at, state, version, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'new', $8, $9, $10, $11, $12, $13)
       ON CONFLICT DO NOTHING`,
      [
        event.tenant,
        caseId,
        d.contactId,
        d.assetId ?? null,
        d.channel,
        d.category,
        d.priority,
        d.subject,
        d.description ?? null,
        d.at,
        JSON.stringify(state),
        event.streamVersion,
        at,
      ],
    );
    return;
  }
  const { rows } = await tx.query<{ state: CaseState; version: number }>(
    `SELECT state, version FROM ${S}.cases WHERE tenant = $1 AND case_id = $2 FOR UPDATE`,
    [event.tenant, caseId],
  );
  const row = rows[0];
  if (!row || row.version >= event.streamVersion) return;
  const state = evolveCase(row.state, e);
  await tx.query(
    `UPDATE ${S}.cases SET state = $3, status = $4, priority = $5, assignee_kind = $6,
            assignee_id = $7, first_responded_at = $8, resolved_at = $9, resolution_code = $10,
            satisfaction = $11, version = $12, updated_at = $13
      WHERE tenant = $1 AND case_id = $2`,
    [
      event.tenant,
      caseId,
      JSON.stringify(state),
      state.status,
      state.priority,
      state.assignee?.kind ?? null,
      state.assignee?.id ?? null,
      state.firstRespondedAt ?? null,
      state.resolvedAt ?? null,
      state.resolution?.code ?? null,
      state.satisfaction ?? null,
      event.streamVersion,
      at,
    ],
  );
  if (e.type === 'CaseReplied' || e.type === 'CaseNoted') {
    const d = e.data;
    await tx.query(
      `INSERT INTO ${S}.case_messages (tenant, case_id, message_id, kind, author, actor_id, body, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
      [
        event.tenant,
        caseId,
        d.messageId,
        e.type === 'CaseReplied' ? 'reply' : 'note',
        e.type === 'CaseReplied' ? e.data.author : 'agent',
        d.actorId,
        d.body,
        d.at,
      ],
    );
  }
};

export const casesPart: ReadModelPart = {
  ddl: `
    CREATE TABLE IF NOT EXISTS ${S}.cases (
      tenant text NOT NULL,
      case_id text NOT NULL,
      contact_id text NOT NULL,
      asset_id text,
      channel text NOT NULL,
      category text NOT NULL,
      priority text NOT NULL,
      status text NOT NULL,
      assignee_kind text,
      assignee_id text,
      -- the contact's personal data (decrypted copy; blanked when the contact is erased)
      subject text NOT NULL,
      description text,
      opened_at timestamptz NOT NULL,
      first_responded_at timestamptz,
      resolved_at timestamptz,
      resolution_code text,
      satisfaction int,
      state jsonb NOT NULL,
      version int NOT NULL,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (tenant, case_id)
    );
    CREATE INDEX IF NOT EXISTS cases_queue ON ${S}.cases (tenant, status, opened_at);
    CREATE INDEX IF NOT EXISTS cases_by_contact ON ${S}.cases (tenant, contact_id, opened_at);
    CREATE INDEX IF NOT EXISTS cases_by_asset ON ${S}.cases (tenant, asset_id);
    CREATE TABLE IF NOT EXISTS ${S}.case_messages (
      tenant text NOT NULL,
      case_id text NOT NULL,
      message_id text NOT NULL,
      kind text NOT NULL,
      author text NOT NULL,
      actor_id text NOT NULL,
      body text NOT NULL,
      at timestamptz NOT NULL,
      PRIMARY KEY (tenant, case_id, message_id)
    );`,
  tables: ['cases', 'case_messages'],
  handlers: Object.fromEntries(
    (
      [
        'CaseOpened',
        'CaseAssigned',
        'CasePriorityChanged',
        'CaseReplied',
        'CaseNoted',
        'CaseStatusChanged',
        'CaseResolved',
        'CaseClosed',
        'CaseReopened',
        'SatisfactionRecorded',
      ] satisfies CaseEvent['type'][]
    ).map((type) => [type, apply]),
  ),
};
