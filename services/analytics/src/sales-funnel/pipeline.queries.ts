/**
 * `GET /reports/pipeline`: the open deals as the tables hold them now, by period of expected
 * close, owner, currency and forecast category (as ingested), amount and weighted amount
 * (amount x probability %, rounded to a minor unit per deal); plus closed-won by period of
 * winning, from the period of `asOf` on. Money per currency only.
 */
import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { S } from '../infrastructure/schema';
import type { Interval } from './deal-performance';

export interface PipelineRow {
  readonly period: string;
  readonly ownerId: string;
  readonly currency: string;
  readonly category: string;
  readonly deals: number;
  readonly amountMinor: number;
  readonly weightedMinor: number;
}

@Injectable()
export class PipelineQueries {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async pipeline(
    tenant: string,
    asOf: string,
    interval: Interval,
    currency?: string,
  ): Promise<PipelineRow[]> {
    const unit = interval === 'month' ? 'month' : 'quarter';
    const { rows } = await this.pool.query(
      `WITH deals AS (
         SELECT date_trunc('${unit}', expected_close_date)::date AS period, owner_id, currency,
                coalesce(forecast_category, 'pipeline') AS category, amount_minor,
                round(amount_minor * coalesce(probability, 0) / 100.0) AS weighted
           FROM ${S}.opportunities
          WHERE tenant = $1 AND status = 'open' AND expected_close_date IS NOT NULL
         UNION ALL
         SELECT date_trunc('${unit}', won_at AT TIME ZONE 'UTC')::date, owner_id, currency,
                'closed-won', amount_minor, amount_minor
           FROM ${S}.opportunities
          WHERE tenant = $1 AND status = 'won'
            AND won_at >= date_trunc('${unit}', $2::date) AT TIME ZONE 'UTC')
       SELECT to_char(period, 'YYYY-MM-DD') AS period, coalesce(owner_id, '(none)') AS owner_id,
              currency, category, count(*)::int AS deals, sum(amount_minor)::text AS amount,
              sum(weighted)::text AS weighted
         FROM deals WHERE ($3::text IS NULL OR currency = $3)
        GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
      [tenant, asOf, currency ?? null],
    );
    return rows.map((r) => ({
      period: r.period,
      ownerId: r.owner_id,
      currency: r.currency,
      category: r.category,
      deals: r.deals,
      amountMinor: Number(r.amount),
      weightedMinor: Number(r.weighted),
    }));
  }
}
