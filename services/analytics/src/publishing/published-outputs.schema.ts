/**
 * analytics.published_outputs: per (tenant, kind, model name, contact) the value last appended to
 * its stream and that stream's version. It spares the publisher one stream read per contact when
 * it decides what changed; the log stays the truth (a version that disagrees is re-read from it).
 * Rows of an erased contact go with the erasure (ingest/person-history.ts), and the publisher
 * deletes any gone contact's rows too (nothing kept about an erased person).
 */
import { inTransaction } from '@crm/event-sourcing';
import type { Pool } from 'pg';
import { S } from '../infrastructure/schema';

export const PUBLISHED_OUTPUTS_DDL = `
CREATE SCHEMA IF NOT EXISTS ${S};
CREATE TABLE IF NOT EXISTS ${S}.published_outputs (
  tenant text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('recommendations', 'scores')),
  model_name text NOT NULL,
  contact_id text NOT NULL,
  model text NOT NULL,
  value jsonb NOT NULL,
  stream_version integer NOT NULL,
  published_at timestamptz NOT NULL,
  PRIMARY KEY (tenant, kind, model_name, contact_id)
);`;

export async function migratePublishedOutputs(pool: Pool): Promise<void> {
  await inTransaction(pool, async (tx) => {
    await tx.query(
      `SELECT pg_advisory_xact_lock(hashtext('crm.analytics.published-outputs-migrate'))`,
    );
    await tx.query(PUBLISHED_OUTPUTS_DDL);
  });
}
