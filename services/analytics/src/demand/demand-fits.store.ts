/**
 * Demand fits in analytics.model_fits (the table customer-value creates; kind `demand`): the job
 * appends a version, a request reads the newest. Its own statements because the customer-value
 * store is typed to the lifetime-value row.
 */
import type { Pool, PoolClient } from 'pg';
import { S } from '../infrastructure/schema';
import { DEMAND_KIND, type DemandFit } from './demand-fit';

export interface StoredDemandFit extends DemandFit {
  readonly version: number;
  readonly fittedAt: Date;
  readonly dataUpTo: Date | null;
}

/** Appends the next version for the tenant; call inside the job's per-tenant lock. */
export async function appendDemandFit(
  client: PoolClient,
  tenant: string,
  fittedAt: Date,
  dataUpTo: Date | null,
  fit: DemandFit,
): Promise<number> {
  const { rows } = await client.query<{ version: number }>(
    `INSERT INTO ${S}.model_fits (tenant, kind, version, fitted_at, data_up_to, status, reason, parameters, quality)
     SELECT $1, $2, COALESCE(MAX(version), 0) + 1, $3, $4, $5, $6, $7, $8
       FROM ${S}.model_fits WHERE tenant = $1 AND kind = $2
     RETURNING version`,
    [
      tenant,
      DEMAND_KIND,
      fittedAt.toISOString(),
      dataUpTo?.toISOString() ?? null,
      fit.status,
      fit.reason,
      fit.parameters ? JSON.stringify(fit.parameters) : null,
      JSON.stringify(fit.quality),
    ],
  );
  return rows[0].version;
}

/** The newest demand fit of the tenant, or undefined before the job's first run for it. */
export async function currentDemandFit(
  pool: Pick<Pool, 'query'>,
  tenant: string,
): Promise<StoredDemandFit | undefined> {
  const { rows } = await pool.query(
    `SELECT version, fitted_at, data_up_to, status, reason, parameters, quality
       FROM ${S}.model_fits WHERE tenant = $1 AND kind = $2 ORDER BY version DESC LIMIT 1`,
    [tenant, DEMAND_KIND],
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    version: r.version,
    fittedAt: r.fitted_at,
    dataUpTo: r.data_up_to,
    status: r.status,
    reason: r.reason,
    parameters: r.parameters,
    quality: r.quality,
  };
}
