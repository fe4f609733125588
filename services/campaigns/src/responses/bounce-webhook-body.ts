/**
 * The bounce webhook's body, pure: provider-neutral JSON that an adapter in front of any
 * provider (SES, Postmark, Mailgun, an MTA's DSN parser) can produce.
 *
 * `{ events: [{ type: 'bounce' | 'complaint', bounceKind?: 'hard' | 'soft', messageId?,
 * reference?, recipient?, code?, text?, at }] }`. `messageId` is the message id we sent (bare, or
 * as the Message-ID header `<id@domain>`); `reference` is the same id by another name (what the
 * provider echoes back); one of them is required. `recipient` is accepted and never stored
 * (personal data; our id says who). A bounce needs `bounceKind`. Every bad member is named.
 */
import type { FieldError } from '@crm/platform';
import type { BounceKind } from '../sending/message.events';

export const MAX_WEBHOOK_EVENTS = 500;
const MAX_TEXT = 1000;
const MAX_CODE = 32;

export type BounceReport =
  | {
      readonly type: 'bounce';
      readonly kind: BounceKind;
      readonly messageId: string;
      readonly code?: string;
      readonly text?: string;
      readonly at: string;
    }
  | { readonly type: 'complaint'; readonly messageId: string; readonly at: string };

export type ParsedWebhook =
  | { readonly ok: true; readonly reports: BounceReport[] }
  | { readonly ok: false; readonly errors: FieldError[] };

const KNOWN = new Set([
  'type',
  'bounceKind',
  'messageId',
  'reference',
  'recipient',
  'code',
  'text',
  'at',
]);
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
/** Our message ids: UUIDs (message-id.ts); a Message-ID header `<uuid@domain>` is unwrapped. */
const MESSAGE_ID =
  /^<?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(@[^\s<>]{1,255})?>?$/i;

/** Our message id from a bare id or a Message-ID header; undefined if it is not one of ours. */
export function ourMessageId(value: string): string | undefined {
  return MESSAGE_ID.exec(value.trim())?.[1]?.toLowerCase();
}

export function parseBounceWebhook(body: unknown): ParsedWebhook {
  const errors: FieldError[] = [];
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return {
      ok: false,
      errors: [{ field: 'body', message: 'must be an object { events: [...] }' }],
    };
  const events = (body as Record<string, unknown>).events;
  if (!Array.isArray(events))
    return { ok: false, errors: [{ field: 'events', message: 'must be an array' }] };
  if (events.length === 0 || events.length > MAX_WEBHOOK_EVENTS)
    return {
      ok: false,
      errors: [{ field: 'events', message: `must hold 1 to ${MAX_WEBHOOK_EVENTS} events` }],
    };
  const reports: BounceReport[] = [];
  events.forEach((raw, i) => {
    const report = parseEvent(raw, `events[${i}]`, errors);
    if (report) reports.push(report);
  });
  return errors.length > 0 ? { ok: false, errors: errors.slice(0, 50) } : { ok: true, reports };
}

function parseEvent(raw: unknown, path: string, errors: FieldError[]): BounceReport | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    errors.push({ field: path, message: 'must be an object' });
    return undefined;
  }
  const e = raw as Record<string, unknown>;
  const before = errors.length;
  const fail = (member: string, message: string) =>
    errors.push({ field: `${path}.${member}`, message });
  for (const member of Object.keys(e))
    if (!KNOWN.has(member)) fail(member, 'is not a known member');

  if (e.type !== 'bounce' && e.type !== 'complaint')
    fail('type', "must be 'bounce' or 'complaint'");
  if (e.type === 'bounce' && e.bounceKind !== 'hard' && e.bounceKind !== 'soft')
    fail('bounceKind', "a bounce needs 'hard' or 'soft'");
  if (e.type === 'complaint' && e.bounceKind !== undefined) fail('bounceKind', 'only for a bounce');

  let messageId: string | undefined;
  for (const member of ['messageId', 'reference'] as const) {
    const value = e[member];
    if (value === undefined) continue;
    const id = typeof value === 'string' && value.length <= 300 ? ourMessageId(value) : undefined;
    if (!id) fail(member, 'must be a message id we sent (a UUID, or <uuid@domain>)');
    else if (messageId !== undefined && messageId !== id)
      fail(member, 'names another message than messageId');
    else messageId = id;
  }
  if (e.messageId === undefined && e.reference === undefined)
    fail('messageId', 'messageId or reference is required');

  if (e.recipient !== undefined && (typeof e.recipient !== 'string' || e.recipient.length > 320))
    fail('recipient', 'must be a string of at most 320 characters');
  if (e.code !== undefined && (typeof e.code !== 'string' || e.code.length > MAX_CODE))
    fail('code', `must be a string of at most ${MAX_CODE} characters`);
  if (e.text !== undefined && typeof e.text !== 'string') fail('text', 'must be a string');
  if (typeof e.at !== 'string' || !ISO_INSTANT.test(e.at) || Number.isNaN(Date.parse(e.at)))
    fail('at', 'must be an ISO 8601 instant with a zone, e.g. 2024-05-01T10:00:00Z');

  if (errors.length > before || !messageId) return undefined;
  const at = new Date(e.at as string).toISOString();
  if (e.type === 'complaint') return { type: 'complaint', messageId, at };
  return {
    type: 'bounce',
    kind: e.bounceKind as BounceKind,
    messageId,
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(typeof e.text === 'string' ? { text: e.text.slice(0, MAX_TEXT) } : {}),
    at,
  };
}
