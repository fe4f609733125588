import fc from 'fast-check';
import {
  MAX_TOKEN_LENGTH,
  parseTrackingKeys,
  signTrackingToken,
  verifyTrackingToken,
  type TrackingClaims,
  type TrackingKeyRing,
} from './tracking-token';

const OLD_SECRET = 'old-secret-0123456789abcdef0123456789';
const NEW_SECRET = 'new-secret-0123456789abcdef0123456789';
const ring: TrackingKeyRing = parseTrackingKeys(`k2:${NEW_SECRET},k1:${OLD_SECRET}`);
const oldRing: TrackingKeyRing = parseTrackingKeys(`k1:${OLD_SECRET}`);

const ids = { tenant: 't1', campaignId: 'cmp-1', messageId: 'msg-1', contactId: 'c-1' };
const open: TrackingClaims = { ...ids, purpose: 'open' };
const click: TrackingClaims = {
  ...ids,
  purpose: 'click',
  linkIndex: 2,
  url: 'https://shop.example.com/service-plan?utm_source=crm&x=ü',
};
const unsubscribe: TrackingClaims = { ...ids, purpose: 'unsubscribe' };

const claimsArb: fc.Arbitrary<TrackingClaims> = fc.oneof(
  fc.record({
    tenant: fc.string({ minLength: 1 }),
    campaignId: fc.uuid(),
    messageId: fc.uuid(),
    contactId: fc.string({ minLength: 1 }),
    purpose: fc.constantFrom('open' as const, 'unsubscribe' as const),
  }),
  fc.record({
    tenant: fc.string({ minLength: 1 }),
    campaignId: fc.uuid(),
    messageId: fc.uuid(),
    contactId: fc.string({ minLength: 1 }),
    purpose: fc.constant('click' as const),
    linkIndex: fc.nat(50),
    url: fc.webUrl({ withQueryParameters: true, withFragments: true }),
  }),
);

describe('tracking tokens', () => {
  it('round-trip each purpose and are URL-safe', () => {
    for (const claims of [open, click, unsubscribe]) {
      const token = signTrackingToken(claims, ring);
      expect(token).toMatch(/^t1\.k2\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
      expect(encodeURIComponent(token)).toBe(token);
      expect(verifyTrackingToken(token, claims.purpose, ring)).toEqual({ ok: true, claims });
    }
  });

  it('refuse a token made for another purpose (an open pixel does not unsubscribe)', () => {
    const token = signTrackingToken(open, ring);
    expect(verifyTrackingToken(token, 'unsubscribe', ring)).toEqual({
      ok: false,
      reason: 'purpose',
    });
    expect(verifyTrackingToken(token, 'click', ring).ok).toBe(false);
  });

  it('bind the click target: another URL under the same signature fails (no open redirect)', () => {
    const token = signTrackingToken(click, ring);
    const [v, kid, , sig] = token.split('.');
    const evil = Buffer.from(
      JSON.stringify({
        p: 'click',
        t: 't1',
        c: 'cmp-1',
        m: 'msg-1',
        k: 'c-1',
        l: 2,
        u: 'https://evil.example',
      }),
    ).toString('base64url');
    expect(verifyTrackingToken(`${v}.${kid}.${evil}.${sig}`, 'click', ring)).toEqual({
      ok: false,
      reason: 'signature',
    });
    expect(() => signTrackingToken({ ...click, url: 'javascript:alert(1)' }, ring)).toThrow(
      RangeError,
    );
  });

  it('rotate keys: the new key signs, tokens signed with the old key still verify, a dropped key does not', () => {
    const oldToken = signTrackingToken(unsubscribe, oldRing);
    expect(oldToken.split('.')[1]).toBe('k1');
    expect(verifyTrackingToken(oldToken, 'unsubscribe', ring).ok).toBe(true);
    const newToken = signTrackingToken(unsubscribe, ring);
    expect(verifyTrackingToken(newToken, 'unsubscribe', oldRing)).toEqual({
      ok: false,
      reason: 'unknown key',
    });
    // The old key id with the new key's signature, or a key id swapped in: refused.
    const swapped = newToken.replace('.k2.', '.k1.');
    expect(verifyTrackingToken(swapped, 'unsubscribe', ring)).toEqual({
      ok: false,
      reason: 'signature',
    });
  });

  it('refuse forgeries: another secret under our key id, made-up and oversized tokens', () => {
    const forger = parseTrackingKeys(`k2:${'x'.repeat(40)}`);
    expect(verifyTrackingToken(signTrackingToken(open, forger), 'open', ring)).toEqual({
      ok: false,
      reason: 'signature',
    });
    for (const junk of [
      '',
      '.',
      't1...',
      't1.k2.e30.',
      'garbage',
      't1.__proto__.e30.' + 'A'.repeat(43),
      'x'.repeat(MAX_TOKEN_LENGTH + 1),
    ])
      expect(verifyTrackingToken(junk, 'open', ring).ok).toBe(false);
  });

  it('any altered character, truncation or extension fails verification (fast-check)', () => {
    fc.assert(
      fc.property(claimsArb, fc.nat(), fc.integer({ min: 1, max: 63 }), (claims, at, flip) => {
        const token = signTrackingToken(claims, ring);
        expect(verifyTrackingToken(token, claims.purpose, ring)).toEqual({ ok: true, claims });
        const i = at % token.length;
        const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
        const replacement = alphabet[(alphabet.indexOf(token[i]) + flip) % alphabet.length];
        const altered = token.slice(0, i) + replacement + token.slice(i + 1);
        expect(verifyTrackingToken(altered, claims.purpose, ring).ok).toBe(false);
        expect(verifyTrackingToken(token.slice(0, i), claims.purpose, ring).ok).toBe(false);
        expect(verifyTrackingToken(`${token}A`, claims.purpose, ring).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('parse the key ring, refusing short secrets, bad ids and repeats', () => {
    expect(parseTrackingKeys(` a:${NEW_SECRET} , b:${OLD_SECRET}`)).toEqual({
      current: 'a',
      keys: { a: NEW_SECRET, b: OLD_SECRET },
    });
    expect(() => parseTrackingKeys('')).toThrow(/no key/);
    expect(() => parseTrackingKeys('a:short')).toThrow(/fewer than 32/);
    expect(() => parseTrackingKeys(`a.b:${NEW_SECRET}`)).toThrow(/id/);
    expect(() => parseTrackingKeys(`a:${NEW_SECRET},a:${OLD_SECRET}`)).toThrow(/twice/);
  });
});
