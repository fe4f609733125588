/**
 * The send ledger's read models, one part of the service projection:
 * - `campaign_messages`: one row per message (who, which campaign/step/variant, where it stands,
 *   its opens and clicks); the message lists and the frequency cap read it;
 * - `campaign_variant_counts` (the campaign part's table): sent, opened and clicked per variant,
 *   unique counts that count in the rates only (bots and scanners are recorded, not counted);
 * - `suppressions` (suppression-list.ts): hard bounces, complaints, unsubscribes, and a contact
 *   with three soft bounces on a channel.
 */
import { handlersFor, idOfStream, type ProjectionHandler } from '@crm/event-sourcing';
import type { PoolClient } from 'pg';
import { S, type ReadModelPart } from '../infrastructure/read-model-part';
import type { MessageEvent } from './message.events';
import { suppress, SOFT_BOUNCES_TO_SUPPRESS } from './suppression-list';

const apply: ProjectionHandler = async (recorded, tx: PoolClient) => {
  const event = { type: recorded.type, data: recorded.data } as MessageEvent;
  const tenant = recorded.tenant;
  const messageId = idOfStream(recorded.streamId);
  const d = event.data;
  const q = (sql: string, params: unknown[]) => tx.query(sql, [tenant, messageId, ...params]);
  const bump = (column: 'sent' | 'opened' | 'clicked') =>
    tx.query(
      `UPDATE ${S}.campaign_variant_counts SET ${column} = ${column} + 1
        WHERE tenant = $1 AND campaign_id = $2
          AND variant_id = (SELECT variant_id FROM ${S}.campaign_messages
                             WHERE tenant = $1 AND message_id = $3)`,
      [tenant, d.campaignId, messageId],
    );
  switch (event.type) {
    case 'MessageDispatched':
    case 'MessageSkipped': {
      const e = event.data;
      const skipped = event.type === 'MessageSkipped';
      await q(
        `INSERT INTO ${S}.campaign_messages (tenant, message_id, campaign_id, contact_id, step,
            variant_id, channel, product_id, status, skip_reason, attempts, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)
         ON CONFLICT (tenant, message_id) DO NOTHING`,
        [
          e.campaignId,
          e.contactId,
          e.step,
          e.variantId,
          e.channel,
          event.type === 'MessageDispatched' ? (event.data.productId ?? null) : null,
          skipped ? 'skipped' : 'dispatched',
          skipped ? event.data.reason : null,
          skipped ? 0 : 1,
          e.at,
        ],
      );
      return;
    }
    case 'MessageSent':
      await q(
        `UPDATE ${S}.campaign_messages SET status = 'sent', sent_at = $3, provider_message_id = $4,
            retry_at = NULL, updated_at = $3 WHERE tenant = $1 AND message_id = $2`,
        [event.data.at, event.data.providerMessageId],
      );
      await bump('sent');
      return;
    case 'MessageRejected':
      await q(
        `UPDATE ${S}.campaign_messages SET status = 'rejected', outcome_code = $4, outcome_text = $5,
            permanent = $6, retry_at = NULL, updated_at = $3 WHERE tenant = $1 AND message_id = $2`,
        [event.data.at, event.data.code, event.data.text.slice(0, 500), event.data.permanent],
      );
      return;
    case 'MessageDeferred':
      await q(
        `UPDATE ${S}.campaign_messages SET status = 'deferred', outcome_code = $4, outcome_text = $5,
            retry_at = $6, updated_at = $3 WHERE tenant = $1 AND message_id = $2`,
        [event.data.at, event.data.code, event.data.text.slice(0, 500), event.data.retryAt],
      );
      return;
    case 'MessageRedispatched':
      await q(
        `UPDATE ${S}.campaign_messages SET status = 'dispatched', attempts = $4, retry_at = NULL,
            updated_at = $3 WHERE tenant = $1 AND message_id = $2`,
        [event.data.at, event.data.attempt],
      );
      return;
    case 'MessageOutcomeUnknown':
      await q(
        `UPDATE ${S}.campaign_messages SET status = 'unknown', outcome_text = $4, updated_at = $3
          WHERE tenant = $1 AND message_id = $2`,
        [event.data.at, event.data.reason.slice(0, 500)],
      );
      return;
    case 'MessageOpened':
      await q(
        `UPDATE ${S}.campaign_messages SET opens = opens + 1,
            first_opened_at = CASE WHEN $4 THEN coalesce(first_opened_at, $3) ELSE first_opened_at END
          WHERE tenant = $1 AND message_id = $2`,
        [event.data.at, event.data.countsInRates],
      );
      if (event.data.first) await bump('opened');
      return;
    case 'MessageClicked':
      await q(
        `UPDATE ${S}.campaign_messages SET clicks = clicks + 1,
            first_clicked_at = CASE WHEN $4 THEN coalesce(first_clicked_at, $3) ELSE first_clicked_at END
          WHERE tenant = $1 AND message_id = $2`,
        [event.data.at, event.data.countsInRates],
      );
      if (event.data.first) await bump('clicked');
      return;
    case 'MessageUnsubscribed':
      await q(
        `UPDATE ${S}.campaign_messages SET unsubscribed_at = coalesce(unsubscribed_at, $3)
          WHERE tenant = $1 AND message_id = $2`,
        [event.data.at],
      );
      await suppress(tx, tenant, d.channel, d.contactId, 'unsubscribe', event.data.at);
      return;
    case 'MessageComplained':
      await q(
        `UPDATE ${S}.campaign_messages SET complained_at = coalesce(complained_at, $3)
          WHERE tenant = $1 AND message_id = $2`,
        [event.data.at],
      );
      await suppress(tx, tenant, d.channel, d.contactId, 'complaint', event.data.at);
      return;
    case 'MessageBounced': {
      await q(
        `UPDATE ${S}.campaign_messages SET bounced = CASE WHEN $4 = 'hard' THEN 'hard'
            ELSE coalesce(bounced, 'soft') END, bounced_at = $3
          WHERE tenant = $1 AND message_id = $2`,
        [event.data.at, event.data.kind],
      );
      if (event.data.kind === 'hard') {
        await suppress(tx, tenant, d.channel, d.contactId, 'hard-bounce', event.data.at);
        return;
      }
      const { rows } = await tx.query<{ soft: number }>(
        `INSERT INTO ${S}.suppression_soft_bounces (tenant, channel, contact_id, soft)
         VALUES ($1, $2, $3, 1)
         ON CONFLICT (tenant, channel, contact_id) DO UPDATE SET soft = suppression_soft_bounces.soft + 1
         RETURNING soft`,
        [tenant, d.channel, d.contactId],
      );
      if (rows[0]!.soft >= SOFT_BOUNCES_TO_SUPPRESS)
        await suppress(tx, tenant, d.channel, d.contactId, 'soft-bounces', event.data.at);
      return;
    }
  }
};

