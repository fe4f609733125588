/**
 * The sender end to end: a real database, the real membership engine, templates and campaigns over
 * HTTP, and a real SMTP server (smtp-server + mailparser). The clock is pinned (a ManualClock at
 * noon UTC of the machine's today: relative, never a literal date) and the sender is driven pass by
 * pass (runOnce). Cases: the sent mail (recipients, Message-ID, RFC 8058 headers, the body with the
 * person's name), consent withdrawn, a hard bounce suppressing the next campaign, the frequency
 * cap, quiet hours in the person's zone, the A/B test share first, and tenant isolation of the lists.
 */
import { ManualClock, PG_POOL } from '@crm/platform';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import type { Pool } from 'pg';
import { SMTPServer } from 'smtp-server';
import { verifyTrackingToken, parseTrackingKeys } from '../campaign/tracking-token';
import { startCampaignsTestApp, type CampaignsTestApp } from '../testing/campaigns-test-app';
import { inTestShare } from './audience-split';
import { CampaignSender } from './campaign-sender';
import { BROADCAST_STEP, ledgerMessageId } from './message-id';

const TENANT = 'send-a';
const marketer = { tenant: TENANT, sub: 'mia', roles: ['marketer' as const] };
const otherTenant = { tenant: 'send-b', sub: 'bob', roles: ['marketer' as const] };
const KEYS = 'k1:sender-e2e-secret-0123456789abcdefghijklmnop';
const PUBLIC = 'https://t.example';

const noonToday = new Date();
noonToday.setUTCHours(12, 0, 0, 0);
const clock = new ManualClock(noonToday);

interface Received {
  rcptTo: string[];
  parsed: ParsedMail;
}

/** A header as sent, unfolded (RFC 5322 2.2.3). */
const header = (parsed: ParsedMail, name: string) =>
  parsed.headerLines
    .find((h) => h.key === name.toLowerCase())
    ?.line.replace(/\r?\n(?=[ \t])/g, '')
    .replace(/^[^:]+:\s*/, '');

