/**
 * The audience tables fed by crm.analytics.v1, created at start-up right after the other
 * audience tables (audience.module.ts: the trigger below is on audience_contacts):
 *
 * - audience_scores: per contact and model name (analytics-model-name.ts) the newest score and
 *   its scoredAt. It decides "newer than the score held" per model, and it keeps a score that
 *   arrives before the contact: audience_contacts.scores is the copy the rules read, written
 *   when the contact row exists, and filled from here by a BEFORE INSERT trigger when the row
 *   appears later (a registration, a state, or any first fact about the contact), so no
 *   consumer of contacts needs to know about analytics.
 * - audience_recommendations: per contact and model name the latest list of product ids, best
 *   first, and its producedAt (for next-best-offer campaigns, part 2).
 *
 * Both are keyed by contact id and deleted with the person (purchase-history.ts deletePerson).
 */
import { inTransaction } from '@crm/event-sourcing';
import type { Pool } from 'pg';
import { S } from '../infrastructure/read-model-part';

export const ANALYTICS_AUDIENCE_DDL = `
CREATE TABLE IF NOT EXISTS ${S}.audience_scores (
  tenant text NOT NULL,
  contact_id text NOT NULL,
  model text NOT NULL,
  score double precision NOT NULL,
  scored_at timestamptz NOT NULL,
  PRIMARY KEY (tenant, contact_id, model)
);
CREATE TABLE IF NOT EXISTS ${S}.audience_recommendations (
  tenant text NOT NULL,
  contact_id text NOT NULL,
  model text NOT NULL,
  product_ids text[] NOT NULL,
  produced_at timestamptz NOT NULL,
  PRIMARY KEY (tenant, contact_id, model)
);
CREATE OR REPLACE FUNCTION ${S}.audience_contact_takes_scores() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.scores := coalesce(NEW.scores, '{}'::jsonb) || coalesce(
    (SELECT jsonb_object_agg(s.model, s.score) FROM ${S}.audience_scores s
      WHERE s.tenant = NEW.tenant AND s.contact_id = NEW.contact_id),
    '{}'::jsonb);
  RETURN NEW;
END $$;
CREATE OR REPLACE TRIGGER audience_contact_takes_scores
  BEFORE INSERT ON ${S}.audience_contacts
  FOR EACH ROW EXECUTE FUNCTION ${S}.audience_contact_takes_scores();
`;

/** Idempotent; under a lock of its own, so replicas starting together do not race on the DDL. */
export async function migrateAnalyticsAudienceTables(pool: Pool): Promise<void> {
  await inTransaction(pool, async (tx) => {
    await tx.query(
      `SELECT pg_advisory_xact_lock(hashtext('crm.campaigns.audience-analytics-migrate'))`,
    );
    await tx.query(ANALYTICS_AUDIENCE_DDL);
  });
}
