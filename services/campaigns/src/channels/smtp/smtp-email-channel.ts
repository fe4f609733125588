/**
 * Email over SMTP with a nodemailer pool: `poolSize` connections kept open, each message one
 * SMTP transaction. The pool never requeues a message itself (maxRequeues 0): a message whose
 * connection died may already be with the server, and only the caller may decide to resend.
 * Whether the data was handed over is read off the message's own output stream: it was read to
 * its end (by the SMTP data stream, which only starts after the server's 354). Until then the
 * server holds no complete message and discards what it got (RFC 5321 4.1.1.4).
 */
import { createTransport, type SendMailOptions, type Transporter } from 'nodemailer';
import type { Readable } from 'node:stream';
import type { SmtpSettings } from '../channel-settings';
import type { EmailChannel, EmailMessage, SendOutcome } from '../message-channel';
import { smtpOutcome, type SmtpFailure } from './smtp-outcome';

/** Put on the options of each send; the stream plugin keeps the message's output stream on it. */
interface Handover {
  output?: Readable;
}
const HANDOVER = 'crmHandover';

/** The nodemailer options of a pooled transport for these settings (the bench's bare pool uses them too). */
export function smtpPoolOptions(settings: SmtpSettings) {
  return {
    pool: true as const,
    url: settings.url,
    auth: settings.user ? { user: settings.user, pass: settings.password } : undefined,
    maxConnections: settings.poolSize,
    // Keep connections for as long as they live: a reconnect per 100 messages costs a handshake.
    maxMessages: Infinity,
    maxRequeues: 0,
    connectionTimeout: settings.timeoutMs,
    greetingTimeout: settings.timeoutMs,
    socketTimeout: settings.timeoutMs,
  };
}

/** The nodemailer message of a rendered email (headers as the port names them). */
export function mailOptionsOf(message: EmailMessage, envelopeFrom: string): SendMailOptions {
  return {
    from: message.from,
    to: message.to,
    envelope: { from: envelopeFrom, to: [message.to] },
    subject: message.subject,
    html: message.html,
    text: message.text,
    messageId: message.headers.messageId,
    headers: {
      ...message.headers.extra,
      'List-Unsubscribe': message.headers.listUnsubscribe,
      'List-Unsubscribe-Post': message.headers.listUnsubscribePost,
    },
  };
}

export class SmtpEmailChannel implements EmailChannel {
  readonly transport = 'smtp';
  private readonly mailer: Transporter;
  private readonly inFlight = new Set<Promise<unknown>>();
  private closed = false;

  constructor(
    settings: SmtpSettings,
    private readonly envelopeFrom: string,
  ) {
    this.mailer = createTransport(smtpPoolOptions(settings));
    this.mailer.use('stream', (mail, done) => {
      const handover = (mail.data as Record<string, unknown>)[HANDOVER] as Handover | undefined;
      if (handover) {
        // The last step of createReadStream: what it returns is what the SMTP connection reads.
        mail.message.processFunc((output: Readable) => (handover.output = output));
      }
      done();
    });
  }

  async send(message: EmailMessage): Promise<SendOutcome> {
    if (this.closed) {
      return { kind: 'rejected-temporary', code: 'CLOSED', text: 'the SMTP channel is shut down' };
    }
    const handover: Handover = {};
    const sending = this.mailer.sendMail({
      ...mailOptionsOf(message, this.envelopeFrom),
      [HANDOVER]: handover,
    } as SendMailOptions);
    this.inFlight.add(sending);
    try {
      const info = (await sending) as SentInfo;
      return { kind: 'accepted', providerMessageId: providerMessageIdOf(info) };
    } catch (error) {
      return smtpOutcome(error as SmtpFailure, handover.output?.readableEnded === true);
    } finally {
      this.inFlight.delete(sending);
    }
  }

  /** Lets the messages in flight finish (each bounded by the socket timeout), then closes the pool. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.inFlight]);
    this.mailer.close();
  }
}

interface SentInfo {
  readonly response?: string;
  readonly serverMessageId?: string;
  readonly messageId: string;
}

/** The server's queue id (`250 Ok: queued as 4B7F61E2`), its own Message-ID, else ours. */
export function providerMessageIdOf(info: SentInfo): string {
  const queued = /queued as ([^\s]+)/i.exec(info.response ?? '');
  return queued?.[1] ?? info.serverMessageId ?? info.messageId;
}
