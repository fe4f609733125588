import { createHmac } from 'node:crypto';
import { signWebhookBody, verifyWebhookSignature } from './webhook-signature';

const SECRET = 'whsec-0123456789abcdef0123456789abcdef';
const NOW = new Date(Date.UTC(2000, 0, 1, 12, 0, 0));
const T = Math.floor(NOW.getTime() / 1000);
const BODY = '{"events":[{"type":"complaint","messageId":"m-1","at":"2000-01-01T11:59:00Z"}]}';

describe('bounce webhook signature', () => {
  it('is HMAC-SHA256 in hex over "<t>.<raw body>"', () => {
    // Computed independently of the module: the documented recipe, spelled out.
    const hex = createHmac('sha256', SECRET).update(`${T}.${BODY}`).digest('hex');
    expect(signWebhookBody(SECRET, T, BODY)).toBe(`t=${T},v1=${hex}`);
    expect(verifyWebhookSignature(`t=${T},v1=${hex}`, Buffer.from(BODY), SECRET, NOW)).toEqual({
      ok: true,
    });
  });

  it('refuses a changed body, a wrong secret, a missing or malformed header', () => {
    const header = signWebhookBody(SECRET, T, BODY);
    expect(verifyWebhookSignature(header, BODY.replace('m-1', 'm-2'), SECRET, NOW)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(verifyWebhookSignature(header, BODY, `${SECRET}x`, NOW)).toMatchObject({ ok: false });
    expect(verifyWebhookSignature(undefined, BODY, SECRET, NOW)).toEqual({
      ok: false,
      reason: 'missing',
    });
    expect(verifyWebhookSignature(header, BODY, undefined, NOW)).toEqual({
      ok: false,
      reason: 'no-secret',
    });
    for (const bad of ['garbage', `t=${T}`, 'v1=00', `t=abc,v1=00`, `t=${T},t=${T},v1=00`, '=,='])
      expect(verifyWebhookSignature(bad, BODY, SECRET, NOW)).toEqual({
        ok: false,
        reason: 'malformed',
      });
    expect(verifyWebhookSignature(`t=${T},v1=zz`, BODY, SECRET, NOW)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('accepts t within 5 minutes of the clock either way, refuses beyond', () => {
    for (const skew of [-300, 0, 300])
      expect(
        verifyWebhookSignature(signWebhookBody(SECRET, T + skew, BODY), BODY, SECRET, NOW).ok,
      ).toBe(true);
    for (const skew of [-301, 301])
      expect(
        verifyWebhookSignature(signWebhookBody(SECRET, T + skew, BODY), BODY, SECRET, NOW),
      ).toEqual({ ok: false, reason: 'outside-tolerance' });
  });

  it('one good v1 among several is enough (secret rotation), and uppercase hex is fine', () => {
    const good = signWebhookBody(SECRET, T, BODY).split('v1=')[1];
    const other = signWebhookBody('an-older-secret-0123456789abcdef0123', T, BODY).split('v1=')[1];
    expect(verifyWebhookSignature(`t=${T},v1=${other},v1=${good}`, BODY, SECRET, NOW).ok).toBe(
      true,
    );
    expect(verifyWebhookSignature(`t=${T}, v1=${good.toUpperCase()}`, BODY, SECRET, NOW).ok).toBe(
      true,
    );
  });
});
