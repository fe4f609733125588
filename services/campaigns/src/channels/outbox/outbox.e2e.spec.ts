/**
 * The capture channels end to end: the app as `npm start` runs it (no SMTP_URL, no
 * SMS_PROVIDER_URL), messages sent through the injected EMAIL_CHANNEL / SMS_CHANNEL, then
 * read over REST: newest first with keyset pages, the filters, one message in full, a resend of
 * a reference, tenant isolation (with its positive control), roles and bad input.
 */
import { ManualClock } from '@crm/platform';
import { hostileQueryValue } from '@crm/testing';
import fc from 'fast-check';
import { startCampaignsTestApp, type CampaignsTestApp } from '../../testing/campaigns-test-app';
import {
  EMAIL_CHANNEL,
  SMS_CHANNEL,
  listUnsubscribeHeaders,
  messageIdFor,
  type EmailChannel,
  type EmailMessage,
  type SmsChannel,
} from '../message-channel';

const clock = new ManualClock('2026-10-01T08:00:00Z');
const analystA = { tenant: 'out-a', sub: 'ann', roles: ['analyst' as const] };
const marketerB = { tenant: 'out-b', sub: 'bob', roles: ['marketer' as const] };
const customerA = { tenant: 'out-a', sub: 'cus', roles: ['customer' as const] };

function email(tenant: string, n: number, campaignId: string): EmailMessage {
  const reference = `${tenant}-ledger-${n}`;
  return {
    tenant,
    reference,
    campaignId,
    contactId: `c-${n}`,
    from: 'Acme <offers@acme.example>',
    to: `person${n}@example.org`,
    subject: `Offer ${n}`,
    html: `<p>Dear person ${n}</p>`,
    text: `Dear person ${n}`,
    headers: {
      messageId: messageIdFor(reference, 'acme.example'),
      ...listUnsubscribeHeaders(`https://crm.example/u/${reference}`),
    },
  };
}

