/**
 * The inputs of the reliability maths (reliability.ts) from the read models: the assets' lives
 * and the failures, i.e. resolved cases about an asset with a failure resolution code, on the
 * day they were resolved. Repair costs are not recorded yet, so the cost rule never fires.
 */
import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@crm/platform';
import type { CalendarDate } from '@crm/values';
import type { Pool } from 'pg';
import { FAILURE_RESOLUTION_CODES } from '../cases/case.events';
import { S } from '../infrastructure/read-model-part';
import type { AssetLife, FailureRecord } from './reliability';

const MAX_ASSETS = 20_000;

@Injectable()
export class ReliabilityQueries {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async assets(tenant: string, assetId?: string): Promise<AssetLife[]> {
    const { rows } = await this.pool.query<{
      asset_id: string;
      product_id: string;
      delivered_on: CalendarDate;
      retired_on: CalendarDate | null;
    }>(
      `SELECT asset_id, product_id, delivered_on, retired_on FROM ${S}.assets
        WHERE tenant = $1 AND ($2::text IS NULL OR asset_id = $2) ORDER BY asset_id LIMIT ${MAX_ASSETS}`,
      [tenant, assetId ?? null],
    );
    return rows.map((r) => ({
      assetId: r.asset_id,
      productId: r.product_id,
      deliveredOn: r.delivered_on,
      ...(r.retired_on ? { retiredOn: r.retired_on } : {}),
    }));
  }

  async failures(tenant: string, assetId?: string): Promise<FailureRecord[]> {
    const { rows } = await this.pool.query<{
      case_id: string;
      asset_id: string;
      product_id: string;
      on: CalendarDate;
    }>(
      `SELECT c.case_id, c.asset_id, a.product_id,
              to_char(c.resolved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS on
         FROM ${S}.cases c JOIN ${S}.assets a ON a.tenant = c.tenant AND a.asset_id = c.asset_id
        WHERE c.tenant = $1 AND c.resolved_at IS NOT NULL AND c.resolution_code = ANY($2::text[])
          AND ($3::text IS NULL OR c.asset_id = $3)`,
      [tenant, [...FAILURE_RESOLUTION_CODES], assetId ?? null],
    );
    return rows.map((r) => ({
      caseId: r.case_id,
      assetId: r.asset_id,
      productId: r.product_id,
      on: r.on,
    }));
  }
}
