/**
 * `GET /opportunities`: filtered, sorted keyset pages over `deals`. Scoped by tenant first; every
 * value is a bound parameter. Each sort has an index (tenant, column, opportunity_id).
 */
import { Inject, Injectable } from '@nestjs/common';
import { CursorCodec, KeysetPage, PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { S } from '../infrastructure/read-model-part';
import type { OpportunityState } from './opportunity.decider';
import type {
  ListOpportunitiesQuery,
  OpportunityPage,
  OpportunitySort,
} from './opportunity-list.dto';
import { toDto } from './opportunity.queries';

/** The column behind each sort and the type its cursor value is cast back to. */
const SORT_COLUMNS = {
  expectedCloseDate: { column: 'expected_close_date', cast: 'date' },
  amount: { column: 'amount_minor', cast: 'bigint' },
  createdAt: { column: 'created_at', cast: 'timestamptz' },
  updatedAt: { column: 'updated_at', cast: 'timestamptz' },
} as const;

@Injectable()
export class OpportunityListQuery {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly cursors: CursorCodec,
  ) {}

  async list(tenant: string, q: ListOpportunitiesQuery): Promise<OpportunityPage> {
    const params: unknown[] = [tenant];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const where = ['tenant = $1'];
    if (q.pipelineId) where.push(`pipeline_id = ${bind(q.pipelineId)}`);
    if (q.stageId) where.push(`stage_id = ${bind(q.stageId)}`);
    if (q.ownerId) where.push(`owner_id = ${bind(q.ownerId)}`);
    if (q.status) where.push(`status = ${bind(q.status)}`);
    if (q.contactId) where.push(`contact_id = ${bind(q.contactId)}`);
    if (q.companyId) where.push(`company_id = ${bind(q.companyId)}`);
    if (q.expectedCloseFrom)
      where.push(`expected_close_date >= ${bind(q.expectedCloseFrom)}::date`);
    if (q.expectedCloseTo) where.push(`expected_close_date < ${bind(q.expectedCloseTo)}::date`);
    if (q.minAmountMinor !== undefined) where.push(`amount_minor >= ${bind(q.minAmountMinor)}`);
    if (q.maxAmountMinor !== undefined) where.push(`amount_minor <= ${bind(q.maxAmountMinor)}`);

    const sort: OpportunitySort = q.sort ?? '-createdAt';
    const descending = sort.startsWith('-');
    const { column, cast } = SORT_COLUMNS[sort.replace('-', '') as keyof typeof SORT_COLUMNS];
    // The cursor holds a value of the sort column: one made under another sort is refused (400).
    const keyset = new KeysetPage(
      this.cursors,
      { list: `opportunities:${sort}`, column, cast, idColumn: 'opportunity_id', descending },
      q,
    );
    keyset.appendAfter(where, params);
    const direction = descending ? 'DESC' : 'ASC';
    const { rows } = await this.pool.query<{
      state: OpportunityState;
      version: number;
      opportunity_id: string;
      sort_value: string;
    }>(
      `SELECT state, version, opportunity_id, ${column}::text AS sort_value FROM ${S}.deals
        WHERE ${where.join(' AND ')}
        ORDER BY ${column} ${direction}, opportunity_id ${direction}
        LIMIT ${bind(keyset.fetchLimit)}`,
      params,
    );
    return keyset.page(
      rows,
      (row) => toDto(row.state, row.version),
      (last) => ({ value: last.sort_value, id: last.opportunity_id }),
    );
  }
}
