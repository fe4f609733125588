import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { S } from '../infrastructure/read-model-part';
import type { Stage } from './pipeline.events';
import type { BoardDto, PipelineDto } from './pipeline.dto';

const DEALS_PER_STAGE = 100;

@Injectable()
export class PipelineBoardQuery {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async list(tenant: string): Promise<PipelineDto[]> {
    const { rows } = await this.pool.query(
      `SELECT pipeline_id, name, stages, version FROM ${S}.pipelines WHERE tenant = $1 ORDER BY name`,
      [tenant],
    );
    return rows.map((r) => ({
      id: r.pipeline_id,
      name: r.name,
      stages: r.stages,
      version: r.version,
    }));
  }

  async get(tenant: string, pipelineId: string): Promise<PipelineDto | undefined> {
    return (await this.list(tenant)).find((p) => p.id === pipelineId);
  }

  /** Deals per stage with counts and sums (exact: bigint/numeric in SQL, per currency). */
  async board(tenant: string, pipelineId: string): Promise<BoardDto | undefined> {
    const pipeline = await this.get(tenant, pipelineId);
    if (!pipeline) return undefined;
    const sums = await this.pool.query(
      `SELECT stage_id, currency, count(*)::int AS count, sum(amount_minor)::text AS amount,
              sum(round(amount_minor::numeric * probability / 100))::text AS weighted
       FROM ${S}.deals WHERE tenant = $1 AND pipeline_id = $2 GROUP BY stage_id, currency`,
      [tenant, pipelineId],
    );
    const deals = await this.pool.query(
      `SELECT * FROM (
         SELECT d.*, c.display_name AS contact_name, co.name AS company_name,
                row_number() OVER (PARTITION BY d.stage_id ORDER BY d.amount_minor DESC, d.opportunity_id) AS rank
         FROM ${S}.deals d
         LEFT JOIN ${S}.contact_directory c ON c.tenant = d.tenant AND c.contact_id = d.contact_id
         LEFT JOIN ${S}.company_directory co ON co.tenant = d.tenant AND co.company_id = d.company_id
         WHERE d.tenant = $1 AND d.pipeline_id = $2) ranked
       WHERE rank <= ${DEALS_PER_STAGE} ORDER BY rank`,
      [tenant, pipelineId],
    );
    return {
      id: pipelineId,
      name: pipeline.name,
      stages: (pipeline.stages as Stage[]).map((stage) => {
        const mine = sums.rows.filter((r) => r.stage_id === stage.stageId);
        return {
          ...stage,
          count: mine.reduce((n, r) => n + r.count, 0),
          amountMinor: Object.fromEntries(mine.map((r) => [r.currency, Number(r.amount)])),
          weightedMinor: Object.fromEntries(mine.map((r) => [r.currency, Number(r.weighted)])),
          deals: deals.rows
            .filter((d) => d.stage_id === stage.stageId)
            .map((d) => ({
              id: d.opportunity_id,
              name: d.name,
              amountMinor: Number(d.amount_minor),
              currency: d.currency,
              probability: d.probability,
              ownerId: d.owner_id,
              contactId: d.contact_id,
              contactName: d.contact_name ?? null,
              companyId: d.company_id,
              companyName: d.company_name ?? null,
              closeDate: toDate(d.close_date),
            })),
        };
      }),
    };
  }
}

/** pg returns `date` as a local-midnight Date; format it back without a time-zone shift. */
export function toDate(value: Date | string): string {
  if (typeof value === 'string') return value.slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}
