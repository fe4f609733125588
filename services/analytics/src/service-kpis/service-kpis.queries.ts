/**
 * Service KPIs over service_cases and service_assets: per period of opening and group, the cases
 * opened, resolved (a resolution that still stands: not reopened since), resolution time (opened
 * -> latest resolution, hours), SLA breaches per clock, CSAT, reopen rate, failures and MTBF
 * (mean days between consecutive failure cases of the same asset, in the group and window).
 */
import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { S } from '../infrastructure/schema';
import type { GroupBy, Interval } from './service-kpis.dto';

export interface ServiceKpiRow {
  /** First UTC day of the period (the window's `from` for interval `all`). */
  readonly period: string;
  /** Category, priority or product id; null: cases about no asset (product). */
  readonly key: string | null;
  readonly label: string;
  readonly opened: number;
  readonly resolved: number;
  readonly medianResolutionHours: number | null;
  readonly meanResolutionHours: number | null;
  /** Cases with at least one breach, and breaches per clock (each published once per case). */
  readonly breachedCases: number;
  readonly firstResponseBreaches: number;
  readonly resolutionBreaches: number;
  /** breachedCases / opened. */
  readonly breachRate: number | null;
  readonly csatMean: number | null;
  readonly csatCount: number;
  /** Cases ever reopened, per case ever resolved. */
  readonly reopened: number;
  readonly reopenRate: number | null;
  /** Standing resolutions with a failure code. */
  readonly failures: number;
  readonly mtbfDays: number | null;
  /** Gaps the MTBF averages (pairs of consecutive failures of one asset). */
  readonly mtbfIntervals: number;
}

const GROUPS: Record<GroupBy, { key: string; label: string }> = {
  category: { key: 'c.category', label: `coalesce(c.category, '(no category)')` },
  priority: { key: 'c.priority', label: `coalesce(c.priority, '(no priority)')` },
  product: {
    key: 'a.product_id',
    label: `coalesce(p.name, a.product_id, '(no product)')`,
  },
};

@Injectable()
export class ServiceKpisQueries {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** Cases opened in [start, end), per period and group; periods in order, larger groups first. */
  async kpis(
    tenant: string,
    window: { start: string; end: string },
    interval: Interval,
    groupBy: GroupBy,
  ): Promise<ServiceKpiRow[]> {
    const g = GROUPS[groupBy];
    const period =
      interval === 'all'
        ? `$2::timestamptz`
        : `date_trunc('${interval}', c.opened_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'`;
    const { rows } = await this.pool.query<{
      period: Date;
      key: string | null;
      label: string;
      opened: number;
      resolved: number;
      median_hours: number | null;
      mean_hours: number | null;
      breached: number;
      first_response: number;
      resolution: number;
      csat_mean: number | null;
      csat_count: number;
      ever_resolved: number;
      reopened: number;
      failures: number;
      mtbf_days: number | null;
      mtbf_intervals: number;
    }>(
      `WITH g AS (
         SELECT c.*, ${period} AS period, ${g.key} AS key, ${g.label} AS label,
                (c.resolved_at IS NOT NULL AND (c.reopened_at IS NULL OR c.reopened_at < c.resolved_at)) AS standing,
                extract(epoch FROM c.resolved_at - c.opened_at) / 3600 AS hours
           FROM ${S}.service_cases c
           LEFT JOIN ${S}.service_assets a ON a.tenant = c.tenant AND a.asset_id = c.asset_id
           LEFT JOIN ${S}.products p ON p.tenant = c.tenant AND p.product_id = a.product_id
          WHERE c.tenant = $1 AND c.opened_at >= $2 AND c.opened_at < $3
       ),
       gaps AS (
         -- Each failure after the first of its asset (in the group and window) adds one gap,
         -- counted in the period of the later failure.
         SELECT period, key,
                extract(epoch FROM opened_at - lag(opened_at) OVER (
                  PARTITION BY key, asset_id ORDER BY opened_at, case_id)) / 86400 AS days
           FROM g WHERE standing AND failure AND asset_id IS NOT NULL
       ),
       mtbf AS (
         SELECT period, key, avg(days)::float8 AS days, count(days)::int AS n
           FROM gaps GROUP BY period, key
       )
       SELECT g.period, g.key, max(g.label) AS label,
              count(*)::int AS opened,
              count(*) FILTER (WHERE standing)::int AS resolved,
              (percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) FILTER (WHERE standing))::float8 AS median_hours,
              (avg(hours) FILTER (WHERE standing))::float8 AS mean_hours,
              count(*) FILTER (WHERE first_response_breached_at IS NOT NULL
                                  OR resolution_breached_at IS NOT NULL)::int AS breached,
              count(first_response_breached_at)::int AS first_response,
              count(resolution_breached_at)::int AS resolution,
              avg(satisfaction)::float8 AS csat_mean,
              count(satisfaction)::int AS csat_count,
              count(first_resolved_at)::int AS ever_resolved,
              count(first_reopened_at)::int AS reopened,
              count(*) FILTER (WHERE standing AND failure)::int AS failures,
              max(m.days) AS mtbf_days, coalesce(max(m.n), 0)::int AS mtbf_intervals
         FROM g
         LEFT JOIN mtbf m ON m.period = g.period AND m.key IS NOT DISTINCT FROM g.key
        GROUP BY g.period, g.key
        ORDER BY g.period, opened DESC, g.key NULLS LAST`,
      [tenant, window.start, window.end],
    );
    return rows.map((r) => ({
      period: r.period.toISOString().slice(0, 10),
      key: r.key,
      label: r.label,
      opened: r.opened,
      resolved: r.resolved,
      medianResolutionHours: r.median_hours,
      meanResolutionHours: r.mean_hours,
      breachedCases: r.breached,
      firstResponseBreaches: r.first_response,
      resolutionBreaches: r.resolution,
      breachRate: r.opened > 0 ? r.breached / r.opened : null,
      csatMean: r.csat_mean,
      csatCount: r.csat_count,
      reopened: r.reopened,
      reopenRate: r.ever_resolved > 0 ? r.reopened / r.ever_resolved : null,
      failures: r.failures,
      mtbfDays: r.mtbf_days,
      mtbfIntervals: r.mtbf_intervals,
    }));
  }
}
