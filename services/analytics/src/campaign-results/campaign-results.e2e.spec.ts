/**
 * Campaign results on real PostgreSQL: campaign facts and orders fed as campaigns and sales
 * publish them (the embedded log), dates relative to a clock pinned near today, every number
 * counted by hand from the facts below.
 */
import * as C from '@crm/contracts';
import { ManualClock } from '@crm/platform';
import {
  openIntegrationFeed,
  startHttpTestApp,
  type FedMessage,
  type HttpTestApp,
  type IntegrationFeed,
} from '@crm/platform/testing';
import { uniqueName } from '@crm/testing';
import { writeFileSync } from 'node:fs';
import { Pool } from 'pg';
import { AppModule } from '../app.module';
import { INGEST_CONSUMER } from '../ingest/ingest-consumer';
import { OUTCOMES_CONSUMER } from './message-outcomes.consumer';
import * as F from '../ingest/testing/facts';
import { ANALYTICS_TEST_JWT_SECRET } from '../testing/analytics-test-app';

const real = new Date();
const NOW = new Date(Date.UTC(real.getUTCFullYear(), real.getUTCMonth(), real.getUTCDate(), 12));
const clock = new ManualClock(NOW);
const DAY = 86_400_000;
const daysAgo = (d: number) => new Date(NOW.getTime() - d * DAY).toISOString();
const dayOf = (d: number) => daysAgo(d).slice(0, 10);
/** CAMPAIGN_SVG_DIR=/tmp/x: keep the drawn chart, to convert with rsvg-convert and look at. */
const look = (name: string, svg: string) =>
  process.env.CAMPAIGN_SVG_DIR && writeFileSync(`${process.env.CAMPAIGN_SVG_DIR}/${name}.svg`, svg);

const launched = (
  campaignId: string,
  name: string,
  channel: string,
  at: string,
  tenant: string,
): FedMessage => ({
  topic: 'campaigns',
  type: C.CampaignLaunched.type,
  subject: campaignId,
  time: at,
  tenant,
  data: { campaignId, name, channel, launchedAt: at },
});
const sent = (
  messageId: string,
  campaignId: string,
  contactId: string,
  channel: string,
  at: string,
  tenant: string,
): FedMessage => ({
  topic: 'campaigns',
  type: C.MessageSent.type,
  subject: messageId,
  time: at,
  tenant,
  data: { messageId, campaignId, contactId, channel, sentAt: at },
});
const unsubscribed = (
  messageId: string,
  campaignId: string,
  contactId: string,
  at: string,
  tenant: string,
): FedMessage => ({
  topic: 'campaigns',
  type: C.ContactUnsubscribed.type,
  subject: messageId,
  time: at,
  tenant,
  data: { messageId, campaignId, contactId, channel: 'email', unsubscribedAt: at },
});
const outcome = (
  type: string,
  messageId: string,
  campaignId: string,
  contactId: string,
  channel: string,
  at: string,
  members: object,
  tenant: string,
  id?: string,
): FedMessage => ({
  topic: 'campaigns',
  type,
  subject: contactId,
  time: at,
  tenant,
  id,
  data: { messageId, campaignId, contactId, channel, ...members },
});
const order = (id: string, contactId: string, at: string, minor: number, tenant: string) =>
  F.placed(id, contactId, at, [F.line('p-1', minor)], { tenant });

/**
 * Tenant a: "Spring" (email, sent 60 days ago to u1..u4): u1 opens, clicks and buys 5 days later
 * (100.00); u2 opens and buys 45 days later (outside the 30-day window); u3 unsubscribes; u4 buys
 * and cancels. "Flash" (sms, 10 days ago to u1 and u5): u5 clicks and buys 2 days later (50.00).
 * "Old" (email, 200 days ago, outside the default 90 days). u1 and u2 are in segment Fans since 100
 * days ago; u5 joins it 5 days ago, after Flash was sent. Provider outcomes: u4's Spring message
 * bounces (soft) after acceptance, u3 complains, u6's Spring message is refused at once (hard
 * bounce, never sent), u7's Flash message gets no answer (outcome unknown).
 */
