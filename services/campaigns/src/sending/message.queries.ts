/** Reads of campaign_messages: a person's message history and a campaign's messages, newest first. */
import { Inject, Injectable } from '@nestjs/common';
import { CursorCodec, PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { S } from '../infrastructure/read-model-part';
import { keysetList, type KeysetListSource } from '../shared/keyset-list';
import type { ListMessagesQuery, MessageDto, MessagePage } from './message.dto';

interface MessageRow {
  message_id: string;
  campaign_id: string;
  contact_id: string;
  step: string;
  variant_id: string;
  channel: string;
  product_id: string | null;
  status: MessageDto['status'];
  skip_reason: string | null;
  attempts: number;
  outcome_code: string | null;
  outcome_text: string | null;
  sent_at: Date | null;
  opens: number;
  clicks: number;
  first_opened_at: Date | null;
  first_clicked_at: Date | null;
  unsubscribed_at: Date | null;
  complained_at: Date | null;
  bounced: string | null;
  created_at: Date;
  updated_at: Date;
}

const LIST: KeysetListSource = {
  list: 'messages',
  columns: '*',
  from: `${S}.campaign_messages`,
  idColumn: 'message_id',
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function messageDto(r: MessageRow): MessageDto {
  return {
    id: r.message_id,
    campaignId: r.campaign_id,
    contactId: r.contact_id,
    step: r.step,
    variant: r.variant_id,
    channel: r.channel,
    productId: r.product_id,
    status: r.status,
    skipReason: r.skip_reason,
    attempts: r.attempts,
    outcomeCode: r.outcome_code,
    outcomeText: r.outcome_text,
    sentAt: iso(r.sent_at),
    opens: r.opens,
    clicks: r.clicks,
    firstOpenedAt: iso(r.first_opened_at),
    firstClickedAt: iso(r.first_clicked_at),
    unsubscribedAt: iso(r.unsubscribed_at),
    complainedAt: iso(r.complained_at),
    bounced: r.bounced,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

@Injectable()
export class MessageQueries {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly cursors: CursorCodec,
  ) {}

  ofContact(tenant: string, contactId: string, q: ListMessagesQuery): Promise<MessagePage> {
    const filters = { contact_id: contactId, status: q.status };
    return keysetList(this.pool, this.cursors, LIST, tenant, q, filters, messageDto);
  }

  ofCampaign(tenant: string, campaignId: string, q: ListMessagesQuery): Promise<MessagePage> {
    const filters = { campaign_id: campaignId, status: q.status };
    return keysetList(this.pool, this.cursors, LIST, tenant, q, filters, messageDto);
  }
}
