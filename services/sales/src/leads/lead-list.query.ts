import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { S } from '../infrastructure/read-model-part';
import type { LeadState } from './lead.decider';
import type { LeadDto, LeadSummaryDto } from './lead.dto';

interface LeadRow {
  lead_id: string;
  name: string;
  email: string | null;
  company: string | null;
  status: string;
  source: string;
  score: number;
  owner_id: string | null;
  state: LeadState;
  version: number;
}

@Injectable()
export class LeadListQuery {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** Best leads first; `minScore` filters out the cold ones. */
  async list(
    tenant: string,
    filter: { minScore?: number; status?: string; limit?: number; offset?: number },
  ): Promise<LeadSummaryDto[]> {
    const { rows } = await this.pool.query<LeadRow>(
      `SELECT * FROM ${S}.lead_list WHERE tenant = $1 AND score >= $2 AND ($3::text IS NULL OR status = $3)
       ORDER BY score DESC, captured_at DESC, lead_id LIMIT $4 OFFSET $5`,
      [tenant, filter.minScore ?? 0, filter.status ?? null, filter.limit ?? 50, filter.offset ?? 0],
    );
    return rows.map(summary);
  }

  async get(tenant: string, leadId: string): Promise<LeadDto | undefined> {
    const { rows } = await this.pool.query<LeadRow>(
      `SELECT * FROM ${S}.lead_list WHERE tenant = $1 AND lead_id = $2`,
      [tenant, leadId],
    );
    const row = rows[0];
    if (!row) return undefined;
    const s = row.state;
    return {
      ...summary(row),
      profile: s.profile,
      reasons: [...s.reasons],
      interactions: s.interactions,
      campaignClicks: s.campaignClicks,
      ...(s.contactId ? { contactId: s.contactId } : {}),
      ...(s.opportunityId ? { opportunityId: s.opportunityId } : {}),
      ...(s.disqualifiedReason ? { disqualifiedReason: s.disqualifiedReason } : {}),
    };
  }
}

function summary(row: LeadRow): LeadSummaryDto {
  return {
    id: row.lead_id,
    leadId: row.lead_id,
    name: row.name,
    ...(row.email ? { email: row.email } : {}),
    ...(row.company ? { company: row.company } : {}),
    status: row.status,
    source: row.source,
    score: row.score,
    ...(row.owner_id ? { ownerId: row.owner_id } : {}),
    version: row.version,
  };
}
