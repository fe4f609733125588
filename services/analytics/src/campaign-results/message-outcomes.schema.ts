/**
 * analytics.campaign_message_outcomes: what the provider said about each message beyond "sent"
 * (crm.campaigns.v1 message.bounced / complained / outcome_unknown), for delivered and bounce
 * counts. Ids, kinds and times only (no contact id): an erased person's message keeps only this
 * anonymous outcome, and the report cannot place it in a segment.
 */
import { inTransaction } from '@crm/event-sourcing';
import type { Pool } from 'pg';
import { S } from '../infrastructure/schema';

export const MESSAGE_OUTCOMES_DDL = `
CREATE SCHEMA IF NOT EXISTS ${S};
CREATE TABLE IF NOT EXISTS ${S}.campaign_message_outcomes (
  tenant text NOT NULL,
  message_id text NOT NULL,
  campaign_id text,
  channel text,
  bounced_at timestamptz,
  bounce_kind text,
  complained_at timestamptz,
  outcome_unknown_at timestamptz,
  PRIMARY KEY (tenant, message_id)
);`;

/** Under one advisory lock: replicas starting together race on IF NOT EXISTS. */
export async function migrateMessageOutcomes(pool: Pool): Promise<void> {
  await inTransaction(pool, async (tx) => {
    await tx.query(
      `SELECT pg_advisory_xact_lock(hashtext('crm.analytics.message-outcomes-migrate'))`,
    );
    await tx.query(MESSAGE_OUTCOMES_DDL);
  });
}
