/**
 * crm.campaigns.v1 into analytics: campaigns (name, channel, launch), one row per message with
 * when it was sent, first opened, first clicked (and how often) and unsubscribed, and segment
 * memberships. Message facts are idempotent by nature (first times, the inbox guards the click
 * count), so they apply in any order; a recipient merged away is filed under the survivor, an
 * erased one is not kept. Every message fact refreshes the recipient's engagement counters.
 * Campaigns publishes no variant yet: `variant` stays null until it does.
 */
import * as C from '@crm/contracts';
import type { ReceivedIntegrationEvent } from '@crm/messaging';
import { Controller } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import type { PoolClient } from 'pg';
import { S } from '../infrastructure/schema';
import { refreshCustomerStats } from './customer-stats';
import { INGEST_CONSUMER } from './ingest-consumer';
import { ownerOf } from './record-marks';
import { lockRecords } from './record-locks';

interface MessageFact {
  readonly messageId: string;
  readonly campaignId?: string | null;
  readonly contactId: string;
  readonly channel?: string;
}

/** Which message column a fact sets (first time wins), and its time member. */
const MESSAGE_FACTS: Record<string, { column: string; at: string }> = {
  [C.MessageSent.type]: { column: 'sent_at', at: 'sentAt' },
  [C.MessageOpened.type]: { column: 'opened_at', at: 'openedAt' },
  [C.MessageClicked.type]: { column: 'clicked_at', at: 'clickedAt' },
  [C.ContactUnsubscribed.type]: { column: 'unsubscribed_at', at: 'unsubscribedAt' },
};

@Controller()
export class CampaignsIngestConsumer {
  @EventPattern(C.CampaignLaunched.type, INGEST_CONSUMER)
  async launched(
    event: ReceivedIntegrationEvent<{
      campaignId: string;
      name: string;
      channel: string;
      launchedAt: string;
    }>,
    tx: PoolClient,
  ) {
    const d = event.data;
    await tx.query(
      `INSERT INTO ${S}.campaigns (tenant, campaign_id, name, channel, launched_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant, campaign_id) DO UPDATE SET name = EXCLUDED.name, channel = EXCLUDED.channel,
         launched_at = EXCLUDED.launched_at`,
      [event.tenant, d.campaignId, d.name, d.channel, d.launchedAt],
    );
  }

  @EventPattern(Object.keys(MESSAGE_FACTS), INGEST_CONSUMER)
  async message(event: ReceivedIntegrationEvent<MessageFact>, tx: PoolClient) {
    const d = event.data;
    const tenant = event.tenant;
    const fact = MESSAGE_FACTS[event.type];
    const at = (d as unknown as Record<string, string>)[fact.at];
    await lockRecords(tx, 'message', tenant, [d.messageId]);
    await lockRecords(tx, 'contact', tenant, [d.contactId]);
    const recipient = await ownerOf(tx, tenant, d.contactId);
    if (!recipient) return;
    const clicks = event.type === C.MessageClicked.type ? 1 : 0;
    await tx.query(
      `INSERT INTO ${S}.campaign_messages AS m (tenant, message_id, campaign_id, contact_id, channel, ${fact.column}, clicks)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (tenant, message_id) DO UPDATE SET
         campaign_id = coalesce(m.campaign_id, EXCLUDED.campaign_id),
         channel = coalesce(m.channel, EXCLUDED.channel),
         ${fact.column} = least(m.${fact.column}, EXCLUDED.${fact.column}),
         clicks = m.clicks + EXCLUDED.clicks`,
      [tenant, d.messageId, d.campaignId ?? null, recipient, d.channel ?? null, at, clicks],
    );
    await refreshCustomerStats(tx, tenant, [recipient]);
  }

  @EventPattern([C.SegmentMemberJoined.type, C.SegmentMemberLeft.type], INGEST_CONSUMER)
  async membership(
    event: ReceivedIntegrationEvent<C.SegmentMemberJoinedV1 & C.SegmentMemberLeftV1>,
    tx: PoolClient,
  ) {
    const d = event.data;
    const tenant = event.tenant;
    await lockRecords(tx, 'contact', tenant, [d.contactId]);
    // Campaigns itself takes merged-away and erased people out; their rows are not kept here.
    if ((await ownerOf(tx, tenant, d.contactId)) !== d.contactId) return;
    const joined = event.type === C.SegmentMemberJoined.type;
    // Keyed by segment and contact: the newest fact wins (joined_at/left_at say which is newer).
    await tx.query(
      `INSERT INTO ${S}.segment_memberships AS s (tenant, segment_id, contact_id, segment_name, joined_at, left_at, left_reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (tenant, segment_id, contact_id) DO UPDATE SET
         segment_name = coalesce(EXCLUDED.segment_name, s.segment_name),
         joined_at = CASE WHEN $8 THEN greatest(s.joined_at, EXCLUDED.joined_at) ELSE s.joined_at END,
         left_at = CASE WHEN $8 THEN s.left_at ELSE greatest(s.left_at, EXCLUDED.left_at) END,
         left_reason = CASE WHEN $8 OR EXCLUDED.left_at < s.left_at THEN s.left_reason
                            ELSE EXCLUDED.left_reason END`,
      [
        tenant,
        d.segmentId,
        d.contactId,
        d.segmentName ?? null,
        joined ? d.joinedAt : null,
        joined ? null : d.leftAt,
        joined ? null : d.reason,
        joined,
      ],
    );
  }
}
