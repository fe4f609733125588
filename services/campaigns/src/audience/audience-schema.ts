/**
 * The audience's tables: the four the rules query (AUDIENCE_DDL, segments/rules) and those the
 * audience consumers keep beside them. Written by the consumers (crm.contacts.v1, crm.sales.v1
 * and their state topics), not by the projection: they do not come from this service's log, so
 * a projection rebuild must not empty them; they are created here, at start-up, before the
 * consumers join their group.
 *
 * - audience_contact_marks: per contact id, where its history stands: the last state applied
 *   (version and ce_time), the newest fact applied, and whether it is gone for good (merged away:
 *   `merged_into`; erased; or a tombstone). Only ids and flags, so it outlives an erasure and no
 *   late or replayed fact can revive the person.
 * - audience_orders gains the same marks for orders (state_version, state_at, fact_at).
 * - audience_products: family, sku and name per product, to fill product_family on lines.
 * - audience_contacts gains given_name and family_name (the templates' greeting; ADD COLUMN IF
 *   NOT EXISTS, so a database made before them upgrades in place).
 * - audience_companies: each company's name (contact.company.name in templates), from the company
 *   events and state topic; not personal data, so a contact's erasure leaves it.
 * - audience_changes: the queue of contacts whose audience record changed (drained by the
 *   membership re-evaluation); every change also runs NOTIFY campaigns_audience_changes.
 */
import { inTransaction } from '@crm/event-sourcing';
import type { Pool } from 'pg';
import { S } from '../infrastructure/read-model-part';
import { audienceDdl } from '../segments/rules/audience-tables';

export const AUDIENCE_CHANGES_CHANNEL = 'campaigns_audience_changes';

/** The consumer-owned tables (idempotent DDL), after AUDIENCE_DDL. */
export const AUDIENCE_CONSUMER_DDL = `
CREATE TABLE IF NOT EXISTS ${S}.audience_contact_marks (
  tenant text NOT NULL,
  contact_id text NOT NULL,
  state_version integer,
  state_at timestamptz,
  fact_at timestamptz,
  gone boolean NOT NULL DEFAULT false,
  erased boolean NOT NULL DEFAULT false,
  merged_into text,
  PRIMARY KEY (tenant, contact_id)
);
ALTER TABLE ${S}.audience_orders ADD COLUMN IF NOT EXISTS state_version integer,
  ADD COLUMN IF NOT EXISTS state_at timestamptz,
  ADD COLUMN IF NOT EXISTS fact_at timestamptz;
CREATE INDEX IF NOT EXISTS audience_order_lines_product
  ON ${S}.audience_order_lines (tenant, product_id);
CREATE TABLE IF NOT EXISTS ${S}.audience_products (
  tenant text NOT NULL,
  product_id text NOT NULL,
  family text,
  sku text,
  name text,
  state_version integer,
  state_at timestamptz,
  fact_at timestamptz,
  PRIMARY KEY (tenant, product_id)
);
ALTER TABLE ${S}.audience_contacts ADD COLUMN IF NOT EXISTS given_name text,
  ADD COLUMN IF NOT EXISTS family_name text;
CREATE TABLE IF NOT EXISTS ${S}.audience_companies (
  tenant text NOT NULL,
  company_id text NOT NULL,
  name text,
  status text NOT NULL DEFAULT 'active',
  gone boolean NOT NULL DEFAULT false,
  state_version integer,
  state_at timestamptz,
  fact_at timestamptz,
  PRIMARY KEY (tenant, company_id)
);
CREATE TABLE IF NOT EXISTS ${S}.audience_changes (
  tenant text NOT NULL,
  contact_id text NOT NULL,
  changed_at timestamptz NOT NULL,
  merged_into text NULL,
  erased boolean NOT NULL DEFAULT false,
  PRIMARY KEY (tenant, contact_id)
);
`;

/**
 * Creates every audience table, under one advisory lock so replicas starting together do not
 * race on CREATE IF NOT EXISTS (which is not safe concurrently in PostgreSQL).
 */
export async function migrateAudienceTables(pool: Pool): Promise<void> {
  await inTransaction(pool, async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('crm.campaigns.audience-migrate'))`);
    await tx.query(audienceDdl(S));
    await tx.query(AUDIENCE_CONSUMER_DDL);
  });
}