function factsA(): FedMessage[] {
  const t = 'tenant-a';
  return [
    launched('c-spring', 'Spring', 'email', daysAgo(61), t),
    launched('c-flash', 'Flash', 'sms', daysAgo(11), t),
    launched('c-old', 'Old', 'email', daysAgo(201), t),
    F.joinedSegment('seg-fans', 'u1', daysAgo(100), { tenant: t }),
    F.joinedSegment('seg-fans', 'u2', daysAgo(100), { tenant: t }),
    F.joinedSegment('seg-fans', 'u5', daysAgo(5), { tenant: t }),
    ...['u1', 'u2', 'u3', 'u4'].map((u) =>
      sent(`m-spring-${u}`, 'c-spring', u, 'email', daysAgo(60), t),
    ),
    F.opened('m-spring-u1', 'c-spring', 'u1', daysAgo(59), { tenant: t }),
    F.clicked('m-spring-u1', 'c-spring', 'u1', daysAgo(59), { tenant: t }),
    F.opened('m-spring-u2', 'c-spring', 'u2', daysAgo(58), { tenant: t }),
    unsubscribed('m-spring-u3', 'c-spring', 'u3', daysAgo(58), t),
    order('o-u1', 'u1', daysAgo(55), 10_000, t),
    order('o-u2', 'u2', daysAgo(15), 7_000, t),
    order('o-u4', 'u4', daysAgo(50), 9_000, t),
    F.cancelled('o-u4', 'u4', daysAgo(49), { tenant: t }),
    sent('m-flash-u1', 'c-flash', 'u1', 'sms', daysAgo(10), t),
    sent('m-flash-u5', 'c-flash', 'u5', 'sms', daysAgo(10), t),
    F.clicked('m-flash-u5', 'c-flash', 'u5', daysAgo(9), { tenant: t }),
    order('o-u5', 'u5', daysAgo(8), 5_000, t),
    sent('m-old-u1', 'c-old', 'u1', 'email', daysAgo(200), t),
    outcome(
      C.MessageBounced.type,
      'm-spring-u4',
      'c-spring',
      'u4',
      'email',
      daysAgo(59),
      { kind: 'soft', code: '452', bouncedAt: daysAgo(59) },
      t,
      'bounce-u4',
    ),
    outcome(
      C.MessageComplained.type,
      'm-spring-u3',
      'c-spring',
      'u3',
      'email',
      daysAgo(57),
      { complainedAt: daysAgo(57) },
      t,
    ),
    outcome(
      C.MessageBounced.type,
      'm-spring-u6',
      'c-spring',
      'u6',
      'email',
      daysAgo(60),
      { kind: 'hard', code: '550', bouncedAt: daysAgo(60) },
      t,
    ),
    outcome(
      C.MessageOutcomeUnknown.type,
      'm-flash-u7',
      'c-flash',
      'u7',
      'sms',
      daysAgo(10),
      { reason: 'timeout', at: daysAgo(10) },
      t,
    ),
  ];
}

