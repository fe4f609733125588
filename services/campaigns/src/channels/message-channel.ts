/**
 * The delivery port: a channel takes one message that is already rendered and answers what the
 * provider said about it. Channels never retry and never resend: the caller (the send ledger)
 * decides, and an `unknown` outcome must not be resent silently.
 */

/** Who and what a message belongs to: the send ledger id and the campaign's coordinates. */
export interface MessageMeta {
  readonly tenant: string;
  /** The send ledger id: one per (campaign, person, step); a channel sees each at most once. */
  readonly reference: string;
  readonly campaignId?: string;
  readonly contactId?: string;
}

export interface EmailMessage extends MessageMeta {
  /** `"Name" <address>` or a bare address; the envelope sender is its address unless configured. */
  readonly from: string;
  /** One canonical address (parseEmail). */
  readonly to: string;
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  readonly headers: EmailHeaders;
}

export interface EmailHeaders {
  /** `<id@domain>`; see `messageIdFor`. */
  readonly messageId: string;
  /** RFC 8058: the one-click HTTPS URL (and optionally a mailto), as `<https://...>, <mailto:...>`. */
  readonly listUnsubscribe: string;
  /** RFC 8058 asks for exactly this value next to an HTTPS List-Unsubscribe. */
  readonly listUnsubscribePost: 'List-Unsubscribe=One-Click';
  /** Anything else (`X-Campaign-Id`, ...). */
  readonly extra?: Readonly<Record<string, string>>;
}

export interface SmsMessage extends MessageMeta {
  /** E.164 (parsePhoneNumber). */
  readonly to: string;
  /** A sender id or number; the configured default when absent. */
  readonly from?: string;
  readonly text: string;
}

/**
 * What became of one message. The mapping per channel is in README.md ("Outcomes"):
 * - accepted: the provider took it (its id, e.g. the SMTP queue id);
 * - rejected-permanent: refused for good (SMTP 5xx, HTTP 4xx): a hard bounce, do not retry;
 * - rejected-temporary: refused for now or never handed over (SMTP 4xx, HTTP 429/5xx, connection
 *   refused): safe to retry later;
 * - unknown: the data was handed over and the answer was lost (timeout, connection dropped after
 *   the end of the message): the provider may have it; report it, never resend silently.
 */
export type SendOutcome =
  | { readonly kind: 'accepted'; readonly providerMessageId: string }
  | { readonly kind: 'rejected-permanent'; readonly code: string; readonly text: string }
  | { readonly kind: 'rejected-temporary'; readonly code: string; readonly text: string }
  | { readonly kind: 'unknown'; readonly reason: string };

export type ChannelKind = 'email' | 'sms';

export interface MessageChannel<M extends MessageMeta> {
  /** Which implementation this is (`smtp`, `http`, `capture`), for logs and the README's table. */
  readonly transport: string;
  send(message: M): Promise<SendOutcome>;
}

export type EmailChannel = MessageChannel<EmailMessage>;
export type SmsChannel = MessageChannel<SmsMessage>;

/** Injection tokens: `@Inject(EMAIL_CHANNEL) email: EmailChannel`. */
export const EMAIL_CHANNEL = Symbol('EMAIL_CHANNEL');
export const SMS_CHANNEL = Symbol('SMS_CHANNEL');

/** A Message-ID that is the ledger reference, so a bounce or a reply names the ledger row. */
export function messageIdFor(reference: string, domain: string): string {
  return `<${reference}@${domain}>`;
}

/** The RFC 8058 pair for a one-click unsubscribe URL (HTTPS; an optional mailto beside it). */
export function listUnsubscribeHeaders(
  url: string,
  mailto?: string,
): Pick<EmailHeaders, 'listUnsubscribe' | 'listUnsubscribePost'> {
  return {
    listUnsubscribe: mailto ? `<${url}>, <mailto:${mailto}>` : `<${url}>`,
    listUnsubscribePost: 'List-Unsubscribe=One-Click',
  };
}
