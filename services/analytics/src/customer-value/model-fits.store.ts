/** Reads and appends versions of analytics.model_fits. */
import type { Pool, PoolClient } from 'pg';
import { S } from '../infrastructure/schema';
import type { LifetimeValueFit } from './lifetime-value-fit';

export interface StoredFit extends LifetimeValueFit {
  readonly tenant: string;
  readonly kind: string;
  readonly version: number;
  readonly fittedAt: Date;
  readonly dataUpTo: Date | null;
}

/** Appends the next version of (tenant, kind); call inside the job's per-tenant lock. */
export async function appendFit(
  client: PoolClient,
  tenant: string,
  kind: string,
  fittedAt: Date,
  dataUpTo: Date | null,
  fit: LifetimeValueFit,
): Promise<number> {
  const { rows } = await client.query<{ version: number }>(
    `INSERT INTO ${S}.model_fits (tenant, kind, version, fitted_at, data_up_to, status, reason, parameters, quality)
     SELECT $1, $2, COALESCE(MAX(version), 0) + 1, $3, $4, $5, $6, $7, $8
       FROM ${S}.model_fits WHERE tenant = $1 AND kind = $2
     RETURNING version`,
    [
      tenant,
      kind,
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

/** The newest version of (tenant, kind), or undefined when the job has not run for it. */
export async function currentFit(
  pool: Pick<Pool, 'query'>,
  tenant: string,
  kind: string,
): Promise<StoredFit | undefined> {
  const { rows } = await pool.query(
    `SELECT * FROM ${S}.model_fits WHERE tenant = $1 AND kind = $2 ORDER BY version DESC LIMIT 1`,
    [tenant, kind],
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    tenant: r.tenant,
    kind: r.kind,
    version: r.version,
    fittedAt: r.fitted_at,
    dataUpTo: r.data_up_to,
    status: r.status,
    reason: r.reason,
    parameters: r.parameters,
    quality: r.quality,
  };
}
