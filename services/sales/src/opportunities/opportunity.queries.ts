import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { S } from '../infrastructure/read-model-part';
import {
  effectiveProbability,
  forecastCategoryOf,
  type OpportunityState,
} from './opportunity.decider';
import type { ForecastRowDto, OpportunityDto } from './opportunity.dto';

@Injectable()
export class OpportunityQueries {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async get(tenant: string, opportunityId: string): Promise<OpportunityDto | undefined> {
    const { rows } = await this.pool.query<{ state: OpportunityState; version: number }>(
      `SELECT state, version FROM ${S}.deals WHERE tenant = $1 AND opportunity_id = $2`,
      [tenant, opportunityId],
    );
    return rows[0] && toDto(rows[0].state, rows[0].version);
  }

  /** "My open deals": the caller's open opportunities, closing soonest first. */
  async openDealsOf(tenant: string, ownerId: string): Promise<OpportunityDto[]> {
    const { rows } = await this.pool.query<{ state: OpportunityState; version: number }>(
      `SELECT state, version FROM ${S}.deals WHERE tenant = $1 AND owner_id = $2 AND status = 'open' ORDER BY close_date, opportunity_id LIMIT 500`,
      [tenant, ownerId],
    );
    return rows.map((r) => toDto(r.state, r.version));
  }

  /**
   * Weighted forecast per period and owner (plus an all-owners row per period), per currency.
   * Weighted = sum of round(amount x probability / 100) per deal, in exact numeric arithmetic.
   */
  async forecast(
    tenant: string,
    q: { period: 'month' | 'quarter'; from: string; to: string; ownerId?: string },
  ): Promise<ForecastRowDto[]> {
    const label =
      q.period === 'month' ? `to_char(close_date, 'YYYY-MM')` : `to_char(close_date, 'YYYY-"Q"Q')`;
    const { rows } = await this.pool.query(
      `SELECT period, owner_id, currency,
              count(*) FILTER (WHERE status = 'open')::int AS open_deals,
              coalesce(sum(amount_minor) FILTER (WHERE status = 'open'), 0)::text AS pipeline,
              coalesce(sum(round(amount_minor::numeric * probability / 100)), 0)::text AS weighted,
              coalesce(sum(amount_minor) FILTER (WHERE forecast_category IN ('closed', 'commit')), 0)::text AS commit,
              coalesce(sum(amount_minor) FILTER (WHERE forecast_category IN ('closed', 'commit', 'best-case')), 0)::text AS best_case,
              coalesce(sum(amount_minor) FILTER (WHERE status = 'won'), 0)::text AS closed
       FROM (SELECT *, ${label} AS period FROM ${S}.deals
             WHERE tenant = $1 AND status <> 'lost' AND close_date >= $2::date AND close_date < $3::date
               AND ($4::text IS NULL OR owner_id = $4)) d
       GROUP BY GROUPING SETS ((period, owner_id, currency), (period, currency))
       ORDER BY period, owner_id NULLS FIRST, currency`,
      [tenant, q.from, q.to, q.ownerId ?? null],
    );
    return rows.map((r) => ({
      period: r.period,
      ownerId: r.owner_id,
      currency: r.currency,
      openDeals: r.open_deals,
      pipelineMinor: Number(r.pipeline),
      weightedMinor: Number(r.weighted),
      commitMinor: Number(r.commit),
      bestCaseMinor: Number(r.best_case),
      closedMinor: Number(r.closed),
    }));
  }
}

export function toDto(s: OpportunityState, version: number): OpportunityDto {
  return {
    id: s.opportunityId,
    name: s.name,
    pipelineId: s.pipelineId,
    stageId: s.stageId,
    status: s.status,
    amountMinor: s.amountMinor,
    currency: s.currency,
    probability: effectiveProbability(s),
    forecastCategory: forecastCategoryOf(s),
    expectedCloseDate: s.expectedCloseDate,
    ownerId: s.ownerId,
    ...(s.contactId ? { contactId: s.contactId } : {}),
    ...(s.companyId ? { companyId: s.companyId } : {}),
    lineItems: [...s.lineItems],
    stageHistory: [...s.stageHistory],
    ...(s.orderId ? { orderId: s.orderId } : {}),
    ...(s.lostReason ? { lostReason: s.lostReason } : {}),
    ...(s.competitor ? { competitor: s.competitor } : {}),
    version,
  };
}
