/**
 * Maintenance plans per product: every N months or every N usage units (km, hours, cycles).
 * Plain settings in `aftersales.maintenance_plans` (a row per plan, keyed by the caller's id, so
 * a PUT is idempotent); every asset of the product follows each of its plans.
 */
import type { Pool } from 'pg';
import { S } from '../infrastructure/read-model-part';
import type { MaintenanceInterval } from './maintenance-schedule';

export interface MaintenancePlan {
  readonly planId: string;
  readonly productId: string;
  readonly name: string;
  readonly interval: MaintenanceInterval;
  readonly updatedAt: string;
}

interface PlanRow {
  plan_id: string;
  product_id: string;
  name: string;
  interval: MaintenanceInterval;
  updated_at: Date;
}

const toPlan = (row: PlanRow): MaintenancePlan => ({
  planId: row.plan_id,
  productId: row.product_id,
  name: row.name,
  interval: row.interval,
  updatedAt: row.updated_at.toISOString(),
});

/** More plans than this per tenant is not preventive maintenance but a data import gone wrong. */
export const MAX_PLANS = 1000;

export async function migrateMaintenancePlans(pool: Pool): Promise<void> {
  await pool.query(`CREATE SCHEMA IF NOT EXISTS ${S}`);
  await pool.query(`
    CREATE TABLE IF NOT EXISTS ${S}.maintenance_plans (
      tenant text NOT NULL,
      plan_id text NOT NULL,
      product_id text NOT NULL,
      name text NOT NULL,
      interval jsonb NOT NULL,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (tenant, plan_id)
    )`);
}

export async function writePlan(
  pool: Pool,
  tenant: string,
  plan: Omit<MaintenancePlan, 'updatedAt'>,
  at: Date,
): Promise<MaintenancePlan> {
  const { rows } = await pool.query<PlanRow>(
    `INSERT INTO ${S}.maintenance_plans (tenant, plan_id, product_id, name, interval, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (tenant, plan_id) DO UPDATE SET product_id = EXCLUDED.product_id,
       name = EXCLUDED.name, interval = EXCLUDED.interval, updated_at = EXCLUDED.updated_at
     RETURNING plan_id, product_id, name, interval, updated_at`,
    [
      tenant,
      plan.planId,
      plan.productId,
      plan.name,
      JSON.stringify(plan.interval),
      at.toISOString(),
    ],
  );
  return toPlan(rows[0]);
}

export async function readPlans(
  pool: Pool,
  tenant: string,
  productId?: string,
): Promise<MaintenancePlan[]> {
  const { rows } = await pool.query<PlanRow>(
    `SELECT plan_id, product_id, name, interval, updated_at FROM ${S}.maintenance_plans
      WHERE tenant = $1 AND ($2::text IS NULL OR product_id = $2)
      ORDER BY product_id, plan_id LIMIT ${MAX_PLANS}`,
    [tenant, productId ?? null],
  );
  return rows.map(toPlan);
}
