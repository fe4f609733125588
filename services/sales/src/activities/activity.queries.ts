import { Inject, Injectable } from '@nestjs/common';
import { CursorCodec, KeysetPage, PG_POOL, type KeysetOrder } from '@crm/platform';
import type { Pool } from 'pg';
import { S } from '../infrastructure/read-model-part';
import { dueStatus, type ActivityState } from './activity.decider';
import type { ActivityDto, ActivityPage, ListActivitiesQuery } from './activity.dto';

/** Activities newest first by created_at. */
const ACTIVITY_LIST: KeysetOrder = {
  list: 'activities:-createdAt',
  column: 'a.created_at',
  cast: 'timestamptz',
  idColumn: 'a.activity_id',
  descending: true,
};

interface Row {
  state: ActivityState;
  version: number;
  contact_name: string | null;
}

@Injectable()
export class ActivityQueries {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly cursors: CursorCodec,
  ) {}

  /** `now` (the service's clock) decides the due status. */
  async get(tenant: string, activityId: string, now: Date): Promise<ActivityDto | undefined> {
    const { rows } = await this.pool.query<Row>(
      `SELECT a.state, a.version, c.display_name AS contact_name FROM ${S}.activities a
       LEFT JOIN ${S}.contact_directory c ON c.tenant = a.tenant AND c.contact_id = a.contact_id
       WHERE a.tenant = $1 AND a.activity_id = $2`,
      [tenant, activityId],
    );
    return rows[0] && toDto(rows[0], now);
  }

  /** The activities of a contact, deal and/or lead (all given must match), newest first. */
  async list(tenant: string, q: ListActivitiesQuery, now: Date): Promise<ActivityPage> {
    const params: unknown[] = [tenant];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const where = ['a.tenant = $1'];
    if (q.contactId) where.push(`a.contact_id = ${bind(q.contactId)}`);
    if (q.opportunityId) where.push(`a.opportunity_id = ${bind(q.opportunityId)}`);
    if (q.leadId) where.push(`a.lead_id = ${bind(q.leadId)}`);
    const keyset = new KeysetPage(this.cursors, ACTIVITY_LIST, q);
    keyset.appendAfter(where, params);
    const { rows } = await this.pool.query<Row & { activity_id: string; created_text: string }>(
      `SELECT a.state, a.version, c.display_name AS contact_name, a.activity_id, a.created_at::text AS created_text
         FROM ${S}.activities a
         LEFT JOIN ${S}.contact_directory c ON c.tenant = a.tenant AND c.contact_id = a.contact_id
        WHERE ${where.join(' AND ')}
        ORDER BY a.created_at DESC, a.activity_id DESC
        LIMIT ${bind(keyset.fetchLimit)}`,
      params,
    );
    return keyset.page(
      rows,
      (row) => toDto(row, now),
      (last) => ({ value: last.created_text, id: last.activity_id }),
    );
  }

  /** Open activities of an assignee that are overdue or due within the window, most urgent first. */
  async due(
    tenant: string,
    assigneeId: string,
    withinHours: number,
    now: Date,
  ): Promise<ActivityDto[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT a.state, a.version, c.display_name AS contact_name FROM ${S}.activities a
       LEFT JOIN ${S}.contact_directory c ON c.tenant = a.tenant AND c.contact_id = a.contact_id
       WHERE a.tenant = $1 AND a.assignee_id = $2 AND a.status = 'open' AND a.due_at <= $3
       ORDER BY a.due_at, CASE a.priority WHEN 'high' THEN 0 WHEN 'normal' THEN 1 ELSE 2 END, a.activity_id LIMIT 500`,
      [tenant, assigneeId, new Date(now.getTime() + withinHours * 3_600_000).toISOString()],
    );
    return rows.map((r) => toDto(r, now, withinHours));
  }
}

function toDto(row: Row, now: Date, withinHours = 24): ActivityDto {
  return toActivityView(row.state, row.version, now, row.contact_name, withinHours);
}

/**
 * GET /activities/{id} from the activity's state: the due status as of `now`; the contact's name
 * is the directory's (current) one, absent when not given.
 */
export function toActivityView(
  s: ActivityState,
  version: number,
  now: Date,
  contactName?: string | null,
  withinHours = 24,
): ActivityDto {
  const d = s.details!;
  return {
    id: s.activityId,
    kind: d.kind,
    subject: d.subject,
    status: s.status,
    dueStatus: dueStatus({ status: s.status, dueAt: d.dueAt }, now, withinHours * 3_600_000),
    priority: d.priority,
    assigneeId: d.assigneeId,
    ...(d.contactId ? { contactId: d.contactId } : {}),
    ...(contactName ? { contactName } : {}),
    ...(d.leadId ? { leadId: d.leadId } : {}),
    ...(d.opportunityId ? { opportunityId: d.opportunityId } : {}),
    ...(d.phone ? { phone: d.phone } : {}),
    ...(d.purpose ? { purpose: d.purpose } : {}),
    ...(d.dueAt ? { dueAt: d.dueAt } : {}),
    ...(d.endsAt ? { endsAt: d.endsAt } : {}),
    ...(d.timeZone ? { timeZone: d.timeZone } : {}),
    ...(d.location ? { location: d.location } : {}),
    ...(d.notes ? { notes: d.notes } : {}),
    ...(s.heldAt ? { heldAt: s.heldAt } : {}),
    ...(s.completedAt ? { completedAt: s.completedAt } : {}),
    ...(s.outcome ? { outcome: s.outcome } : {}),
    reminders: [...s.reminders],
    firedReminderIds: [...s.firedReminderIds],
    version,
  };
}
