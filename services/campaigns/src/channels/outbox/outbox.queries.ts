/** Reads of the capture outbox: pages newest first (keyset), one message in full. */
import { Inject, Injectable } from '@nestjs/common';
import { CursorCodec, KeysetPage, PG_POOL, type KeysetOrder } from '@crm/platform';
import type { Pool } from 'pg';
import type { CapturedContent } from '../capture/capture-channels';
import { OUTBOX_TABLE } from '../outbox.projection';
import type {
  ListOutboxQuery,
  OutboxChannel,
  OutboxMessageDto,
  OutboxMessageSummaryDto,
  OutboxPage,
} from './outbox.dto';

const NEWEST: KeysetOrder = {
  list: 'outbox:-capturedAt',
  column: 'captured_at',
  cast: 'timestamptz',
  idColumn: 'message_id',
  descending: true,
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface OutboxRow {
  message_id: string;
  channel: OutboxChannel;
  recipient: string;
  sender: string;
  subject: string | null;
  campaign_id: string | null;
  contact_id: string | null;
  reference: string;
  captured_at: Date;
  captured_text: string;
}
const COLUMNS = `message_id, channel, recipient, sender, subject, campaign_id, contact_id, reference,
                 captured_at, captured_at::text AS captured_text`;

@Injectable()
export class OutboxQueries {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly cursors: CursorCodec,
  ) {}

  async list(tenant: string, q: ListOutboxQuery): Promise<OutboxPage> {
    const params: unknown[] = [tenant];
    const where = ['tenant = $1'];
    const filter = (sql: string, value: unknown) => {
      params.push(value);
      where.push(`${sql} = $${params.length}`);
    };
    if (q.channel) filter('channel', q.channel);
    if (q.recipient) filter('recipient', canonicalRecipient(q.recipient));
    if (q.campaignId) filter('campaign_id', q.campaignId);
    const keyset = new KeysetPage(this.cursors, NEWEST, q);
    keyset.appendAfter(where, params);
    params.push(keyset.fetchLimit);
    const { rows } = await this.pool.query<OutboxRow>(
      `SELECT ${COLUMNS} FROM ${OUTBOX_TABLE} WHERE ${where.join(' AND ')}
        ORDER BY captured_at DESC, message_id DESC LIMIT $${params.length}`,
      params,
    );
    return keyset.page(rows, summaryOf, (last) => ({
      value: last.captured_text,
      id: last.message_id,
    }));
  }

  async get(tenant: string, id: string): Promise<OutboxMessageDto | undefined> {
    if (!UUID.test(id)) return undefined;
    const { rows } = await this.pool.query<OutboxRow & { message: CapturedContent }>(
      `SELECT ${COLUMNS}, message FROM ${OUTBOX_TABLE} WHERE tenant = $1 AND message_id = $2`,
      [tenant, id],
    );
    const row = rows[0];
    if (!row) return undefined;
    const content = row.message;
    return {
      ...summaryOf(row),
      text: content.text,
      html: content.channel === 'email' ? content.html : null,
      headers: content.channel === 'email' ? content.headers : {},
    };
  }
}

function summaryOf(row: OutboxRow): OutboxMessageSummaryDto {
  return {
    id: row.message_id,
    channel: row.channel,
    to: row.recipient,
    from: row.sender,
    subject: row.subject,
    campaignId: row.campaign_id,
    contactId: row.contact_id,
    reference: row.reference,
    capturedAt: row.captured_at.toISOString(),
  };
}

/** Emails are stored lower-cased (parseEmail), numbers as E.164: match them the same way. */
function canonicalRecipient(raw: string): string {
  const trimmed = raw.trim();
  return trimmed.includes('@') ? trimmed.toLowerCase() : trimmed.replace(/[\s().-]/g, '');
}
