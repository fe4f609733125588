/**
 * analytics.model_fits: one row per fit version (tenant, kind, version). Written only by the fit
 * job; the reports and the customer summary read the newest version, never fit on a request.
 */
import { inTransaction } from '@crm/event-sourcing';
import type { Pool } from 'pg';
import { S } from '../infrastructure/schema';

export const MODEL_FITS_DDL = `
CREATE SCHEMA IF NOT EXISTS ${S};
CREATE TABLE IF NOT EXISTS ${S}.model_fits (
  tenant text NOT NULL,
  kind text NOT NULL,
  version integer NOT NULL,
  fitted_at timestamptz NOT NULL,
  data_up_to timestamptz,
  status text NOT NULL CHECK (status IN ('fitted', 'insufficient-data')),
  reason text,
  parameters jsonb,
  quality jsonb NOT NULL,
  PRIMARY KEY (tenant, kind, version)
);`;

/** Creates the table under one advisory lock (replicas starting together race on IF NOT EXISTS). */
export async function migrateModelFits(pool: Pool): Promise<void> {
  await inTransaction(pool, async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('crm.analytics.model-fits-migrate'))`);
    await tx.query(MODEL_FITS_DDL);
  });
}
