/**
 * The basket fit's outputs, written only by the fit job (each fit replaces the tenant's rows in
 * the transaction that appends its model_fits version, so a reader sees one whole fit):
 * - basket_rules: the rules of the current fit per level (product, family), `rank` in offer
 *   order (lift, confidence, count, shorter antecedent, ids: models/basket compareRules);
 * - basket_offers: per customer the next best offers (products they do not hold) of the current
 *   fit, with the rule that produced each. A person's rows: an erasure deletes them with the
 *   person's other rows (ingest/person-history.ts); a merged-away duplicate's go with the next
 *   fit and are never read before (the reads join record_marks).
 */
import { inTransaction } from '@crm/event-sourcing';
import type { Pool } from 'pg';
import { S } from '../infrastructure/schema';

export const BASKET_DDL = `
CREATE SCHEMA IF NOT EXISTS ${S};
CREATE TABLE IF NOT EXISTS ${S}.basket_rules (
  tenant text NOT NULL,
  level text NOT NULL CHECK (level IN ('product', 'family')),
  rank integer NOT NULL,
  fit_version integer NOT NULL,
  antecedent text[] NOT NULL,
  consequent text NOT NULL,
  count integer NOT NULL,
  support double precision NOT NULL,
  confidence double precision NOT NULL,
  coverage double precision NOT NULL,
  lift double precision NOT NULL,
  leverage double precision NOT NULL,
  conviction double precision,
  PRIMARY KEY (tenant, level, rank)
);
CREATE INDEX IF NOT EXISTS basket_rules_single_antecedent
  ON ${S}.basket_rules (tenant, level, (antecedent[1])) WHERE cardinality(antecedent) = 1;
CREATE TABLE IF NOT EXISTS ${S}.basket_offers (
  tenant text NOT NULL,
  contact_id text NOT NULL,
  rank integer NOT NULL,
  fit_version integer NOT NULL,
  product_id text NOT NULL,
  antecedent text[] NOT NULL,
  confidence double precision NOT NULL,
  lift double precision NOT NULL,
  PRIMARY KEY (tenant, contact_id, rank)
);`;

export async function migrateBasket(pool: Pool): Promise<void> {
  await inTransaction(pool, async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('crm.analytics.basket-migrate'))`);
    await tx.query(BASKET_DDL);
  });
}
