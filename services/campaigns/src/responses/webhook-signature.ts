/**
 * The bounce webhook's signature, pure: `X-CRM-Signature: t=<unix seconds>,v1=<hex>` where the
 * hex is HMAC-SHA256(secret, "<t>.<raw body>") (the scheme Stripe's webhooks made familiar).
 *
 * - Signed over the raw bytes as they arrived, never over re-serialised JSON.
 * - `t` must be within `toleranceSeconds` of the service clock, either way: a captured request
 *   replayed later is refused.
 * - Several `v1=` entries are allowed (a sender rotating its secret signs with both); one match
 *   is enough. Compared in constant time; the reason is for logs only (the answer is a bare 401).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const WEBHOOK_SIGNATURE_HEADER = 'x-crm-signature';
export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;

export type SignatureCheck =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly reason: 'missing' | 'malformed' | 'outside-tolerance' | 'mismatch' | 'no-secret';
    };

const HEX_MAC = /^[0-9a-f]{64}$/;
const UNIX_SECONDS = /^[0-9]{1,12}$/;

/** The header value for `rawBody` signed at `unixSeconds` (for senders and tests). */
export function signWebhookBody(
  secret: string,
  unixSeconds: number,
  rawBody: string | Buffer,
): string {
  return `t=${unixSeconds},v1=${macHex(secret, String(unixSeconds), rawBody)}`;
}

export function verifyWebhookSignature(
  header: string | string[] | undefined,
  rawBody: string | Buffer,
  secret: string | undefined,
  now: Date,
  toleranceSeconds: number = DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
): SignatureCheck {
  if (!secret) return { ok: false, reason: 'no-secret' };
  if (typeof header !== 'string' || header.length === 0) return { ok: false, reason: 'missing' };
  if (header.length > 1000) return { ok: false, reason: 'malformed' };
  let timestamp: string | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return { ok: false, reason: 'malformed' };
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') {
      if (timestamp !== undefined) return { ok: false, reason: 'malformed' };
      timestamp = value;
    } else if (key === 'v1') signatures.push(value.toLowerCase());
    // other schemes (v0, v2) are ignored, as a newer sender may add them
  }
  if (timestamp === undefined || !UNIX_SECONDS.test(timestamp) || signatures.length === 0)
    return { ok: false, reason: 'malformed' };
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > toleranceSeconds)
    return { ok: false, reason: 'outside-tolerance' };
  const expected = Buffer.from(macHex(secret, timestamp, rawBody));
  // Every candidate is compared (no early exit), so the time does not say which one matched.
  let matched = false;
  for (const candidate of signatures) {
    if (!HEX_MAC.test(candidate)) continue;
    if (timingSafeEqual(Buffer.from(candidate), expected)) matched = true;
  }
  return matched ? { ok: true } : { ok: false, reason: 'mismatch' };
}

function macHex(secret: string, timestamp: string, rawBody: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}
