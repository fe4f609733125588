/**
 * Reads of the cases read model: one case with its messages, its SLA clocks and its asset's
 * warranty today, and the queue list (status, assignee or queue, priority, contact, asset,
 * announced SLA breach, words of `q` in the subject). Scoped by tenant first; every value is a
 * bound parameter.
 */
import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, CursorCodec, KeysetPage, PG_POOL, type Clock, type Page } from '@crm/platform';
import type { Pool } from 'pg';
import { AssetQueries } from '../assets/assets.queries';
import { S } from '../infrastructure/read-model-part';
import { readSlaSettings } from '../sla/sla-settings';
import { caseView, type CaseMessageView, type CaseRow, type CaseView } from './case.view';

const BREACHED = `EXISTS (SELECT 1 FROM ${S}.notices n
  WHERE n.tenant = c.tenant AND n.subject = 'case:' || c.case_id AND n.key LIKE 'sla:%')`;
const COLUMNS = `c.case_id, c.contact_id, c.asset_id, c.channel, c.category, c.priority, c.status,
  c.subject, c.description, c.opened_at, c.state, c.version, c.updated_at, ${BREACHED} AS breached`;
const MAX_WORDS = 8;

export interface CaseFilter {
  readonly status?: string;
  readonly priority?: string;
  readonly assigneeKind?: 'user' | 'queue';
  readonly assigneeId?: string;
  readonly contactId?: string;
  readonly assetId?: string;
  readonly slaStatus?: 'breached' | 'within';
  readonly q?: string;
  readonly limit?: number;
  readonly cursor?: string;
}

@Injectable()
export class CaseQueries {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly cursors: CursorCodec,
    private readonly assets: AssetQueries,
  ) {}

  /** One case; `withNotes: false` (the customer's view) leaves the internal notes out. */
  async get(
    tenant: string,
    caseId: string,
    { withNotes = true }: { withNotes?: boolean } = {},
  ): Promise<CaseView | undefined> {
    const { rows } = await this.pool.query<CaseRow>(
      `SELECT ${COLUMNS} FROM ${S}.cases c WHERE c.tenant = $1 AND c.case_id = $2`,
      [tenant, caseId],
    );
    const row = rows[0];
    if (!row) return undefined;
    const view = caseView(row, await readSlaSettings(this.pool, tenant), this.clock.now());
    const messages = await this.pool.query<{
      message_id: string;
      kind: 'reply' | 'note';
      author: 'agent' | 'customer';
      actor_id: string;
      body: string;
      at: Date;
    }>(
      `SELECT message_id, kind, author, actor_id, body, at FROM ${S}.case_messages
        WHERE tenant = $1 AND case_id = $2 ${withNotes ? '' : `AND kind = 'reply'`}
        ORDER BY at, message_id`,
      [tenant, caseId],
    );
    const asset = row.asset_id ? await this.assets.get(tenant, row.asset_id) : undefined;
    return {
      ...view,
      warranty: asset ? { status: asset.warranty.status, endsOn: asset.warranty.endsOn } : null,
      messages: messages.rows.map((m): CaseMessageView => ({
        id: m.message_id,
        kind: m.kind,
        author: m.author,
        actorId: m.actor_id,
        body: m.body,
        at: m.at.toISOString(),
      })),
    };
  }

  async list(tenant: string, filter: CaseFilter): Promise<Page<CaseView>> {
    const page = new KeysetPage(
      this.cursors,
      {
        list: 'cases:-opened',
        column: 'c.opened_at',
        cast: 'timestamptz',
        idColumn: 'c.case_id',
        descending: true,
      },
      filter,
    );
    const params: unknown[] = [tenant];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const where = ['c.tenant = $1'];
    if (filter.status !== undefined) where.push(`c.status = ${bind(filter.status)}`);
    if (filter.priority !== undefined) where.push(`c.priority = ${bind(filter.priority)}`);
    if (filter.assigneeKind !== undefined)
      where.push(`c.assignee_kind = ${bind(filter.assigneeKind)}`);
    if (filter.assigneeId !== undefined) where.push(`c.assignee_id = ${bind(filter.assigneeId)}`);
    if (filter.contactId !== undefined) where.push(`c.contact_id = ${bind(filter.contactId)}`);
    if (filter.assetId !== undefined) where.push(`c.asset_id = ${bind(filter.assetId)}`);
    if (filter.slaStatus !== undefined)
      where.push(filter.slaStatus === 'breached' ? BREACHED : `NOT ${BREACHED}`);
    for (const word of (filter.q ?? '').split(/\s+/).filter(Boolean).slice(0, MAX_WORDS)) {
      const escaped = word.replace(/[\\%_]/g, (c) => `\\${c}`);
      where.push(`c.subject ILIKE ${bind(`%${escaped}%`)}`);
    }
    page.appendAfter(where, params);
    const { rows } = await this.pool.query<CaseRow>(
      `SELECT ${COLUMNS} FROM ${S}.cases c WHERE ${where.join(' AND ')}
        ORDER BY c.opened_at DESC, c.case_id DESC LIMIT ${page.fetchLimit}`,
      params,
    );
    const settings = await readSlaSettings(this.pool, tenant);
    const now = this.clock.now();
    return page.page(
      rows,
      (row) => caseView(row, settings, now),
      (row) => ({ value: row.opened_at.toISOString(), id: row.case_id }),
    );
  }
}
