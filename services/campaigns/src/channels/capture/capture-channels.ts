/**
 * The capture channels (the default under `npm start`): each message is stored in the outbox
 * table exactly as it would have gone out, and GET /outbox shows it. A reference seen before
 * answers the row it already has (accepted, same id): a resend never makes a second copy.
 */
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { Clock } from '@crm/platform';
import type {
  ChannelKind,
  EmailChannel,
  EmailMessage,
  MessageMeta,
  SendOutcome,
  SmsChannel,
  SmsMessage,
} from '../message-channel';
import { OUTBOX_TABLE } from '../outbox.projection';

/** What the outbox keeps of a message besides its coordinates (GET /outbox/{id} shows it). */
export type CapturedContent =
  | {
      channel: 'email';
      from: string;
      to: string;
      subject: string;
      html: string;
      text: string;
      headers: Record<string, string>;
    }
  | { channel: 'sms'; from: string; to: string; text: string };

export class CaptureOutbox {
  constructor(
    private readonly pool: Pool,
    private readonly clock: Clock,
  ) {}

  async capture(meta: MessageMeta, content: CapturedContent): Promise<SendOutcome> {
    const { rows } = await this.pool.query<{ message_id: string }>(
      `INSERT INTO ${OUTBOX_TABLE} (tenant, message_id, channel, reference, recipient, sender, subject,
                                   campaign_id, contact_id, captured_at, message)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (tenant, channel, reference) DO UPDATE SET reference = EXCLUDED.reference
       RETURNING message_id`,
      [
        meta.tenant,
        randomUUID(),
        content.channel satisfies ChannelKind,
        meta.reference,
        content.to,
        content.from,
        content.channel === 'email' ? content.subject : null,
        meta.campaignId ?? null,
        meta.contactId ?? null,
        this.clock.now(),
        JSON.stringify(content),
      ],
    );
    return { kind: 'accepted', providerMessageId: rows[0].message_id };
  }
}

export class CaptureEmailChannel implements EmailChannel {
  readonly transport = 'capture';
  constructor(private readonly outbox: CaptureOutbox) {}

  send(message: EmailMessage): Promise<SendOutcome> {
    const { headers } = message;
    return this.outbox.capture(message, {
      channel: 'email',
      from: message.from,
      to: message.to,
      subject: message.subject,
      html: message.html,
      text: message.text,
      headers: {
        ...headers.extra,
        'Message-ID': headers.messageId,
        'List-Unsubscribe': headers.listUnsubscribe,
        'List-Unsubscribe-Post': headers.listUnsubscribePost,
      },
    });
  }
}

export class CaptureSmsChannel implements SmsChannel {
  readonly transport = 'capture';
  constructor(
    private readonly outbox: CaptureOutbox,
    private readonly defaultFrom: string,
  ) {}

  send(message: SmsMessage): Promise<SendOutcome> {
    return this.outbox.capture(message, {
      channel: 'sms',
      from: message.from ?? this.defaultFrom,
      to: message.to,
      text: message.text,
    });
  }
}
