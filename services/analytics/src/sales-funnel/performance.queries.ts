/** What `GET /reports/sales-performance` reads: deals closed in a window, time in each stage. */
import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { S } from '../infrastructure/schema';
import type { ClosedDeal } from './deal-performance';

export interface StageTime {
  readonly stageId: string;
  readonly entries: number;
  readonly meanDays: number;
  readonly medianDays: number;
}

type Window = { start: string; end: string };

@Injectable()
export class PerformanceQueries {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** Deals standing won or lost now whose won/lost time is in the window (a reopened one is open). */
  async closedDeals(tenant: string, w: Window, currency?: string): Promise<ClosedDeal[]> {
    const { rows } = await this.pool.query(
      `SELECT owner_id, currency, amount_minor::text AS amount, status, opened_at,
              coalesce(won_at, lost_at) AS closed_at
         FROM ${S}.opportunities
        WHERE tenant = $1 AND status IN ('won', 'lost') AND opened_at IS NOT NULL
          AND coalesce(won_at, lost_at) >= $2 AND coalesce(won_at, lost_at) < $3
          AND ($4::text IS NULL OR currency = $4)`,
      [tenant, w.start, w.end, currency ?? null],
    );
    return rows.map((r) => ({
      ownerId: r.owner_id,
      currency: r.currency,
      amountMinor: Number(r.amount),
      status: r.status,
      openedAt: r.opened_at.toISOString(),
      closedAt: r.closed_at.toISOString(),
    }));
  }

  /**
   * Time in stage = the next entry of the same deal - this entry, for entries in the window that
   * have a next one (a deal still in a stage has no time there yet). Closing stages (those deals
   * now won or lost stand in) are left out: time "in lost" before a reopening is not selling time.
   */
  async stageTimes(tenant: string, w: Window, currency?: string): Promise<StageTime[]> {
    const { rows } = await this.pool.query(
      `WITH closing AS (
         SELECT DISTINCT stage_id FROM ${S}.opportunities
          WHERE tenant = $1 AND status IN ('won', 'lost') AND stage_id IS NOT NULL),
       spans AS (
         SELECT sc.stage_id, sc.entered_at,
                lead(sc.entered_at) OVER (PARTITION BY sc.opportunity_id ORDER BY sc.entered_at) AS left_at
           FROM ${S}.opportunity_stage_changes sc
           JOIN ${S}.opportunities o ON o.tenant = sc.tenant AND o.opportunity_id = sc.opportunity_id
          WHERE sc.tenant = $1 AND ($4::text IS NULL OR o.currency = $4))
       SELECT stage_id, count(*)::int AS entries,
              avg(extract(epoch FROM left_at - entered_at) / 86400)::float8 AS mean_days,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM left_at - entered_at) / 86400)::float8 AS median_days
         FROM spans
        WHERE left_at IS NOT NULL AND entered_at >= $2 AND entered_at < $3
          AND stage_id NOT IN (SELECT stage_id FROM closing)
        GROUP BY stage_id ORDER BY min(entered_at), stage_id`,
      [tenant, w.start, w.end, currency ?? null],
    );
    return rows.map((r) => ({
      stageId: r.stage_id,
      entries: r.entries,
      meanDays: r.mean_days,
      medianDays: r.median_days,
    }));
  }
}