describe('capture outbox (e2e)', () => {
  let t: CampaignsTestApp;
  let emailChannel: EmailChannel;
  let smsChannel: SmsChannel;
  const ids: Record<string, string> = {};

  const accepted = async (sending: Promise<unknown>, key: string) => {
    const outcome = (await sending) as { kind: string; providerMessageId: string };
    expect(outcome.kind).toBe('accepted');
    ids[key] = outcome.providerMessageId;
    clock.advance(60_000);
  };

  beforeAll(async () => {
    t = await startCampaignsTestApp({}, { clock });
    emailChannel = t.app.get(EMAIL_CHANNEL);
    smsChannel = t.app.get(SMS_CHANNEL);
    await accepted(emailChannel.send(email('out-a', 1, 'camp-x')), 'a1');
    await accepted(emailChannel.send(email('out-a', 2, 'camp-x')), 'a2');
    await accepted(emailChannel.send(email('out-a', 3, 'camp-y')), 'a3');
    await accepted(
      smsChannel.send({
        tenant: 'out-a',
        reference: 'out-a-sms-1',
        campaignId: 'camp-y',
        to: '+491701234567',
        text: 'Hi!',
      }),
      'aSms',
    );
    // the same recipient in another tenant
    await accepted(emailChannel.send(email('out-b', 1, 'camp-x')), 'b1');
  });
  afterAll(() => t?.close());

  it('is the default under npm start: both kinds are captured', () => {
    expect(emailChannel.transport).toBe('capture');
    expect(smsChannel.transport).toBe('capture');
  });

  it('lists the tenant’s messages newest first, and only its own', async () => {
    const res = await t.request('GET', '/outbox', { as: analystA });
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([
      ids.aSms,
      ids.a3,
      ids.a2,
      ids.a1,
    ]);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.items[1]).toEqual({
      id: ids.a3,
      channel: 'email',
      to: 'person3@example.org',
      from: 'Acme <offers@acme.example>',
      subject: 'Offer 3',
      campaignId: 'camp-y',
      contactId: 'c-3',
      reference: 'out-a-ledger-3',
      capturedAt: '2026-10-01T08:02:00.000Z',
    });
    // positive control: the other tenant sees its one message (same recipient) and nothing else
    const other = await t.request('GET', '/outbox', { as: marketerB });
    expect(other.body.items.map((i: { id: string }) => i.id)).toEqual([ids.b1]);
  });

  it('filters by channel, recipient (any case) and campaign', async () => {
    const list = async (query: string) =>
      (await t.request('GET', `/outbox?${query}`, { as: analystA })).body.items.map(
        (i: { id: string }) => i.id,
      );
    expect(await list('channel=sms')).toEqual([ids.aSms]);
    expect(await list('channel=email')).toEqual([ids.a3, ids.a2, ids.a1]);
    expect(await list('recipient=PERSON1@Example.org')).toEqual([ids.a1]);
    expect(await list('recipient=%2B49%20170%201234567')).toEqual([ids.aSms]);
    expect(await list('campaignId=camp-x')).toEqual([ids.a2, ids.a1]);
    expect(await list('campaignId=camp-x&channel=sms')).toEqual([]);
  });

  it('pages with a keyset cursor: no message twice, none left out', async () => {
    const first = await t.request('GET', '/outbox?limit=3', { as: analystA });
    expect(first.body.items).toHaveLength(3);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await t.request(
      'GET',
      `/outbox?limit=3&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      {
        as: analystA,
      },
    );
    expect(second.body.items.map((i: { id: string }) => i.id)).toEqual([ids.a1]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('shows one message in full: headers, HTML and text as rendered', async () => {
    const res = await t.request('GET', `/outbox/${ids.a2}`, { as: analystA });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: ids.a2,
      to: 'person2@example.org',
      html: '<p>Dear person 2</p>',
      text: 'Dear person 2',
      headers: {
        'Message-ID': '<out-a-ledger-2@acme.example>',
        'List-Unsubscribe': '<https://crm.example/u/out-a-ledger-2>',
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });
    const sms = await t.request('GET', `/outbox/${ids.aSms}`, { as: analystA });
    expect(sms.body).toMatchObject({
      channel: 'sms',
      from: 'CRM',
      text: 'Hi!',
      html: null,
      headers: {},
      subject: null,
    });
  });

  it('a resend of a reference answers the message it already has: no second copy', async () => {
    const again = await emailChannel.send(email('out-a', 1, 'camp-x'));
    expect(again).toEqual({ kind: 'accepted', providerMessageId: ids.a1 });
    const res = await t.request('GET', '/outbox?recipient=person1@example.org', { as: analystA });
    expect(res.body.items).toHaveLength(1);
  });

  it('another tenant’s message, a made-up id and a malformed one are the same 404', async () => {
    for (const [id, as] of [
      [ids.a1, marketerB],
      ['6f1c1a52-1111-4a4a-9b9b-000000000000', analystA],
      ['not-a-uuid', analystA],
    ] as const) {
      const res = await t.request('GET', `/outbox/${id}`, { as });
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.type).toBe('/problems/outbox-message-not-found');
    }
    // positive control: its owner reads it
    expect((await t.request('GET', `/outbox/${ids.b1}`, { as: marketerB })).status).toBe(200);
  });

  it('refuses bad input naming the field, other roles and anonymous callers', async () => {
    const badChannel = await t.request('GET', '/outbox?channel=fax', { as: analystA });
    expect(badChannel.status).toBe(400);
    expect(badChannel.body.errors).toEqual([expect.objectContaining({ field: 'channel' })]);
    const badCursor = await t.request('GET', '/outbox?cursor=forged', { as: analystA });
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
    expect((await t.request('GET', '/outbox', { as: customerA })).status).toBe(403);
    expect((await t.request('GET', '/outbox', { as: null })).status).toBe(401);
  });

  it('fuzzed query values and ids are a 4xx problem or a page, never a 5xx', async () => {
    const answersWell = (res: { status: number; headers: Record<string, unknown> }) =>
      res.status < 400 ||
      (res.status < 500 && String(res.headers['content-type']).includes('problem+json'));
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom('channel', 'recipient', 'campaignId', 'cursor', 'limit'),
          hostileQueryValue,
          { minKeys: 1 },
        ),
        async (query) => {
          const res = await t.request('GET', `/outbox?${new URLSearchParams(query)}`, {
            as: analystA,
          });
          if (!answersWell(res)) throw new Error(`?${new URLSearchParams(query)} -> ${res.status}`);
        },
      ),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(hostileQueryValue, async (id) => {
        const res = await t.request('GET', `/outbox/${encodeURIComponent(id)}`, { as: analystA });
        if (!answersWell(res)) throw new Error(`/outbox/${id} -> ${res.status}`);
      }),
      { numRuns: 40 },
    );
  });
});
