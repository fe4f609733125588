/**
 * The public response endpoints on the real app, PostgreSQL and the embedded log transport.
 * Most messages are written through the sender's message aggregate (dispatched, then sent), tokens
 * signed with the key ring the app verifies with; one case sends a real campaign through the
 * sender to the capture outbox and follows the links in the mail as it was rendered. What is asserted is what lands on the
 * message's stream and in the sender's read models, and what crm.campaigns.v1 carries.
 */
import { CE, topicFor } from '@crm/contracts';
import { handleCommand, type EventStore } from '@crm/event-sourcing';
import {
  createTransport,
  messagingConfigFromEnv,
  namespacedName,
  type MessageTransport,
} from '@crm/messaging';
import { EVENT_STORE, ManualClock, PG_POOL } from '@crm/platform';
import { eventually, uniqueName } from '@crm/testing';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import {
  parseTrackingKeys,
  signTrackingToken,
  type TrackingClaims,
} from '../campaign/tracking-token';
import { STREAM } from '../infrastructure/streams';
import { messageDecider } from '../sending/message.decider';
import { CampaignSender } from '../sending/campaign-sender';
import { startCampaignsTestApp, type CampaignsTestApp } from '../testing/campaigns-test-app';
import { signWebhookBody } from './webhook-signature';

const KEYS = `k1:${'a'.repeat(40)}`;
const RING = parseTrackingKeys(KEYS);
const OTHER_RING = parseTrackingKeys(`k1:${'b'.repeat(40)}`);
const SECRET = 'webhook-secret-0123456789abcdef0123456789';
const TENANT = 'resp-a';
const OTHER_TENANT = 'resp-b';
const CAMPAIGN = 'cmp-responses';
const HUMAN_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
const SCANNER_UA = 'Barracuda Sentinel (EE)';
// Noon UTC of the machine's today (relative, never a literal date; outside quiet hours), pinned
// so click timing is exact.
const noonToday = new Date();
noonToday.setUTCHours(12, 0, 0, 0);
const clock = new ManualClock(noonToday);

