/**
 * Signed tracking tokens for the public endpoints (open pixel, click redirect, unsubscribe), pure.
 *
 * A token is `t1.<key id>.<claims>.<signature>`: the claims are base64url JSON (message, contact,
 * campaign, tenant, purpose; a click's link index and target URL), the signature is
 * HMAC-SHA256 over everything before it, base64url. Only `[A-Za-z0-9_.-]`: safe in a path.
 *
 * - The click's target URL is inside the signed claims, so the redirect goes where the message
 *   said and nowhere else (no open redirect); changing one character breaks the signature.
 * - The purpose is signed too and checked on verification: an open-pixel token does not
 *   unsubscribe anyone, nor redirect.
 * - Key rotation: the key id travels in the token. The key ring's `current` key signs; every
 *   key in the ring verifies, so tokens in mail already sent keep working until their key is
 *   dropped from the ring.
 * - Verification compares MACs with `timingSafeEqual` and answers only ok / not ok (the reason
 *   is for logs, never for the response: a forged token is a plain 404).
 * Claims hold ids, never personal data (the contact id is an opaque id).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The environment variable that will hold the key ring (`kid:secret,...`, the first signs). */
export const TRACKING_SECRET_VARIABLE = 'CAMPAIGNS_TRACKING_KEYS';
export const MIN_TRACKING_SECRET_LENGTH = 32;

export const TRACKING_PURPOSES = ['open', 'click', 'unsubscribe'] as const;
export type TrackingPurpose = (typeof TRACKING_PURPOSES)[number];

interface BaseClaims {
  readonly tenant: string;
  readonly campaignId: string;
  readonly messageId: string;
  readonly contactId: string;
}
export type TrackingClaims =
  | (BaseClaims & { readonly purpose: 'open' | 'unsubscribe' })
  | (BaseClaims & { readonly purpose: 'click'; readonly linkIndex: number; readonly url: string });

export interface TrackingKeyRing {
  /** The id of the key that signs new tokens. */
  readonly current: string;
  /** Every key that verifies, by id (the current one included). */
  readonly keys: Readonly<Record<string, string>>;
}

export type VerifiedToken =
  | { readonly ok: true; readonly claims: TrackingClaims }
  | { readonly ok: false; readonly reason: string };

const VERSION = 't1';
const KEY_ID = /^[A-Za-z0-9]{1,16}$/;
const B64URL = /^[A-Za-z0-9_-]+$/;
const SIGNATURE_LENGTH = 43; // 32 bytes, base64url without padding
/** Longest token accepted for verification (a long target URL fits; a megabyte does not). */
export const MAX_TOKEN_LENGTH = 4096;

/** The key ring from `kid:secret,kid:secret` (the first signs); throws naming what is wrong. */
export function parseTrackingKeys(raw: string): TrackingKeyRing {
  const keys: Record<string, string> = {};
  let current: string | undefined;
  for (const entry of raw
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const colon = entry.indexOf(':');
    const id = colon > 0 ? entry.slice(0, colon) : '';
    const secret = colon > 0 ? entry.slice(colon + 1) : '';
    if (!KEY_ID.test(id))
      throw new Error(
        `${TRACKING_SECRET_VARIABLE}: each key is <id>:<secret>, the id 1-16 letters or digits`,
      );
    if (secret.length < MIN_TRACKING_SECRET_LENGTH)
      throw new Error(
        `${TRACKING_SECRET_VARIABLE}: the secret of key ${id} has fewer than ${MIN_TRACKING_SECRET_LENGTH} characters`,
      );
    if (id in keys) throw new Error(`${TRACKING_SECRET_VARIABLE}: key id ${id} appears twice`);
    keys[id] = secret;
    current ??= id;
  }
  if (current === undefined) throw new Error(`${TRACKING_SECRET_VARIABLE}: no key`);
  return { current, keys };
}

export function signTrackingToken(claims: TrackingClaims, ring: TrackingKeyRing): string {
  const secret = ring.keys[ring.current];
  if (secret === undefined || !KEY_ID.test(ring.current))
    throw new Error('the current tracking key is not in the key ring');
  // The redirect only ever goes to the web: a javascript: or data: target is never signed.
  if (claims.purpose === 'click' && !/^https?:\/\/[^\s]+$/i.test(claims.url))
    throw new RangeError('a click target must be an http(s) URL');
  const body = `${VERSION}.${ring.current}.${Buffer.from(JSON.stringify(compact(claims))).toString('base64url')}`;
  return `${body}.${mac(secret, body).toString('base64url')}`;
}

/** Verify a token for one purpose: ok with its claims only if signed by a ring key and untouched. */
export function verifyTrackingToken(
  token: string,
  purpose: TrackingPurpose,
  ring: TrackingKeyRing,
): VerifiedToken {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return refused('size');
  const parts = token.split('.');
  if (parts.length !== 4) return refused('shape');
  const [version, keyId, payload, signature] = parts;
  if (version !== VERSION) return refused('version');
  if (!Object.prototype.hasOwnProperty.call(ring.keys, keyId)) return refused('unknown key');
  if (!B64URL.test(payload) || !B64URL.test(signature) || signature.length !== SIGNATURE_LENGTH)
    return refused('encoding');
  // Compared as text, not decoded bytes: base64url's last character has unused bits, and a
  // token must have exactly one valid spelling.
  const expected = Buffer.from(
    mac(ring.keys[keyId], `${version}.${keyId}.${payload}`).toString('base64url'),
  );
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return refused('signature');
  // Signed by us, so the payload is our own JSON; its shape is checked all the same.
  const claims = claimsOf(payload);
  if (!claims) return refused('claims');
  if (claims.purpose !== purpose) return refused('purpose');
  return { ok: true, claims };
}

function mac(secret: string, body: string): Buffer {
  return createHmac('sha256', secret).update(body).digest();
}

function refused(reason: string): VerifiedToken {
  return { ok: false, reason };
}

/** Short member names keep the tokens (and so the links in every message) short. */
function compact(c: TrackingClaims): Record<string, unknown> {
  const base = { p: c.purpose, t: c.tenant, c: c.campaignId, m: c.messageId, k: c.contactId };
  return c.purpose === 'click' ? { ...base, l: c.linkIndex, u: c.url } : base;
}

function claimsOf(payload: string): TrackingClaims | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  const ids = [r.t, r.c, r.m, r.k];
  if (!ids.every((v) => typeof v === 'string' && v.length > 0)) return undefined;
  const base = {
    tenant: r.t as string,
    campaignId: r.c as string,
    messageId: r.m as string,
    contactId: r.k as string,
  };
  if (r.p === 'open' || r.p === 'unsubscribe') return { ...base, purpose: r.p };
  if (
    r.p === 'click' &&
    Number.isSafeInteger(r.l) &&
    (r.l as number) >= 0 &&
    typeof r.u === 'string'
  )
    return { ...base, purpose: 'click', linkIndex: r.l as number, url: r.u };
  return undefined;
}
