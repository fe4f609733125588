/**
 * `GET /reports/forecast-accuracy`: per period, the forecast as it stood at the period's start
 * against what closed won in the period, per currency. How the forecast is reconstructed (the
 * tables keep stage history, not amount/probability/close-date history):
 * - deals open at the start s: opened before s, not won or lost before s (as they stand now), and
 *   whose last stage entry before s is not a closing stage (so a deal lost then reopened after s
 *   counts as closed at s);
 * - expected to close in the period: by the expected close date as it stands now;
 * - weighted by the stage it stood in at s: that stage's win rate over the deals now closed that
 *   entered it (won / (won + lost)); amount as it stands now.
 */
import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { S } from '../infrastructure/schema';
import type { Interval } from './deal-performance';

export interface AccuracyRow {
  readonly period: string;
  readonly currency: string;
  readonly forecastDeals: number;
  readonly forecastMinor: number;
  readonly wonDeals: number;
  readonly actualMinor: number;
}

@Injectable()
export class ForecastAccuracyQueries {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async accuracy(
    tenant: string,
    from: string,
    to: string,
    interval: Interval,
    currency?: string,
  ): Promise<AccuracyRow[]> {
    const unit = interval === 'month' ? 'month' : 'quarter';
    const step = interval === 'month' ? '1 month' : '3 months';
    const { rows } = await this.pool.query(
      `WITH closing AS (
         SELECT DISTINCT stage_id FROM ${S}.opportunities
          WHERE tenant = $1 AND status IN ('won', 'lost') AND stage_id IS NOT NULL),
       stage_rate AS (
         SELECT e.stage_id, avg((e.status = 'won')::int)::float8 AS rate
           FROM (SELECT DISTINCT sc.stage_id, sc.opportunity_id, o.status
                   FROM ${S}.opportunity_stage_changes sc
                   JOIN ${S}.opportunities o ON o.tenant = sc.tenant AND o.opportunity_id = sc.opportunity_id
                  WHERE sc.tenant = $1 AND o.status IN ('won', 'lost')) e
          GROUP BY e.stage_id),
       periods AS (
         SELECT p::date AS s, (p + interval '${step}')::date AS e
           FROM generate_series(date_trunc('${unit}', $2::date), $3::date, interval '${step}') p),
       at_start AS (
         SELECT p.s, o.currency, o.amount_minor,
                (SELECT sc.stage_id FROM ${S}.opportunity_stage_changes sc
                  WHERE sc.tenant = o.tenant AND sc.opportunity_id = o.opportunity_id
                    AND sc.entered_at < p.s::timestamp AT TIME ZONE 'UTC'
                  ORDER BY sc.entered_at DESC LIMIT 1) AS stage_id
           FROM periods p
           JOIN ${S}.opportunities o ON o.tenant = $1
            AND o.opened_at < p.s::timestamp AT TIME ZONE 'UTC'
            AND o.expected_close_date >= p.s AND o.expected_close_date < p.e
            AND NOT coalesce(o.won_at < p.s::timestamp AT TIME ZONE 'UTC', false)
            AND NOT coalesce(o.lost_at < p.s::timestamp AT TIME ZONE 'UTC', false)),
       forecast AS (
         SELECT a.s, a.currency, count(*)::int AS deals,
                sum(round(a.amount_minor * coalesce(r.rate, 0)))::bigint AS minor
           FROM at_start a LEFT JOIN stage_rate r ON r.stage_id = a.stage_id
          WHERE a.stage_id IS NOT NULL AND a.stage_id NOT IN (SELECT stage_id FROM closing)
          GROUP BY 1, 2),
       actual AS (
         SELECT p.s, o.currency, count(*)::int AS deals, sum(o.amount_minor)::bigint AS minor
           FROM periods p JOIN ${S}.opportunities o ON o.tenant = $1 AND o.status = 'won'
            AND o.won_at >= p.s::timestamp AT TIME ZONE 'UTC' AND o.won_at < p.e::timestamp AT TIME ZONE 'UTC'
          GROUP BY 1, 2)
       SELECT to_char(coalesce(f.s, a.s), 'YYYY-MM-DD') AS period, coalesce(f.currency, a.currency) AS currency,
              coalesce(f.deals, 0) AS forecast_deals, coalesce(f.minor, 0)::text AS forecast,
              coalesce(a.deals, 0) AS won_deals, coalesce(a.minor, 0)::text AS actual
         FROM forecast f FULL JOIN actual a ON a.s = f.s AND a.currency = f.currency
        WHERE ($4::text IS NULL OR coalesce(f.currency, a.currency) = $4)
        ORDER BY 1, 2`,
      [tenant, from, to, currency ?? null],
    );
    return rows.map((r) => ({
      period: r.period,
      currency: r.currency,
      forecastDeals: r.forecast_deals,
      forecastMinor: Number(r.forecast),
      wonDeals: r.won_deals,
      actualMinor: Number(r.actual),
    }));
  }
}
