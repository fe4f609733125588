/**
 * The after-sales facts the service KPIs read (crm.aftersales.v1, consumer group
 * `analytics.aftersales`): one row per asset (its product, for MTBF per product; no owner, so
 * it is not personal) and one row per case (its times, codes, SLA breaches and rating). A case
 * row names its contact, so an erasure deletes it (ingest/person-history.ts).
 */
import { inTransaction } from '@crm/event-sourcing';
import type { Pool } from 'pg';
import { S } from '../infrastructure/schema';

export const SERVICE_FACTS_DDL = `
CREATE SCHEMA IF NOT EXISTS ${S};
CREATE TABLE IF NOT EXISTS ${S}.service_assets (
  tenant text NOT NULL,
  asset_id text NOT NULL,
  product_id text,
  registered_at timestamptz,
  PRIMARY KEY (tenant, asset_id)
);
CREATE TABLE IF NOT EXISTS ${S}.service_cases (
  tenant text NOT NULL,
  case_id text NOT NULL,
  contact_id text NOT NULL,
  asset_id text,
  channel text,
  category text,
  priority text,
  opened_at timestamptz,
  first_resolved_at timestamptz,
  resolved_at timestamptz,
  resolution_code text,
  failure boolean,
  coverage text,
  first_reopened_at timestamptz,
  reopened_at timestamptz,
  satisfaction smallint,
  satisfaction_at timestamptz,
  first_response_breached_at timestamptz,
  resolution_breached_at timestamptz,
  PRIMARY KEY (tenant, case_id)
);
CREATE INDEX IF NOT EXISTS service_cases_opened ON ${S}.service_cases (tenant, opened_at);
CREATE INDEX IF NOT EXISTS service_cases_contact ON ${S}.service_cases (tenant, contact_id);`;

/** Under one advisory lock: replicas starting together race on IF NOT EXISTS. */
export async function migrateServiceFacts(pool: Pool): Promise<void> {
  await inTransaction(pool, async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('crm.analytics.service-facts-migrate'))`);
    await tx.query(SERVICE_FACTS_DDL);
  });
}