describe('campaign responses (e2e)', () => {
  let t: CampaignsTestApp;
  let store: EventStore;
  let pool: Pool;
  let broker: MessageTransport;
  let stopConsumer: (() => Promise<void>) | undefined;
  const published: { type: string; tenant: string; data: any }[] = [];

  const inject = (
    method: 'GET' | 'HEAD' | 'POST',
    url: string,
    headers: Record<string, string> = {},
    payload?: string,
  ) => t.app.inject({ method, url, headers: { 'user-agent': HUMAN_UA, ...headers }, payload });

  /** The message's events as the test reads them (`data` loosely typed). */
  const eventsOf = async (
    tenant: string,
    messageId: string,
  ): Promise<{ type: string; data: any }[]> =>
    (await store.readStream({ tenant, id: STREAM.message(messageId) })).events.map((e) => ({
      type: e.type,
      data: e.data,
    }));

  /** A message dispatched and sent now, through the sender's aggregate. */
  async function sentMessage(tenant = TENANT) {
    const ref = {
      messageId: randomUUID(),
      campaignId: CAMPAIGN,
      contactId: `c-${randomUUID().slice(0, 8)}`,
      channel: 'email' as const,
    };
    const stream = { tenant, id: STREAM.message(ref.messageId) };
    const ctx = { tenant, actor: 'test', now: () => clock.now() };
    const at = clock.now().toISOString();
    await handleCommand(
      store,
      messageDecider,
      stream,
      {
        type: 'DispatchMessage',
        data: { ...ref, step: 'broadcast', variantId: 'A', at },
      },
      ctx,
    );
    await handleCommand(
      store,
      messageDecider,
      stream,
      {
        type: 'RecordSent',
        data: { providerMessageId: `p-${ref.messageId}`, at },
      },
      ctx,
    );
    await eventually(
      async () => expect(await messageRow(tenant, ref.messageId)).toBeDefined(),
      30_000,
    );
    return ref;
  }
  const claimsOf = (m: Awaited<ReturnType<typeof sentMessage>>, tenant = TENANT) => ({
    tenant,
    campaignId: m.campaignId,
    messageId: m.messageId,
    contactId: m.contactId,
  });
  const token = (claims: TrackingClaims, ring = RING) => signTrackingToken(claims, ring);

  async function messageRow(tenant: string, messageId: string) {
    const { rows } = await pool.query(
      `SELECT opens, clicks, first_opened_at, first_clicked_at, unsubscribed_at, bounced
         FROM campaigns.campaign_messages WHERE tenant = $1 AND message_id = $2`,
      [tenant, messageId],
    );
    return rows[0];
  }
  async function suppression(tenant: string, contactId: string) {
    const { rows } = await pool.query(
      `SELECT reason FROM campaigns.suppressions WHERE tenant = $1 AND channel = 'email' AND contact_id = $2`,
      [tenant, contactId],
    );
    return rows[0]?.reason as string | undefined;
  }
  const webhook = (body: string, signature?: string) =>
    inject(
      'POST',
      '/webhooks/bounces',
      {
        'content-type': 'application/json',
        ...(signature !== undefined ? { 'x-crm-signature': signature } : {}),
      },
      body,
    );
  const signed = (body: string) =>
    signWebhookBody(SECRET, Math.floor(clock.now().getTime() / 1000), body);

  beforeAll(async () => {
    const namespace = uniqueName('responses');
    process.env.MESSAGING_NAMESPACE = namespace;
    t = await startCampaignsTestApp(
      {
        KAFKA_BROKERS: '',
        CAMPAIGNS_TRACKING_KEYS: KEYS,
        CAMPAIGNS_WEBHOOK_SECRET: SECRET,
        CAMPAIGNS_PUBLIC_BURST: '100000',
        CAMPAIGNS_PUBLIC_URL: 'https://t.example',
        CAMPAIGNS_SEND_POLL_MS: '3600000',
        CAMPAIGNS_EMAIL_RATE_PER_S: '1000',
      },
      { clock },
    );
    store = t.app.get<EventStore>(EVENT_STORE);
    pool = t.app.get<Pool>(PG_POOL);
    broker = createTransport(
      messagingConfigFromEnv({ KAFKA_BROKERS: '', DATABASE_URL: t.db.url }),
      {
        clientId: 'responses-e2e',
      },
    );
    const handle = await broker.consume({
      groupId: uniqueName('responses-reader'),
      topics: [namespacedName(namespace, topicFor('campaigns'))],
      fromBeginning: true,
      handle: async (m) => {
        published.push({
          type: m.headers[CE.type],
          tenant: m.headers[CE.tenant],
          data: JSON.parse(m.value.toString()),
        });
      },
    });
    await handle.ready;
    stopConsumer = () => handle.stop();
  }, 120_000);
  afterAll(async () => {
    await stopConsumer?.();
    await broker?.close();
    await t?.close();
    delete process.env.MESSAGING_NAMESPACE;
  });

  it('the pixel answers a GIF and counts an open; a second one counts in the total only', async () => {
    const m = await sentMessage();
    const url = `/t/o/${token({ ...claimsOf(m), purpose: 'open' })}.gif`;
    for (const path of [url, url.slice(0, -4)]) {
      const res = await inject('GET', path);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/gif');
      expect(res.headers['cache-control']).toContain('no-store');
      expect(res.rawPayload.subarray(0, 6).toString()).toBe('GIF89a');
    }
    const opens = (await eventsOf(TENANT, m.messageId)).filter((e) => e.type === 'MessageOpened');
    expect(opens.map((e) => [e.data.userAgentClass, e.data.countsInRates, e.data.first])).toEqual([
      ['human', true, true],
      ['human', true, false],
    ]);
    await eventually(async () => {
      const row = await messageRow(TENANT, m.messageId);
      expect(row.opens).toBe(2);
      expect(row.first_opened_at).not.toBeNull();
    }, 30_000);
  });

  it('a forged or altered token: 404 without detail (the pixel a GIF), nothing recorded', async () => {
    const m = await sentMessage();
    const click = token({
      ...claimsOf(m),
      purpose: 'click',
      linkIndex: 0,
      url: 'https://shop.example/a',
    });
    const [v, kid, payload, mac] = click.split('.');
    const forged = [
      `${v}.${kid}.${payload.slice(0, -1)}${payload.endsWith('A') ? 'B' : 'A'}.${mac}`,
      `${v}.${kid}.${payload}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`,
      token(
        { ...claimsOf(m), purpose: 'click', linkIndex: 0, url: 'https://shop.example/a' },
        OTHER_RING,
      ),
      'garbage',
    ];
    const check404 = async (path: string) => {
      const res = await inject('GET', path);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).not.toHaveProperty('detail');
      expect(res.headers.location).toBeUndefined();
    };
    const checkPixel = async (path: string) => {
      const pixel = await inject('GET', path);
      expect(pixel.statusCode).toBe(200);
      expect(pixel.headers['content-type']).toBe('image/gif');
    };
    const unsubscribePost = (path: string) =>
      inject(
        'POST',
        path,
        { 'content-type': 'application/x-www-form-urlencoded' },
        'List-Unsubscribe=One-Click',
      );
    for (const bad of forged) {
      await check404(`/t/c/${bad}`);
      await checkPixel(`/t/o/${bad}.gif`);
      expect((await unsubscribePost(`/t/u/${bad}`)).statusCode).toBe(404);
    }
    // Rightly signed, for another purpose: an open or unsubscribe token is no redirect, and so on.
    const openToken = token({ ...claimsOf(m), purpose: 'open' });
    const unsubscribeToken = token({ ...claimsOf(m), purpose: 'unsubscribe' });
    await check404(`/t/c/${openToken}`);
    await check404(`/t/c/${unsubscribeToken}`);
    await checkPixel(`/t/o/${unsubscribeToken}.gif`);
    await checkPixel(`/t/o/${click}.gif`);
    expect((await unsubscribePost(`/t/u/${openToken}`)).statusCode).toBe(404);
    // Only the ledger's two events: nothing was recorded.
    expect((await eventsOf(TENANT, m.messageId)).map((e) => e.type)).toEqual([
      'MessageDispatched',
      'MessageSent',
    ]);
  });

  it('the redirect goes to the URL in the token, whatever the query says; scanners and HEAD are kept out of the rates', async () => {
    const m = await sentMessage();
    const target = 'https://shop.example/offer?id=7&utm_source=crm';
    const click = token({ ...claimsOf(m), purpose: 'click', linkIndex: 2, url: target });
    // Within the scanner window after the send, with a browser's User-Agent: a gateway.
    clock.advance(2_000);
    const early = await inject(
      'GET',
      `/t/c/${click}?url=https://evil.example/&redirect=https://evil.example/`,
    );
    expect(early.statusCode).toBe(302);
    expect(early.headers.location).toBe(target);
    clock.advance(60_000);
    const head = await inject('HEAD', `/t/c/${click}`);
    expect(head.statusCode).toBe(302);
    expect(head.headers.location).toBe(target);
    expect(head.payload).toBe('');
    expect((await inject('GET', `/t/c/${click}`, { 'user-agent': SCANNER_UA })).statusCode).toBe(
      302,
    );
    const pixelHead = await inject(
      'HEAD',
      `/t/o/${token({ ...claimsOf(m), purpose: 'open' })}.gif`,
    );
    expect(pixelHead.statusCode).toBe(200);
    expect(pixelHead.payload).toBe('');
    const person = await inject('GET', `/t/c/${click}?url=https://evil.example/`);
    expect(person.headers.location).toBe(target);

    const events = await eventsOf(TENANT, m.messageId);
    const clicks = events.filter((e) => e.type === 'MessageClicked');
    expect(clicks.map((e) => [e.data.userAgentClass, e.data.countsInRates, e.data.first])).toEqual([
      ['bot', false, false], // too soon after the send
      ['bot', false, false], // HEAD
      ['bot', false, false], // a known scanner
      ['human', true, true], // the person: the first that counts (unique)
    ]);
    expect(clicks.every((e) => e.data.url === target && e.data.linkIndex === 2)).toBe(true);
    const opens = events.filter((e) => e.type === 'MessageOpened');
    expect(opens.map((e) => [e.data.userAgentClass, e.data.countsInRates])).toEqual([
      ['bot', false],
    ]);
    await eventually(async () => {
      const row = await messageRow(TENANT, m.messageId);
      expect(row.clicks).toBe(4); // total, bots included
      expect(row.first_clicked_at).not.toBeNull(); // unique: the person's
      expect(row.first_opened_at).toBeNull(); // the HEAD open does not count
    }, 30_000);
  });

  it('GET unsubscribe only asks; the one-click POST unsubscribes, suppresses and is published', async () => {
    const m = await sentMessage();
    const unsubscribe = token({ ...claimsOf(m), purpose: 'unsubscribe' });
    const page = await inject('GET', `/t/u/${unsubscribe}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.payload).toContain(`<form method="post" action="/t/u/${unsubscribe}">`);
    expect(page.payload).not.toContain(m.contactId);
    expect((await eventsOf(TENANT, m.messageId)).map((e) => e.type)).toEqual([
      'MessageDispatched',
      'MessageSent',
    ]);

    const done = await inject(
      'POST',
      `/t/u/${unsubscribe}`,
      { 'content-type': 'application/x-www-form-urlencoded' },
      'List-Unsubscribe=One-Click',
    );
    expect(done.statusCode).toBe(200);
    expect(done.payload).toContain('You are unsubscribed');
    // The confirmation form's POST (a repeat) changes nothing more.
    const again = await inject(
      'POST',
      `/t/u/${unsubscribe}`,
      { 'content-type': 'application/x-www-form-urlencoded' },
      'confirm=yes',
    );
    expect(again.statusCode).toBe(200);
    expect(
      (await eventsOf(TENANT, m.messageId)).filter((e) => e.type === 'MessageUnsubscribed'),
    ).toHaveLength(1);
    await eventually(
      async () => expect(await suppression(TENANT, m.contactId)).toBe('unsubscribe'),
      30_000,
    );
    await eventually(async () => {
      const fact = published.find(
        (p) =>
          p.type === 'crm.campaigns.message.unsubscribed.v1' && p.data.messageId === m.messageId,
      );
      expect({
        types: [...new Set(published.map((p) => p.type))],
        found: fact !== undefined,
      }).toEqual({ types: expect.anything(), found: true });
      expect(fact!.tenant).toBe(TENANT);
      expect(fact!.data.contactId).toBe(m.contactId);
    }, 60_000);
  }, 120_000);

  it('the bounce webhook: a bad signature is 401, a bad body 422 naming the field, a hard bounce suppresses', async () => {
    const m = await sentMessage();
    const body = JSON.stringify({
      events: [
        {
          type: 'bounce',
          bounceKind: 'hard',
          messageId: `<${m.messageId}@mail.shop.example>`,
          code: '550',
          text: '5.1.1 user unknown',
          recipient: 'gone@example.com',
          at: clock.now().toISOString(),
        },
        { type: 'complaint', messageId: randomUUID(), at: clock.now().toISOString() },
      ],
    });
    for (const signature of [
      undefined,
      'garbage',
      signWebhookBody(
        'another-secret-0123456789abcdef01',
        Math.floor(clock.now().getTime() / 1000),
        body,
      ),
    ]) {
      const res = await webhook(body, signature);
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    // Replayed after the tolerance window.
    const stale = signWebhookBody(SECRET, Math.floor(clock.now().getTime() / 1000) - 301, body);
    expect((await webhook(body, stale)).statusCode).toBe(401);
    // Signed over other bytes than sent (the same JSON re-spaced).
    expect(
      (await webhook(body, signed(JSON.stringify(JSON.parse(body), null, 1)))).statusCode,
    ).toBe(401);
    expect((await eventsOf(TENANT, m.messageId)).map((e) => e.type)).toEqual([
      'MessageDispatched',
      'MessageSent',
    ]);

    const bad = JSON.stringify({ events: [{ type: 'bounce', messageId: m.messageId, at: 'now' }] });
    const refused = await webhook(bad, signed(bad));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'events[0].bounceKind',
      'events[0].at',
    ]);

    const res = await webhook(body, signed(body));
    expect(res.statusCode).toBe(200);
    expect(res.json().results).toEqual([
      { index: 0, messageId: m.messageId, outcome: 'recorded' },
      { index: 1, messageId: expect.any(String), outcome: 'unknown-message' },
    ]);
    await eventually(
      async () => expect(await suppression(TENANT, m.contactId)).toBe('hard-bounce'),
      30_000,
    );
    const bounced = (await eventsOf(TENANT, m.messageId)).filter(
      (e) => e.type === 'MessageBounced',
    );
    expect(bounced.map((e) => [e.data.kind, e.data.code])).toEqual([['hard', '550']]);
    expect(JSON.stringify(bounced.map((e) => e.data))).not.toContain('gone@example.com');
    // A redelivery changes nothing.
    expect((await webhook(body, signed(body))).statusCode).toBe(200);
    expect(
      (await eventsOf(TENANT, m.messageId)).filter((e) => e.type === 'MessageBounced'),
    ).toHaveLength(1);
  });

  it('three soft bounces of a contact suppress it, two do not; a complaint suppresses at once', async () => {
    const m = await sentMessage();
    const complained = await sentMessage();
    const soft = (n: number) =>
      JSON.stringify({
        events: Array.from({ length: n }, (_, i) => ({
          type: 'bounce',
          bounceKind: 'soft',
          reference: m.messageId,
          code: '452',
          text: `mailbox full (${i})`,
          at: clock.now().toISOString(),
        })),
      });
    const twice = soft(2);
    expect((await webhook(twice, signed(twice))).statusCode).toBe(200);
    const complaint = JSON.stringify({
      events: [
        { type: 'complaint', messageId: complained.messageId, at: clock.now().toISOString() },
      ],
    });
    expect((await webhook(complaint, signed(complaint))).json().results[0].outcome).toBe(
      'recorded',
    );
    await eventually(
      async () => expect(await suppression(TENANT, complained.contactId)).toBe('complaint'),
      30_000,
    );
    expect(await suppression(TENANT, m.contactId)).toBeUndefined();
    const once = soft(1);
    expect((await webhook(once, signed(once))).statusCode).toBe(200);
    await eventually(
      async () => expect(await suppression(TENANT, m.contactId)).toBe('soft-bounces'),
      30_000,
    );
  });

  it('a token of one tenant never touches another, nor an unknown message', async () => {
    const m = await sentMessage(TENANT);
    const asOther = { ...claimsOf(m), tenant: OTHER_TENANT };
    const unknown = { ...claimsOf(m), messageId: randomUUID() };
    for (const claims of [asOther, unknown]) {
      expect(
        (await inject('GET', `/t/o/${token({ ...claims, purpose: 'open' })}.gif`)).statusCode,
      ).toBe(200);
      expect(
        (
          await inject(
            'GET',
            `/t/c/${token({ ...claims, purpose: 'click', linkIndex: 0, url: 'https://shop.example/' })}`,
          )
        ).statusCode,
      ).toBe(404);
      expect(
        (await inject('GET', `/t/u/${token({ ...claims, purpose: 'unsubscribe' })}`)).statusCode,
      ).toBe(404);
      expect(
        (
          await inject(
            'POST',
            `/t/u/${token({ ...claims, purpose: 'unsubscribe' })}`,
            { 'content-type': 'application/x-www-form-urlencoded' },
            'List-Unsubscribe=One-Click',
          )
        ).statusCode,
      ).toBe(404);
    }
    expect((await eventsOf(TENANT, m.messageId)).map((e) => e.type)).toEqual([
      'MessageDispatched',
      'MessageSent',
    ]);
    expect(await eventsOf(OTHER_TENANT, m.messageId)).toEqual([]);
  });

  it('a real send through the capture outbox: its pixel, link and one-click unsubscribe work, and the stats count unique opens and clicks', async () => {
    const marketer = { tenant: TENANT, sub: 'mia', roles: ['marketer' as const] };
    await pool.query(
      `INSERT INTO campaigns.audience_contacts (tenant, contact_id, display_name, given_name, email,
          country, time_zone, consent, registered_at)
       VALUES ($1, 'ada', 'Ada Person', 'Ada', 'ada@example.org', 'RS', 'Europe/Berlin', $2, $3)`,
      [TENANT, JSON.stringify({ email: 'granted' }), clock.now()],
    );
    const segment = await t.request('POST', '/segments', {
      as: marketer,
      body: { name: 'In RS', kind: 'dynamic', rule: { field: 'country', op: 'eq', value: 'RS' } },
    });
    expect(
      (await t.request('POST', `/segments/${segment.body.id}/activate`, { as: marketer })).status,
    ).toBe(200);
    await eventually(async () => {
      const { rows } = await pool.query(
        `SELECT 1 FROM campaigns.segment_members WHERE tenant = $1 AND segment_id = $2`,
        [TENANT, segment.body.id],
      );
      expect(rows).toHaveLength(1);
    }, 30_000);
    const template = await t.request('POST', '/templates', {
      as: marketer,
      body: {
        channel: 'email',
        name: 'Plan',
        subject: 'Hello {{ contact.givenName }}',
        html: '<p>Hello</p><p><a href="https://shop.example/plan?a=1&b=2">The plan</a></p>',
      },
    });
    expect(template.status).toBe(201);
    const created = await t.request('POST', '/campaigns', {
      as: marketer,
      body: {
        name: 'Plan',
        kind: { type: 'broadcast' },
        channel: 'email',
        audience: { segmentId: segment.body.id },
        variants: [
          { id: 'A', templateId: template.body.id, templateVersion: 1, sharePercent: 100 },
        ],
        sender: { name: 'Shop', email: 'news@shop.example' },
      },
    });
    expect(created.status).toBe(201);
    const campaignId = created.body.id as string;
    expect(
      (await t.request('POST', `/campaigns/${campaignId}/launch`, { as: marketer })).status,
    ).toBe(200);
    await t.app.get(CampaignSender).runOnce();

    const outbox = await t.request('GET', `/outbox?campaignId=${campaignId}`, { as: marketer });
    expect(outbox.body.items).toHaveLength(1);
    const mail = await t.request('GET', `/outbox/${outbox.body.items[0].id}`, { as: marketer });
    const html = mail.body.html as string;
    const pixel = /src="https:\/\/t\.example(\/t\/o\/[^"]+)"/.exec(html)![1]!;
    const link = /href="https:\/\/t\.example(\/t\/c\/[^"]+)"/.exec(html)![1]!;
    const listUnsubscribe = Object.entries(mail.body.headers as Record<string, string>).find(
      ([name]) => name.toLowerCase() === 'list-unsubscribe' || name === 'listUnsubscribe',
    )![1];
    const unsubscribe = /<https:\/\/t\.example(\/t\/u\/[^>]+)>/.exec(listUnsubscribe)![1]!;

    clock.advance(60_000); // past the scanner window
    for (let i = 0; i < 2; i++) {
      expect((await inject('GET', pixel)).statusCode).toBe(200);
      const res = await inject('GET', link);
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe('https://shop.example/plan?a=1&b=2');
    }
    expect((await inject('HEAD', link)).statusCode).toBe(302); // a machine: in the total only
    const post = await inject(
      'POST',
      unsubscribe,
      { 'content-type': 'application/x-www-form-urlencoded' },
      'List-Unsubscribe=One-Click',
    );
    expect(post.statusCode).toBe(200);

    await eventually(async () => {
      const stats = await t.request('GET', `/campaigns/${campaignId}/stats`, { as: marketer });
      expect(stats.body.variants[0]).toMatchObject({ sent: 1, opened: 1, clicked: 1 });
      const { rows } = await pool.query(
        `SELECT opens, clicks FROM campaigns.campaign_messages WHERE tenant = $1 AND campaign_id = $2`,
        [TENANT, campaignId],
      );
      expect(rows).toEqual([{ opens: 2, clicks: 3 }]);
      expect(await suppression(TENANT, 'ada')).toBe('unsubscribe');
    }, 30_000);
  }, 120_000);

  it('fuzzed tokens and webhook bodies never answer 5xx', async () => {
    const m = await sentMessage();
    const valid = token({ ...claimsOf(m), purpose: 'open' });
    const tokenish = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.stringMatching(/^[A-Za-z0-9_.-]{0,300}$/),
      fc
        .nat({ max: valid.length - 1 })
        .chain((i) =>
          fc
            .constantFrom('A', '.', '-', '_', '%00', '%2F', '..')
            .map((c) => valid.slice(0, i) + c + valid.slice(i + 1)),
        ),
      fc.constant('x'.repeat(5000)),
    );
    await fc.assert(
      fc.asyncProperty(
        tokenish,
        fc.constantFrom('o', 'c', 'u'),
        fc.constantFrom('GET', 'HEAD', 'POST'),
        async (raw, kind, method) => {
          const res = await inject(method as 'GET', `/t/${kind}/${encodeURIComponent(raw)}`);
          expect(res.statusCode).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
    const bodies = fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc
        .record({
          events: fc.array(
            fc.dictionary(
              fc.constantFrom(
                'type',
                'bounceKind',
                'messageId',
                'reference',
                'code',
                'text',
                'at',
                'x',
              ),
              fc.jsonValue(),
            ),
            { maxLength: 5 },
          ),
        })
        .map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 300 }),
    );
    await fc.assert(
      fc.asyncProperty(bodies, fc.boolean(), async (body, sign) => {
        const res = await webhook(body, sign ? signed(body) : 't=1,v1=00');
        expect(res.statusCode).toBeLessThan(500);
        // Unsigned: refused (400 when the JSON itself cannot be parsed, before any handler).
        if (!sign) expect([400, 401]).toContain(res.statusCode);
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
