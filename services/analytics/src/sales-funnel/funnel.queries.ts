/**
 * The cohort of `GET /reports/funnel`: the leads captured in the window, each with what it
 * reached (qualified, converted, its deal's open stages and status), from the ingest tables.
 */
import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { S } from '../infrastructure/schema';
import type { FunnelGroup } from './funnel.dto';
import type { LeadJourney } from './funnel-steps';

const GROUP_COLUMN: Record<FunnelGroup, string> = {
  source: 'l.source',
  owner: 'l.owner_id',
  pipeline: 'o.pipeline_id',
};

@Injectable()
export class FunnelQueries {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /**
   * A lead counts as qualified when it was qualified or converted (conversion implies it). Its
   * deal is the one it converted into (`leads.opportunity_id`), only when in `pipelineId` if
   * given. Stages reached are the deal's stage entries minus the closing stages: those that
   * deals of the tenant now won or lost stand in (the won/lost step counts those).
   */
  async journeys(
    tenant: string,
    window: { start: string; end: string },
    groupBy?: FunnelGroup,
    pipelineId?: string,
  ): Promise<LeadJourney[]> {
    const { rows } = await this.pool.query(
      `WITH closing AS (
         SELECT DISTINCT stage_id FROM ${S}.opportunities
          WHERE tenant = $1 AND status IN ('won', 'lost') AND stage_id IS NOT NULL)
       SELECT ${groupBy ? GROUP_COLUMN[groupBy] : 'NULL'} AS grp,
              (l.qualified_at IS NOT NULL OR l.converted_at IS NOT NULL) AS qualified,
              l.converted_at IS NOT NULL AS converted,
              o.status AS deal_status,
              (SELECT coalesce(json_agg(json_build_object('stageId', e.stage_id, 'firstEnteredAt', e.first)), '[]')
                 FROM (SELECT sc.stage_id, min(sc.entered_at) AS first FROM ${S}.opportunity_stage_changes sc
                        WHERE sc.tenant = o.tenant AND sc.opportunity_id = o.opportunity_id
                          AND sc.stage_id NOT IN (SELECT stage_id FROM closing)
                        GROUP BY sc.stage_id) e) AS stages
         FROM ${S}.leads l
         LEFT JOIN ${S}.opportunities o
           ON o.tenant = l.tenant AND o.opportunity_id = l.opportunity_id
          AND ($4::text IS NULL OR o.pipeline_id = $4)
        WHERE l.tenant = $1 AND l.captured_at >= $2 AND l.captured_at < $3`,
      [tenant, window.start, window.end, pipelineId ?? null],
    );
    return rows.map((r) => ({
      group: r.grp ?? null,
      qualified: r.qualified,
      converted: r.converted,
      ...(r.deal_status ? { deal: { status: r.deal_status, stages: r.stages } } : {}),
    }));
  }
}
