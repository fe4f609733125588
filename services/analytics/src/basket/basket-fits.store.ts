/**
 * Basket fits in analytics.model_fits (the table customer-value creates; kind `basket`): the job
 * appends a version, a request reads the newest. Its own statements because the customer-value
 * store is typed to the lifetime-value row.
 */
import type { Pool, PoolClient } from 'pg';
import { S } from '../infrastructure/schema';
import type { BasketThresholds } from './basket.config';

export const BASKET_KIND = 'basket';

export interface BasketFitQuality {
  /** Standing orders mined. */
  readonly baskets: number;
  readonly product: LevelQuality | null;
  readonly family: LevelQuality | null;
  /** Customers holding products, and how many of them got an offer. */
  readonly customers: number;
  readonly customersWithOffers: number;
  readonly mineSeconds: number;
}

export interface LevelQuality {
  readonly distinctItems: number;
  readonly minCount: number;
  readonly frequentItemsets: number;
  readonly rules: number;
}

export interface BasketFit {
  readonly status: 'fitted' | 'insufficient-data';
  readonly reason: string | null;
  /** The thresholds the stored rules were mined with (null when insufficient). */
  readonly parameters: (BasketThresholds & { readonly algorithm: 'fp-growth' }) | null;
  readonly quality: BasketFitQuality;
}

export interface StoredBasketFit extends BasketFit {
  readonly version: number;
  readonly fittedAt: Date;
  readonly dataUpTo: Date | null;
}

/** Appends the next version for the tenant; call inside the job's per-tenant lock. */
export async function appendBasketFit(
  client: PoolClient,
  tenant: string,
  fittedAt: Date,
  dataUpTo: Date | null,
  fit: BasketFit,
): Promise<number> {
  const { rows } = await client.query<{ version: number }>(
    `INSERT INTO ${S}.model_fits (tenant, kind, version, fitted_at, data_up_to, status, reason, parameters, quality)
     SELECT $1, $2, COALESCE(MAX(version), 0) + 1, $3, $4, $5, $6, $7, $8
       FROM ${S}.model_fits WHERE tenant = $1 AND kind = $2
     RETURNING version`,
    [
      tenant,
      BASKET_KIND,
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

/** The newest basket fit of the tenant, or undefined before the first. */
export async function currentBasketFit(
  db: Pick<Pool, 'query'>,
  tenant: string,
): Promise<StoredBasketFit | undefined> {
  const { rows } = await db.query(
    `SELECT version, fitted_at, data_up_to, status, reason, parameters, quality
       FROM ${S}.model_fits WHERE tenant = $1 AND kind = $2 ORDER BY version DESC LIMIT 1`,
    [tenant, BASKET_KIND],
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