describe('campaign results report', () => {
  let t: HttpTestApp;
  let pool: Pool;
  let feed: IntegrationFeed;
  let outcomes: IntegrationFeed;

  const get = (url: string, as: object = {}) => t.request('GET', url, { as });
  const json = async (url: string, as: object = {}) => {
    const res = await get(url, as);
    return { status: res.statusCode, body: JSON.parse(res.body), headers: res.headers };
  };
  const pick = (rows: Record<string, unknown>[]) =>
    rows.map(({ label, sent, opened, clicked, unsubscribed, conversions, revenueMinor }) => ({
      label,
      sent,
      opened,
      clicked,
      unsubscribed,
      conversions,
      revenueMinor,
    }));

  beforeAll(async () => {
    process.env.MESSAGING_NAMESPACE = uniqueName('analytics-campaign-results');
    t = await startHttpTestApp(AppModule, {
      databasePrefix: 'analytics_campaign_results_e2e',
      jwtSecret: ANALYTICS_TEST_JWT_SECRET,
      defaultCaller: { sub: 'marketer-1', roles: ['marketer'], tenant: 'tenant-a' },
      clock,
    });
    pool = new Pool({ connectionString: t.db.url, max: 2 });
    feed = openIntegrationFeed({
      consumer: INGEST_CONSUMER.consumer!,
      databaseUrl: t.db.url,
      pool,
    });
    outcomes = openIntegrationFeed({
      consumer: OUTCOMES_CONSUMER.consumer!,
      databaseUrl: t.db.url,
      pool,
    });
    // One at a time: a cancellation must come after its order, a click after its send. Provider
    // outcomes are read by their own consumer group.
    const outcomeTypes = [
      C.MessageBounced.type,
      C.MessageComplained.type,
      C.MessageOutcomeUnknown.type,
    ];
    for (const fact of factsA())
      await (outcomeTypes.includes(fact.type) ? outcomes : feed).deliver(fact);
    const b = 'tenant-b';
    await feed.deliver(launched('c-b', 'Other shop', 'email', daysAgo(4), b));
    await feed.deliver(sent('m-b-1', 'c-b', 'w1', 'email', daysAgo(3), b));
    await feed.deliver(F.opened('m-b-1', 'c-b', 'w1', daysAgo(2), { tenant: b }));
  }, 120_000);
  afterAll(async () => {
    await feed?.close();
    await outcomes?.close();
    await pool?.end();
    await t?.close();
    delete process.env.MESSAGING_NAMESPACE;
  });

  const delivery = (rows: Record<string, unknown>[]) =>
    rows.map(
      ({
        label,
        attempted,
        sent,
        delivered,
        bounced,
        hardBounced,
        complained,
        outcomeUnknown,
      }) => ({
        label,
        attempted,
        sent,
        delivered,
        bounced,
        hardBounced,
        complained,
        outcomeUnknown,
      }),
    );

  it('counts per campaign over the last 90 days, conversions within the window, no cost yet', async () => {
    const res = await json('/reports/campaign-results');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      from: dayOf(90),
      to: dayOf(0),
      groupBy: 'campaign',
      conversionWindowDays: 30,
    });
    expect(pick(res.body.rows)).toEqual([
      {
        label: 'Spring',
        sent: 4,
        opened: 2,
        clicked: 1,
        unsubscribed: 1,
        conversions: 1,
        revenueMinor: 10_000,
      },
      {
        label: 'Flash',
        sent: 2,
        opened: 0,
        clicked: 1,
        unsubscribed: 0,
        conversions: 1,
        revenueMinor: 5_000,
      },
    ]);
    expect(delivery(res.body.rows)).toEqual([
      {
        label: 'Spring',
        attempted: 5,
        sent: 4,
        delivered: 3,
        bounced: 2,
        hardBounced: 1,
        complained: 1,
        outcomeUnknown: 0,
      },
      {
        label: 'Flash',
        attempted: 3,
        sent: 2,
        delivered: 2,
        bounced: 0,
        hardBounced: 0,
        complained: 0,
        outcomeUnknown: 1,
      },
    ]);
    const spring = res.body.rows[0];
    expect(spring).toMatchObject({
      key: 'c-spring',
      campaigns: 1,
      currency: 'EUR',
      deliveryRate: 0.6,
      bounceRate: 0.4,
      openRate: 0.5,
      clickRate: 0.25,
      conversionRate: 0.25,
      costMinor: null,
      roi: null,
    });
    expect(res.body.notes.join(' ')).toMatch(/roi.*null/);
  });

  it('a redelivered outcome changes nothing', async () => {
    await outcomes.deliver(
      outcome(
        C.MessageBounced.type,
        'm-spring-u4',
        'c-spring',
        'u4',
        'email',
        daysAgo(59),
        { kind: 'soft', code: '452', bouncedAt: daysAgo(59) },
        'tenant-a',
        'bounce-u4',
      ),
    );
    // The same bounce again under a new id (a provider retrying its webhook) changes nothing either.
    await outcomes.deliver(
      outcome(
        C.MessageBounced.type,
        'm-spring-u4',
        'c-spring',
        'u4',
        'email',
        daysAgo(58),
        { kind: 'soft', code: '452', bouncedAt: daysAgo(58) },
        'tenant-a',
      ),
    );
    const res = await json('/reports/campaign-results');
    expect(delivery(res.body.rows)[0]).toEqual({
      label: 'Spring',
      attempted: 5,
      sent: 4,
      delivered: 3,
      bounced: 2,
      hardBounced: 1,
      complained: 1,
      outcomeUnknown: 0,
    });
  });

  it('takes the window from `from` and `to` (UTC days, both included)', async () => {
    const all = await json(`/reports/campaign-results?from=${dayOf(250)}`);
    expect(all.body.rows.map((r: { key: string }) => r.key)).toEqual([
      'c-spring',
      'c-flash',
      'c-old',
    ]);
    const one = await json(`/reports/campaign-results?from=${dayOf(10)}&to=${dayOf(10)}`);
    expect(one.body.rows.map((r: { key: string }) => r.key)).toEqual(['c-flash']);
    expect(
      (await json(`/reports/campaign-results?from=${dayOf(9)}&to=${dayOf(1)}`)).body.rows,
    ).toEqual([]);
  });

  it('groups by channel, variant and segment at the time of sending', async () => {
    const channel = await json('/reports/campaign-results?groupBy=channel');
    expect(pick(channel.body.rows)).toEqual([
      {
        label: 'email',
        sent: 4,
        opened: 2,
        clicked: 1,
        unsubscribed: 1,
        conversions: 1,
        revenueMinor: 10_000,
      },
      {
        label: 'sms',
        sent: 2,
        opened: 0,
        clicked: 1,
        unsubscribed: 0,
        conversions: 1,
        revenueMinor: 5_000,
      },
    ]);
    const variant = await json('/reports/campaign-results?groupBy=variant');
    expect(pick(variant.body.rows)).toEqual([
      {
        label: '(no variant)',
        sent: 6,
        opened: 2,
        clicked: 2,
        unsubscribed: 1,
        conversions: 2,
        revenueMinor: 15_000,
      },
    ]);
    const segment = await json('/reports/campaign-results?groupBy=segment');
    expect(pick(segment.body.rows)).toEqual([
      {
        label: '(no segment)',
        sent: 3,
        opened: 0,
        clicked: 1,
        unsubscribed: 1,
        conversions: 1,
        revenueMinor: 5_000,
      },
      {
        label: 'Fans',
        sent: 3,
        opened: 2,
        clicked: 1,
        unsubscribed: 0,
        conversions: 1,
        revenueMinor: 10_000,
      },
    ]);
    // Most attempted first; the group without a segment has key null.
    expect(segment.body.rows.map((r: { key: string | null }) => r.key)).toEqual([null, 'seg-fans']);
    expect(segment.body.rows[1]).toMatchObject({ campaigns: 2 });
    // u6 and u7 were never sent to: their recipients are unknown here, so no segment.
    expect(delivery(segment.body.rows)).toEqual([
      {
        label: '(no segment)',
        attempted: 5,
        sent: 3,
        delivered: 2,
        bounced: 2,
        hardBounced: 1,
        complained: 1,
        outcomeUnknown: 1,
      },
      {
        label: 'Fans',
        attempted: 3,
        sent: 3,
        delivered: 3,
        bounced: 0,
        hardBounced: 0,
        complained: 0,
        outcomeUnknown: 0,
      },
    ]);
  });

  it('keeps tenants apart, with a positive control', async () => {
    const b = await json('/reports/campaign-results', { tenant: 'tenant-b' });
    expect(pick(b.body.rows)).toEqual([
      {
        label: 'Other shop',
        sent: 1,
        opened: 1,
        clicked: 0,
        unsubscribed: 0,
        conversions: 0,
        revenueMinor: 0,
      },
    ]);
    const a = await json('/reports/campaign-results?groupBy=channel');
    expect(a.body.rows.reduce((n: number, r: { sent: number }) => n + r.sent, 0)).toBe(6);
  });

  it('answers csv, vega-lite and a titled svg', async () => {
    const csv = await get('/reports/campaign-results?format=csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const [header, first] = csv.body.split('\n');
    expect(header).toMatch(/^Campaign,Id,Campaigns/);
    expect(first).toMatch(/^Spring,c-spring,1,5,4,3,2,1,1,0,/);
    const spec = await json('/reports/campaign-results?format=vega-lite');
    expect(spec.body.$schema).toMatch(/vega-lite/);
    const svg = await get('/reports/campaign-results?format=svg');
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(svg.body).toContain('Campaign results by campaign');
    look('campaign-results', svg.body);
    look(
      'campaign-results-segment',
      (await get('/reports/campaign-results?groupBy=segment&format=svg')).body,
    );
  }, 60_000);

  it('refuses bad parameters with 400 naming the field, fuzzed ones never 5xx, readers only', async () => {
    const cases: [string, string][] = [
      ['groupBy=contact', 'groupBy'],
      ['from=2026-02-30', 'from'],
      ['to=yesterday', 'to'],
      [`from=${dayOf(1)}&to=${dayOf(5)}`, 'to'],
      [`from=${new Date(NOW.getTime() + 5 * DAY).toISOString().slice(0, 10)}`, 'from'],
      ['format=xlsx', 'format'],
    ];
    for (const [q, field] of cases) {
      const res = await get(`/reports/campaign-results?${q}`);
      expect({ q, status: res.statusCode }).toEqual({ q, status: 400 });
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body).toContain(field);
    }
    let seed = 11;
    const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const atoms = [
      '',
      'campaign',
      'segment',
      '0000-00-00',
      '9999-12-31',
      dayOf(3),
      '%00',
      '%27%3B--',
      'csv',
      'svg',
      '[]',
      '\u00e9',
    ];
    const keys = ['from', 'to', 'groupBy', 'format', 'x'];
    for (let i = 0; i < 50; i++) {
      const q = Array.from(
        { length: 1 + Math.floor(rand() * 3) },
        () =>
          `${keys[Math.floor(rand() * keys.length)]}=${encodeURIComponent(atoms[Math.floor(rand() * atoms.length)])}`,
      ).join('&');
      const res = await get(`/reports/campaign-results?${q}`);
      expect({ q, ok: res.statusCode < 500 }).toEqual({ q, ok: true });
    }
    expect((await get('/reports/campaign-results', { roles: ['sales-rep'] })).statusCode).toBe(403);
    expect((await get('/reports/campaign-results', { roles: ['analyst'] })).statusCode).toBe(200);
  }, 120_000);
});
