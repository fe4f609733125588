/**
 * Warranty terms per product (months of cover from delivery, what is covered): plain settings,
 * not history, so a row per product in `aftersales.warranty_terms`. A product without terms has
 * no warranty (0 months). The months in force on the delivery day are written into the asset's
 * registration, so a later change of terms never rewrites an existing asset's cover.
 */
import type { Pool, PoolClient } from 'pg';
import { S } from '../infrastructure/read-model-part';

export interface WarrantyTerms {
  readonly productId: string;
  readonly months: number;
  readonly covers: string | null;
  readonly updatedAt: string;
}

export async function migrateWarrantyTerms(pool: Pool): Promise<void> {
  await pool.query(`CREATE SCHEMA IF NOT EXISTS ${S}`);
  await pool.query(`
    CREATE TABLE IF NOT EXISTS ${S}.warranty_terms (
      tenant text NOT NULL,
      product_id text NOT NULL,
      months int NOT NULL,
      covers text,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (tenant, product_id)
    )`);
}

interface TermsRow {
  product_id: string;
  months: number;
  covers: string | null;
  updated_at: Date;
}

const toTerms = (row: TermsRow): WarrantyTerms => ({
  productId: row.product_id,
  months: row.months,
  covers: row.covers,
  updatedAt: row.updated_at.toISOString(),
});

export async function readWarrantyTerms(
  db: Pool | PoolClient,
  tenant: string,
  productId: string,
): Promise<WarrantyTerms | undefined> {
  const { rows } = await db.query<TermsRow>(
    `SELECT product_id, months, covers, updated_at FROM ${S}.warranty_terms
      WHERE tenant = $1 AND product_id = $2`,
    [tenant, productId],
  );
  return rows[0] && toTerms(rows[0]);
}

/** The months of cover a unit of `productId` delivered now gets; 0 without terms. */
export async function warrantyMonthsOf(
  db: Pool | PoolClient,
  tenant: string,
  productId: string,
): Promise<number> {
  return (await readWarrantyTerms(db, tenant, productId))?.months ?? 0;
}

export async function writeWarrantyTerms(
  pool: Pool,
  tenant: string,
  terms: { productId: string; months: number; covers: string | null },
  at: Date,
): Promise<WarrantyTerms> {
  const { rows } = await pool.query<TermsRow>(
    `INSERT INTO ${S}.warranty_terms (tenant, product_id, months, covers, updated_at)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (tenant, product_id) DO UPDATE
       SET months = EXCLUDED.months, covers = EXCLUDED.covers, updated_at = EXCLUDED.updated_at
     RETURNING product_id, months, covers, updated_at`,
    [tenant, terms.productId, terms.months, terms.covers, at.toISOString()],
  );
  return toTerms(rows[0]);
}
