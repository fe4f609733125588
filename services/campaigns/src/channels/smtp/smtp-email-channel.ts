/**
 * Email over SMTP with a nodemailer pool: `poolSize` connections kept open, each message one
 * SMTP transaction. The pool never requeues a message itself (maxRequeues 0): a message whose
 * connection died may already be with the server, and only the caller may decide to resend.
 * Whether the data was handed over is seen by a pass-through stream on the message: it ended.
 */
import { createTransport, type SendMailOptions, type Transporter } from 'nodemailer';
import { Transform } from 'node:stream';
import type { SmtpSettings } from '../channel-settings';
import type { EmailChannel, EmailMessage, SendOutcome } from '../message-channel';
import { smtpOutcome, type SmtpFailure } from './smtp-outcome';

/** Put on the options of each send; the stream plugin marks it when the message's bytes ended. */
interface Handover {
  ended: boolean;
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
      if (handover) mail.message.transform(() => handoverMarker(handover));
      done();
    });
  }

  async send(message: EmailMessage): Promise<SendOutcome> {
    if (this.closed) {
      return { kind: 'rejected-temporary', code: 'CLOSED', text: 'the SMTP channel is shut down' };
    }
    const handover: Handover = { ended: false };
    const sending = this.mailer.sendMail({
      ...mailOptionsOf(message, this.envelopeFrom),
      [HANDOVER]: handover,
    } as SendMailOptions);
    this.inFlight.add(sending);
    try {
      const info = (await sending) as { serverMessageId?: string; messageId: string };
      return { kind: 'accepted', providerMessageId: info.serverMessageId ?? info.messageId };
    } catch (error) {
      return smtpOutcome(error as SmtpFailure, handover.ended);
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

function handoverMarker(handover: Handover): Transform {
  return new Transform({
    transform(chunk, _encoding, callback) {
      callback(null, chunk);
    },
    flush(callback) {
      handover.ended = true;
      callback();
    },
  });
}
