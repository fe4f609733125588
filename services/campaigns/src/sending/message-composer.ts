/**
 * Turns a template version, a recipient and an offer into the message a channel sends: the
 * rendered content with tracked links (`/t/c/<token>`), an open pixel (`/t/o/<token>.gif`), the
 * RFC 8058 one-click unsubscribe (`/t/u/<token>`) and a Message-ID naming the ledger id. Tokens
 * are signed with the tracking key ring (tracking-token.ts); they carry ids only.
 */
import { signTrackingToken, type TrackingKeyRing } from '../campaign/tracking-token';
import type { CampaignDefinition } from '../campaign/campaign.events';
import {
  listUnsubscribeHeaders,
  messageIdFor,
  type EmailMessage,
  type SmsMessage,
} from '../channels/message-channel';
import { renderMessage, type RenderableVersion } from '../templates/template-rendering';
import {
  offerVariables,
  type MessageVariables,
  type OfferInput,
} from '../templates/template-variables';

export interface ComposeInput {
  readonly tenant: string;
  readonly campaignId: string;
  readonly campaignName: string;
  readonly definition: CampaignDefinition;
  readonly messageId: string;
  readonly contact: MessageVariables['contact'];
  readonly offer?: OfferInput;
  readonly version: RenderableVersion;
}

export interface ComposerSettings {
  readonly publicUrl: string;
  readonly trackingKeys: TrackingKeyRing;
  /** The From when the campaign names no sender address. */
  readonly defaultFrom: string;
  readonly defaultSmsFrom: string;
}

export type ComposedMessage =
  | { readonly channel: 'email'; readonly message: EmailMessage }
  | { readonly channel: 'sms'; readonly message: SmsMessage };

const HREF = /(<a\b[^>]*?\bhref\s*=\s*")(https?:\/\/[^"]+)(")/gi;

export function composeMessage(input: ComposeInput, settings: ComposerSettings): ComposedMessage {
  const { tenant, campaignId, messageId, contact } = input;
  const base = { tenant, campaignId, messageId, contactId: contact.id };
  const ring = settings.trackingKeys;
  const trackedPrefix = `${settings.publicUrl}/t/`;
  let linkIndex = 0;
  const trackLink = (url: string): string => {
    if (!/^https?:\/\/\S+$/i.test(url) || url.startsWith(trackedPrefix)) return url;
    const token = signTrackingToken(
      { ...base, purpose: 'click', linkIndex: linkIndex++, url },
      ring,
    );
    return `${settings.publicUrl}/t/c/${token}`;
  };
  const unsubscribeUrl = `${settings.publicUrl}/t/u/${signTrackingToken({ ...base, purpose: 'unsubscribe' }, ring)}`;
  const variables: MessageVariables = {
    contact,
    offer: offerVariables(input.offer),
    campaign: { id: campaignId, name: input.campaignName },
    links: { unsubscribeUrl, viewInBrowserUrl: null },
    tenant: { id: tenant, name: null },
  };
  const rendered = renderMessage(input.version, variables, { trackLink });
  const meta = { tenant, reference: messageId, campaignId, contactId: contact.id };
  if (rendered.channel === 'sms') {
    const from = input.definition.sender.smsSenderId ?? settings.defaultSmsFrom;
    return {
      channel: 'sms',
      message: { ...meta, to: contact.phone ?? '', from, text: rendered.text },
    };
  }
  // Links the template did not pass through `track` are tracked too (the HTML is escaped: &amp;).
  const html = rendered.html.replace(HREF, (_all, open: string, href: string, close: string) => {
    const url = href.replace(/&amp;/g, '&');
    const tracked = trackLink(url);
    return tracked === url ? `${open}${href}${close}` : `${open}${tracked}${close}`;
  });
  const openToken = signTrackingToken({ ...base, purpose: 'open' }, ring);
  const pixel = `<img src="${settings.publicUrl}/t/o/${openToken}.gif" width="1" height="1" alt="" style="display:none">`;
  const withPixel = /<\/body>/i.test(html)
    ? html.replace(/<\/body>/i, `${pixel}</body>`)
    : html + pixel;
  const from = fromOf(input.definition, settings.defaultFrom);
  return {
    channel: 'email',
    message: {
      ...meta,
      from,
      to: contact.email ?? '',
      subject: rendered.subject,
      html: withPixel,
      text: rendered.text,
      headers: {
        messageId: messageIdFor(messageId, domainOf(from)),
        ...listUnsubscribeHeaders(unsubscribeUrl),
        extra: { 'X-Campaign-Id': campaignId },
      },
    },
  };
}

function fromOf(definition: CampaignDefinition, fallback: string): string {
  const { name, email } = definition.sender;
  if (!email) return fallback;
  // A display name is quoted (a comma or a dot in a company name is not an address list).
  return name ? `"${name.replace(/["\\\r\n]/g, '')}" <${email}>` : email;
}

function domainOf(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return address.split('@')[1]?.trim() || 'campaigns.invalid';
}