describe('campaign sender (e2e, real SMTP)', () => {
  let t: CampaignsTestApp;
  let pool: Pool;
  let sender: CampaignSender;
  let smtp: SMTPServer;
  const received: Received[] = [];
  let template: string;

  const to = (address: string) => received.filter((r) => r.rcptTo.includes(address));

  const contact = (
    id: string,
    country: string,
    values: { consent?: string; timeZone?: string; email?: string } = {},
  ) =>
    pool.query(
      `INSERT INTO campaigns.audience_contacts (tenant, contact_id, display_name, given_name, email,
          country, time_zone, consent, registered_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        TENANT,
        id,
        `${id} Person`,
        id.charAt(0).toUpperCase() + id.slice(1),
        values.email ?? `${id}@example.org`,
        country,
        values.timeZone ?? 'Europe/Berlin',
        JSON.stringify({ email: values.consent ?? 'granted' }),
        clock.now(),
      ],
    );

  /** A live segment of everyone in `country`, once the engine has evaluated it. */
  const segment = async (country: string, members: number) => {
    const res = await t.request('POST', '/segments', {
      as: marketer,
      body: {
        name: `In ${country}`,
        kind: 'dynamic',
        rule: { field: 'country', op: 'eq', value: country },
      },
    });
    expect(res.status).toBe(201);
    expect(
      (await t.request('POST', `/segments/${res.body.id}/activate`, { as: marketer })).status,
    ).toBe(200);
    const deadline = Date.now() + 20_000;
    for (;;) {
      const { rows } = await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM campaigns.segment_members WHERE tenant = $1 AND segment_id = $2`,
        [TENANT, res.body.id],
      );
      if (rows[0]!.n === members) return res.body.id as string;
      if (Date.now() > deadline)
        throw new Error(`segment ${country}: ${rows[0]!.n} of ${members} members`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  const launch = async (segmentId: string, overrides: Record<string, unknown> = {}) => {
    const created = await t.request('POST', '/campaigns', {
      as: marketer,
      body: {
        name: 'Service plan',
        kind: { type: 'broadcast' },
        channel: 'email',
        audience: { segmentId },
        variants: [{ id: 'A', templateId: template, templateVersion: 1, sharePercent: 100 }],
        sender: { name: 'Autohaus', email: 'news@autohaus.example' },
        ...overrides,
      },
    });
    expect(created.status).toBe(201);
    const launched = await t.request('POST', `/campaigns/${created.body.id}/launch`, {
      as: marketer,
    });
    expect(launched.status).toBe(200);
    return created.body.id as string;
  };

  const status = async (campaignId: string) =>
    (await t.request('GET', `/campaigns/${campaignId}`, { as: marketer })).body.status as string;

  const messages = async (campaignId: string, query = '') => {
    const res = await t.request('GET', `/campaigns/${campaignId}/messages?limit=100${query}`, {
      as: marketer,
    });
    expect(res.status).toBe(200);
    return res.body.items as {
      contactId: string;
      status: string;
      skipReason: string | null;
      variant: string;
    }[];
  };

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith('bounce'))
          return callback(Object.assign(new Error('5.1.1 no such user'), { responseCode: 550 }));
        callback();
      },
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            received.push({ rcptTo: session.envelope.rcptTo.map((r) => r.address), parsed });
            callback(null, `Ok: queued as Q${received.length}`);
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const { port } = smtp.server.address() as AddressInfo;
    t = await startCampaignsTestApp(
      {
        SMTP_URL: `smtp://127.0.0.1:${port}`,
        CAMPAIGNS_EMAIL_RATE_PER_S: '1000',
        CAMPAIGNS_SEND_POLL_MS: '3600000',
        CAMPAIGNS_TRACKING_KEYS: KEYS,
        CAMPAIGNS_PUBLIC_URL: PUBLIC,
        CAMPAIGNS_FREQUENCY_CAP: '2',
        CAMPAIGNS_QUIET_HOURS: '21:00-08:00',
        CAMPAIGNS_AB_TEST_MAX_WAIT_MS: '0',
      },
      { clock },
    );
    pool = t.app.get(PG_POOL);
    sender = t.app.get(CampaignSender);
    const res = await t.request('POST', '/templates', {
      as: marketer,
      body: {
        channel: 'email',
        name: 'Plan',
        subject: 'For you, {{ contact.givenName }}',
        html: '<p>Hello {{ contact.givenName }}</p><p><a href="https://shop.example/plan?a=1&b=2">The plan</a></p>',
      },
    });
    expect(res.status).toBe(201);
    template = res.body.id;
  });
  afterAll(async () => {
    await t?.close();
    await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  });

  it('sends each person one personalised mail with Message-ID and one-click unsubscribe; withdrawn consent and a bounce are recorded', async () => {
    await contact('ada', 'S1');
    await contact('bea', 'S1');
    await contact('cem', 'S1', { consent: 'withdrawn' });
    await contact('bounce', 'S1');
    const campaignId = await launch(await segment('S1', 4));

    await sender.runOnce();
    expect(await status(campaignId)).toBe('completed');
    expect(to('ada@example.org')).toHaveLength(1);
    expect(to('bea@example.org')).toHaveLength(1);
    expect(to('cem@example.org')).toHaveLength(0);

    const mail = to('ada@example.org')[0]!.parsed;
    const messageId = ledgerMessageId(TENANT, campaignId, 'ada', BROADCAST_STEP);
    expect(mail.messageId).toBe(`<${messageId}@autohaus.example>`);
    expect(mail.subject).toBe('For you, Ada');
    expect(mail.from?.value[0]).toMatchObject({
      address: 'news@autohaus.example',
      name: 'Autohaus',
    });
    expect(mail.html).toContain('<p>Hello Ada</p>');
    expect(mail.text).toContain('Hello Ada');
    const listUnsubscribe = header(mail, 'List-Unsubscribe')!;
    expect(header(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const token = /^<https:\/\/t\.example\/t\/u\/([^>]+)>$/.exec(listUnsubscribe)![1]!;
    const ring = parseTrackingKeys(KEYS);
    expect(verifyTrackingToken(token, 'unsubscribe', ring)).toEqual({
      ok: true,
      claims: { tenant: TENANT, campaignId, messageId, contactId: 'ada', purpose: 'unsubscribe' },
    });
    // The link is tracked (its target inside the signed token), and there is an open pixel.
    const click = /href="https:\/\/t\.example\/t\/c\/([^"]+)"/.exec(mail.html as string)![1]!;
    expect(verifyTrackingToken(click, 'click', ring)).toMatchObject({
      ok: true,
      claims: { purpose: 'click', linkIndex: 0, url: 'https://shop.example/plan?a=1&b=2' },
    });
    expect(mail.html).toMatch(/<img src="https:\/\/t\.example\/t\/o\/[^"]+\.gif"/);

    const byContact = Object.fromEntries(
      (await messages(campaignId)).map((m) => [m.contactId, [m.status, m.skipReason]]),
    );
    expect(byContact).toEqual({
      ada: ['sent', null],
      bea: ['sent', null],
      cem: ['skipped', 'no-consent'],
      bounce: ['rejected', null],
    });
    const history = await t.request('GET', '/contacts/ada/messages', { as: marketer });
    expect(history.body.items).toEqual([
      expect.objectContaining({ campaignId, status: 'sent', variant: 'A', channel: 'email' }),
    ]);
    const stats = await t.request('GET', `/campaigns/${campaignId}/stats`, { as: marketer });
    expect(stats.body.sent).toBe(2);

    // The hard bounce suppresses: the next campaign skips that person, and sends the others once more.
    const next = await launch(await segment('S1', 4), {
      name: 'Second',
    });
    await sender.runOnce();
    expect(await status(next)).toBe('completed');
    const second = Object.fromEntries(
      (await messages(next)).map((m) => [m.contactId, [m.status, m.skipReason]]),
    );
    expect(second.bounce).toEqual(['skipped', 'suppressed']);
    expect(second.ada).toEqual(['sent', null]);
    expect(to('ada@example.org')).toHaveLength(2);
    // A third campaign within the window: ada is at the cap of 2.
    const third = await launch(await segment('S1', 4), { name: 'Third' });
    await sender.runOnce();
    const thirdMessages = Object.fromEntries(
      (await messages(third)).map((m) => [m.contactId, m.skipReason]),
    );
    expect(thirdMessages.ada).toBe('frequency-cap');
    expect(to('ada@example.org')).toHaveLength(2);
  });

  it('keeps a message due in the quiet hours of the person waiting until their morning', async () => {
    await contact('dora', 'S2', { timeZone: 'Europe/Berlin' });
    await contact('kiri', 'S2', { timeZone: 'Pacific/Auckland' }); // 12:00 UTC is 00:00-01:00 there
    const campaignId = await launch(await segment('S2', 2));
    await sender.runOnce();
    expect(to('dora@example.org')).toHaveLength(1);
    expect(to('kiri@example.org')).toHaveLength(0);
    expect(await status(campaignId)).toBe('sending');
    expect((await messages(campaignId)).map((m) => m.contactId)).toEqual(['dora']);

    clock.advance(9 * 60 * 60 * 1000); // 21:00 UTC: 09:00-10:00 in Auckland
    try {
      await sender.runOnce();
      expect(to('kiri@example.org')).toHaveLength(1);
      expect(await status(campaignId)).toBe('completed');
    } finally {
      clock.set(noonToday);
    }
  });

  it('sends the A/B test share first, then the control to the rest when no variant won', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `ab${String(i).padStart(2, '0')}`);
    for (const id of ids) await contact(id, 'S3');
    const variants = [
      { id: 'A', templateId: template, templateVersion: 1, sharePercent: 50 },
      { id: 'B', templateId: template, templateVersion: 1, sharePercent: 50 },
    ];
    const campaignId = await launch(await segment('S3', ids.length), {
      name: 'AB',
      variants,
      abTest: {
        testSharePercent: 50,
        metric: 'clicked',
        significance: 0.05,
        minimumSamplePerVariant: 1,
      },
    });
    const testShare = ids.filter((id) => inTestShare(campaignId, id, 50));
    expect(testShare.length).toBeGreaterThan(0);
    expect(testShare.length).toBeLessThan(ids.length);

    await sender.runOnce(); // the test share, then the decision (no clicks: no winner)
    const afterTest = await messages(campaignId);
    expect(afterTest.map((m) => m.contactId).sort()).toEqual(testShare);
    const campaign = await t.request('GET', `/campaigns/${campaignId}`, { as: marketer });
    expect(campaign.body).toMatchObject({ phase: 'rest', status: 'sending' });

    await sender.runOnce(); // the rest, all with the control
    expect(await status(campaignId)).toBe('completed');
    const all = await messages(campaignId);
    expect(all).toHaveLength(ids.length);
    for (const m of all.filter((x) => !testShare.includes(x.contactId)))
      expect(m.variant).toBe('A');
    for (const id of ids) expect(to(`${id}@example.org`)).toHaveLength(1);
  });

  it('sends a segment-entered campaign delayDays after each entry since its launch, once per entry', async () => {
    await contact('eli', 'S4'); // in the segment before the launch: not an entry to act on
    const segmentId = await segment('S4', 1);
    clock.advance(60_000); // the launch comes a minute after eli's entry
    const campaignId = await launch(segmentId, {
      name: 'Welcome',
      kind: { type: 'triggered', trigger: { event: 'segment-entered', segmentId, delayDays: 1 } },
    });
    // fay arrives after the launch: the audience queues her for the membership engine.
    await contact('fay', 'S4');
    await pool.query(
      `INSERT INTO campaigns.audience_changes (tenant, contact_id, changed_at) VALUES ($1, 'fay', $2)`,
      [TENANT, clock.now()],
    );
    await pool.query(`NOTIFY campaigns_audience_changes`);
    const deadline = Date.now() + 20_000;
    while (
      (
        await pool.query(
          `SELECT 1 FROM campaigns.segment_members WHERE tenant = $1 AND segment_id = $2 AND contact_id = 'fay'`,
          [TENANT, segmentId],
        )
      ).rowCount === 0
    ) {
      if (Date.now() > deadline) throw new Error('fay never joined');
      await new Promise((r) => setTimeout(r, 100));
    }
    await sender.runOnce();
    expect(to('fay@example.org')).toHaveLength(0); // due a day after she joined
    clock.advance(24 * 60 * 60 * 1000);
    try {
      await sender.runOnce();
      await sender.runOnce();
      expect(to('fay@example.org')).toHaveLength(1);
      expect(to('eli@example.org')).toHaveLength(0);
      const sent = await messages(campaignId);
      expect(sent).toEqual([expect.objectContaining({ contactId: 'fay', status: 'sent' })]);
      expect(await status(campaignId)).toBe('sending'); // runs until cancelled
    } finally {
      clock.set(noonToday);
    }
  });

  it('keeps message lists to their tenant', async () => {
    const { body } = await t.request('GET', '/campaigns?limit=1', { as: marketer });
    const campaignId = body.items[0].id as string;
    expect((await messages(campaignId)).length).toBeGreaterThan(0); // the owner sees them
    const theirs = await t.request('GET', `/campaigns/${campaignId}/messages`, { as: otherTenant });
    expect(theirs.status).toBe(404);
    const history = await t.request('GET', '/contacts/ada/messages', { as: otherTenant });
    expect(history.status).toBe(200);
    expect(history.body.items).toEqual([]);
    const bad = await t.request('GET', `/campaigns/${campaignId}/messages?status=lost`, {
      as: marketer,
    });
    expect(bad.status).toBe(400);
  });
});
