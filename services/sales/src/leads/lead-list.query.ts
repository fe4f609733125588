/**
 * Queries over `lead_list`: GET /leads in filtered, searched, sorted keyset pages, and one lead.
 * Scoped by tenant first; every value is a bound parameter.
 */
import { Inject, Injectable } from '@nestjs/common';
import { CursorCodec, KeysetPage, PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { S } from '../infrastructure/read-model-part';
import type { LeadState } from './lead.decider';
import type { LeadDto, LeadListQueryDto, LeadPage, LeadSort, LeadSummaryDto } from './lead.dto';

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
  captured_at: Date;
  updated_at: Date;
}

/** The SQL behind each sort and the type its cursor value is cast back to (indexed with lead_id). */
const SORT_COLUMNS = {
  score: { column: 'score', cast: 'int' },
  capturedAt: { column: 'captured_at', cast: 'timestamptz' },
  updatedAt: { column: 'updated_at', cast: 'timestamptz' },
  name: { column: 'lower(name)', cast: 'text' },
} as const;

/** A LIKE pattern matching `text` anywhere, its wildcards taken literally. */
function containing(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

@Injectable()
export class LeadListQuery {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly cursors: CursorCodec,
  ) {}

  async list(tenant: string, q: LeadListQueryDto): Promise<LeadPage> {
    const params: unknown[] = [tenant];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const where = ['tenant = $1'];
    if (q.status) where.push(`status = ${bind(q.status)}`);
    if (q.source) where.push(`source = ${bind(q.source)}`);
    if (q.ownerId) where.push(`owner_id = ${bind(q.ownerId)}`);
    if (q.minScore !== undefined) where.push(`score >= ${bind(q.minScore)}`);
    if (q.maxScore !== undefined) where.push(`score <= ${bind(q.maxScore)}`);
    // Every word must appear in one of name, email or company ("ada engines" finds Ada at Engines Ltd).
    for (const word of (q.q ?? '').trim().split(/\s+/).filter(Boolean)) {
      const pattern = bind(containing(word));
      where.push(
        `(lower(name) LIKE ${pattern} OR lower(coalesce(email, '')) LIKE ${pattern} OR lower(coalesce(company, '')) LIKE ${pattern})`,
      );
    }

    const sort: LeadSort = q.sort ?? '-score';
    const descending = sort.startsWith('-');
    const { column, cast } = SORT_COLUMNS[sort.replace('-', '') as keyof typeof SORT_COLUMNS];
    // The cursor holds a value of the sort column: one made under another sort is refused (400).
    const keyset = new KeysetPage(
      this.cursors,
      { list: `leads:${sort}`, column, cast, idColumn: 'lead_id', descending },
      q,
    );
    keyset.appendAfter(where, params);
    const direction = descending ? 'DESC' : 'ASC';
    const { rows } = await this.pool.query<LeadRow & { sort_value: string }>(
      `SELECT *, ${column}::text AS sort_value FROM ${S}.lead_list
        WHERE ${where.join(' AND ')}
        ORDER BY ${column} ${direction}, lead_id ${direction}
        LIMIT ${bind(keyset.fetchLimit)}`,
      params,
    );
    return keyset.page(rows, summary, (last) => ({ value: last.sort_value, id: last.lead_id }));
  }

  async get(tenant: string, leadId: string): Promise<LeadDto | undefined> {
    const { rows } = await this.pool.query<LeadRow>(
      `SELECT * FROM ${S}.lead_list WHERE tenant = $1 AND lead_id = $2`,
      [tenant, leadId],
    );
    const row = rows[0];
    if (!row) return undefined;
    return toLeadView(row.state, row.version, {
      capturedAt: row.captured_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    });
  }
}

/** GET /leads/{id} from the lead's state (the read model's, or one folded for its history). */
export function toLeadView(
  s: LeadState,
  version: number,
  at: { capturedAt: string; updatedAt: string },
): LeadDto {
  return {
    id: s.leadId,
    name: s.profile.name,
    ...(s.profile.email ? { email: s.profile.email } : {}),
    ...(s.profile.company ? { company: s.profile.company } : {}),
    status: s.status,
    source: s.source,
    score: s.score,
    ...(s.ownerId ? { ownerId: s.ownerId } : {}),
    capturedAt: at.capturedAt,
    updatedAt: at.updatedAt,
    version,
    profile: s.profile,
    reasons: [...s.reasons],
    interactions: s.interactions,
    campaignClicks: s.campaignClicks,
    ...(s.contactId ? { contactId: s.contactId } : {}),
    ...(s.opportunityId ? { opportunityId: s.opportunityId } : {}),
    ...(s.disqualifiedReason ? { disqualifiedReason: s.disqualifiedReason } : {}),
  };
}

function summary(row: LeadRow): LeadSummaryDto {
  return {
    id: row.lead_id,
    name: row.name,
    ...(row.email ? { email: row.email } : {}),
    ...(row.company ? { company: row.company } : {}),
    status: row.status,
    source: row.source,
    score: row.score,
    ...(row.owner_id ? { ownerId: row.owner_id } : {}),
    capturedAt: row.captured_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}