export const campaignMessagesPart: ReadModelPart = {
  ddl: `
    CREATE TABLE IF NOT EXISTS ${S}.campaign_messages (
      tenant text NOT NULL,
      message_id text NOT NULL,
      campaign_id text NOT NULL,
      contact_id text NOT NULL,
      step text NOT NULL,
      variant_id text NOT NULL,
      channel text NOT NULL,
      product_id text,
      status text NOT NULL,
      skip_reason text,
      attempts int NOT NULL DEFAULT 0,
      retry_at timestamptz,
      provider_message_id text,
      outcome_code text,
      outcome_text text,
      permanent boolean,
      sent_at timestamptz,
      opens int NOT NULL DEFAULT 0,
      clicks int NOT NULL DEFAULT 0,
      first_opened_at timestamptz,
      first_clicked_at timestamptz,
      unsubscribed_at timestamptz,
      complained_at timestamptz,
      bounced text,
      bounced_at timestamptz,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (tenant, message_id)
    );
    CREATE INDEX IF NOT EXISTS campaign_messages_by_contact
      ON ${S}.campaign_messages (tenant, contact_id, created_at DESC, message_id DESC);
    CREATE INDEX IF NOT EXISTS campaign_messages_by_campaign
      ON ${S}.campaign_messages (tenant, campaign_id, status, created_at DESC, message_id DESC);
    CREATE INDEX IF NOT EXISTS campaign_messages_sent_by_contact
      ON ${S}.campaign_messages (tenant, contact_id, sent_at) WHERE sent_at IS NOT NULL;
    CREATE INDEX IF NOT EXISTS campaign_messages_in_flight
      ON ${S}.campaign_messages (updated_at) WHERE status IN ('dispatched', 'deferred');
    -- The bounce webhook knows a message by its id alone (no tenant in the provider's report).
    CREATE INDEX IF NOT EXISTS campaign_messages_by_message_id
      ON ${S}.campaign_messages (message_id);
    CREATE TABLE IF NOT EXISTS ${S}.suppressions (
      tenant text NOT NULL,
      channel text NOT NULL,
      contact_id text NOT NULL,
      reason text NOT NULL,
      at timestamptz NOT NULL,
      PRIMARY KEY (tenant, channel, contact_id)
    );
    CREATE TABLE IF NOT EXISTS ${S}.suppression_soft_bounces (
      tenant text NOT NULL,
      channel text NOT NULL,
      contact_id text NOT NULL,
      soft int NOT NULL,
      PRIMARY KEY (tenant, channel, contact_id)
    );`,
  tables: ['campaign_messages', 'suppressions', 'suppression_soft_bounces'],
  handlers: handlersFor<MessageEvent>(
    {
      MessageDispatched: true,
      MessageSkipped: true,
      MessageSent: true,
      MessageRejected: true,
      MessageDeferred: true,
      MessageRedispatched: true,
      MessageOutcomeUnknown: true,
      MessageOpened: true,
      MessageClicked: true,
      MessageUnsubscribed: true,
      MessageBounced: true,
      MessageComplained: true,
    },
    apply,
  ),
};
