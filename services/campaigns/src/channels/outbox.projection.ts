/**
 * The capture outbox's table. It is not a read model: nothing in the log can rebuild it (the
 * capture channel writes it as a provider would receive the message), so it is created with the
 * read models but left out of `tables`, and a rebuild keeps it. Tenant-leading keys; newest
 * first per tenant, per recipient and per campaign.
 */
import { S, type ReadModelPart } from '../infrastructure/read-model-part';

export const OUTBOX_TABLE = `${S}.outbox_messages`;

export const outboxPart: ReadModelPart = {
  ddl: `
    CREATE TABLE IF NOT EXISTS ${OUTBOX_TABLE} (
      tenant text NOT NULL,
      message_id uuid NOT NULL,
      channel text NOT NULL CHECK (channel IN ('email', 'sms')),
      reference text NOT NULL,
      recipient text NOT NULL,
      sender text NOT NULL,
      subject text,
      campaign_id text,
      contact_id text,
      captured_at timestamptz NOT NULL,
      message jsonb NOT NULL,
      PRIMARY KEY (tenant, message_id),
      UNIQUE (tenant, channel, reference)
    );
    CREATE INDEX IF NOT EXISTS outbox_messages_newest
      ON ${OUTBOX_TABLE} (tenant, captured_at DESC, message_id DESC);
    CREATE INDEX IF NOT EXISTS outbox_messages_by_recipient
      ON ${OUTBOX_TABLE} (tenant, recipient, captured_at DESC, message_id DESC);
    CREATE INDEX IF NOT EXISTS outbox_messages_by_campaign
      ON ${OUTBOX_TABLE} (tenant, campaign_id, captured_at DESC, message_id DESC)
      WHERE campaign_id IS NOT NULL;`,
  tables: [],
  handlers: {},
};
