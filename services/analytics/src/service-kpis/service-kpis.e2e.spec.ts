/**
 * Service KPIs on real PostgreSQL: after-sales facts fed as crm.aftersales.v1 publishes them (the
 * embedded log, consumer group analytics.aftersales), products and an erasure through the ingest,
 * dates relative to a clock pinned near today, every number counted by hand from the cases below.
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
import * as F from '../ingest/testing/facts';
import { ANALYTICS_TEST_JWT_SECRET } from '../testing/analytics-test-app';
import { AFTERSALES_CONSUMER } from './service-facts.consumer';

const real = new Date();
const NOW = new Date(Date.UTC(real.getUTCFullYear(), real.getUTCMonth(), real.getUTCDate(), 12));
const clock = new ManualClock(NOW);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** `days` before now, plus `hours`. */
const at = (days: number, hours = 0) =>
  new Date(NOW.getTime() - days * DAY + hours * HOUR).toISOString();
const dayOf = (d: number) => at(d).slice(0, 10);
/** SERVICE_SVG_DIR=/tmp/x: keep the drawn charts, to convert with rsvg-convert and look at. */
const look = (name: string, svg: string) =>
  process.env.SERVICE_SVG_DIR && writeFileSync(`${process.env.SERVICE_SVG_DIR}/${name}.svg`, svg);

const fact = (
  type: string,
  subject: string,
  time: string,
  data: object,
  tenant = 'tenant-a',
  id?: string,
): FedMessage => ({ topic: 'aftersales', type, subject, time, tenant, id, data });
const asset = (assetId: string, productId: string, contactId: string, tenant = 'tenant-a') =>
  fact(
    C.AssetRegistered.type,
    assetId,
    at(300),
    {
      assetId,
      productId,
      contactId,
      source: 'manual',
      deliveredOn: dayOf(300),
      registeredAt: at(300),
    } satisfies C.AssetRegisteredV1,
    tenant,
  );
const opened = (
  caseId: string,
  contactId: string,
  assetId: string | null,
  category: string,
  priority: C.CaseOpenedV1['priority'],
  openedAt: string,
  tenant = 'tenant-a',
) =>
  fact(
    C.CaseOpened.type,
    caseId,
    openedAt,
    {
      caseId,
      contactId,
      assetId,
      channel: 'phone',
      category,
      priority,
      openedAt,
    } satisfies C.CaseOpenedV1,
    tenant,
  );
const resolved = (
  caseId: string,
  contactId: string,
  resolvedAt: string,
  failure: boolean,
  id?: string,
) =>
  fact(
    C.CaseResolved.type,
    caseId,
    resolvedAt,
    {
      caseId,
      contactId,
      resolutionCode: failure ? 'repaired' : 'answered',
      failure,
      coverage: 'in_warranty',
      billable: false,
      resolvedAt,
    } satisfies C.CaseResolvedV1,
    'tenant-a',
    id,
  );
const reopened = (caseId: string, contactId: string, reopenedAt: string) =>
  fact(C.CaseReopened.type, caseId, reopenedAt, {
    caseId,
    contactId,
    from: 'resolved',
    reopenedAt,
  } satisfies C.CaseReopenedV1);
const breached = (
  caseId: string,
  contactId: string,
  clockName: C.SlaBreachedV1['clock'],
  when: string,
) =>
  fact(C.SlaBreached.type, caseId, when, {
    caseId,
    contactId,
    clock: clockName,
    priority: 'high',
    dueAt: when,
    breachedAt: when,
  } satisfies C.SlaBreachedV1);
const rated = (caseId: string, contactId: string, score: number, when: string, id?: string) =>
  fact(
    C.SatisfactionRecorded.type,
    caseId,
    when,
    { caseId, contactId, score, recordedAt: when } satisfies C.SatisfactionRecordedV1,
    'tenant-a',
    id,
  );

/**
 * Tenant a. Assets: as-1 and as-2 are boilers (p-boiler), as-3 a pump (p-pump).
 * k1 u1 as-1 repair/high, 60 days ago: resolved after 10 h (failure), rated 4, first response late.
 * k2 u1 as-1 repair/high, 40 days ago: resolved after 30 h (failure), rated 2, both clocks late.
 * k3 u2 as-1 repair/normal, 10 days ago: resolved after 20 h, reopened at 30 h, resolved at 50 h.
 * k4 u2 as-2 repair/normal, 30 days ago: resolved after 4 h (failure), rated 5.
 * k5 u3 no asset question/low, 20 days ago: answered after 2 h (no failure), rated 5.
 * k6 u3 as-3 question/low, 5 days ago: open, first response late.
 * k7 u1 as-3 repair/urgent, 15 days ago: resolved after 6 h (failure), reopened at 8 h, still open.
 * k0 u1 as-1 repair/high, 200 days ago (outside the default 90 days): resolved after 1 h (failure).
 */
function factsA(): FedMessage[] {
  return [
    asset('as-1', 'p-boiler', 'u1'),
    asset('as-2', 'p-boiler', 'u2'),
    asset('as-3', 'p-pump', 'u3'),
    opened('k1', 'u1', 'as-1', 'repair', 'high', at(60)),
    breached('k1', 'u1', 'first_response', at(60, 2)),
    resolved('k1', 'u1', at(60, 10), true),
    rated('k1', 'u1', 4, at(59), 'rating-k1'),
    opened('k2', 'u1', 'as-1', 'repair', 'high', at(40)),
    breached('k2', 'u1', 'first_response', at(40, 2)),
    breached('k2', 'u1', 'resolution', at(40, 24)),
    resolved('k2', 'u1', at(40, 30), true, 'resolved-k2'),
    rated('k2', 'u1', 2, at(38)),
    opened('k3', 'u2', 'as-1', 'repair', 'normal', at(10)),
    resolved('k3', 'u2', at(10, 20), true),
    reopened('k3', 'u2', at(10, 30)),
    resolved('k3', 'u2', at(10, 50), true),
    opened('k4', 'u2', 'as-2', 'repair', 'normal', at(30)),
    resolved('k4', 'u2', at(30, 4), true),
    rated('k4', 'u2', 5, at(29)),
    opened('k5', 'u3', null, 'question', 'low', at(20)),
    resolved('k5', 'u3', at(20, 2), false),
    rated('k5', 'u3', 5, at(19)),
    opened('k6', 'u3', 'as-3', 'question', 'low', at(5)),
    breached('k6', 'u3', 'first_response', at(5, 3)),
    opened('k7', 'u1', 'as-3', 'repair', 'urgent', at(15)),
    resolved('k7', 'u1', at(15, 6), true),
    reopened('k7', 'u1', at(15, 8)),
    opened('k0', 'u1', 'as-1', 'repair', 'high', at(200)),
    resolved('k0', 'u1', at(200, 1), true),
  ];
}

/** The whole repair row over the default window, by hand from the cases above. */
const REPAIR = {
  key: 'repair',
  label: 'repair',
  opened: 5, // k1 k2 k3 k4 k7
  resolved: 4, // k7's resolution was undone by its reopening
  medianResolutionHours: 20, // 4, 10, 30, 50
  meanResolutionHours: 23.5, // 94 / 4
  breachedCases: 2, // k1 k2
  firstResponseBreaches: 2,
  resolutionBreaches: 1,
  breachRate: 0.4,
  csatMean: 11 / 3, // 4 + 2 + 5
  csatCount: 3,
  reopened: 2, // k3 k7, of 5 ever resolved
  reopenRate: 0.4,
  failures: 4, // standing failures: k1 k2 k3 k4
  mtbfDays: 25, // as-1: k1 -> k2 20 days, k2 -> k3 30 days; as-2 has one failure
  mtbfIntervals: 2,
};
const QUESTION = {
  key: 'question',
  label: 'question',
  opened: 2,
  resolved: 1,
  medianResolutionHours: 2,
  meanResolutionHours: 2,
  breachedCases: 1,
  firstResponseBreaches: 1,
  resolutionBreaches: 0,
  breachRate: 0.5,
  csatMean: 5,
  csatCount: 1,
  reopened: 0,
  reopenRate: 0,
  failures: 0,
  mtbfDays: null,
  mtbfIntervals: 0,
};

describe('service KPIs report', () => {
  let t: HttpTestApp;
  let pool: Pool;
  let ingest: IntegrationFeed;
  let aftersales: IntegrationFeed;

  const get = (url: string, as: object = {}) => t.request('GET', url, { as });
  const json = async (url: string, as: object = {}) => {
    const res = await get(url, as);
    return { status: res.statusCode, body: JSON.parse(res.body) };
  };
  const strip = (rows: Record<string, unknown>[]) =>
    rows.map(({ period: _period, ...rest }) => rest);

  beforeAll(async () => {
    process.env.MESSAGING_NAMESPACE = uniqueName('analytics-service-kpis');
    t = await startHttpTestApp(AppModule, {
      databasePrefix: 'analytics_service_kpis_e2e',
      jwtSecret: ANALYTICS_TEST_JWT_SECRET,
      defaultCaller: { sub: 'analyst-1', roles: ['analyst'], tenant: 'tenant-a' },
      clock,
    });
    pool = new Pool({ connectionString: t.db.url, max: 2 });
    ingest = openIntegrationFeed({
      consumer: INGEST_CONSUMER.consumer!,
      databaseUrl: t.db.url,
      pool,
    });
    aftersales = openIntegrationFeed({
      consumer: AFTERSALES_CONSUMER.consumer!,
      databaseUrl: t.db.url,
      pool,
    });
    await ingest.deliver(F.productCreated('p-boiler', 'heating', at(400), { tenant: 'tenant-a' }));
    await ingest.deliver(F.productCreated('p-pump', 'heating', at(400), { tenant: 'tenant-a' }));
    for (const f of factsA()) await aftersales.deliver(f);
    await aftersales.deliver(opened('kb', 'w1', null, 'repair', 'high', at(3), 'tenant-b'));
  }, 120_000);
  afterAll(async () => {
    await ingest?.close();
    await aftersales?.close();
    await pool?.end();
    await t?.close();
    delete process.env.MESSAGING_NAMESPACE;
  });

  it('computes volume, resolution time, SLA, CSAT, reopen rate and MTBF per category', async () => {
    const res = await json('/reports/service');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      from: dayOf(90),
      to: dayOf(0),
      interval: 'all',
      groupBy: 'category',
    });
    expect(res.body.rows.map((r: { period: string }) => r.period)).toEqual([dayOf(90), dayOf(90)]);
    const [repair, question] = strip(res.body.rows);
    expect(repair).toEqual({ ...REPAIR, csatMean: expect.closeTo(11 / 3, 12) });
    expect(question).toEqual(QUESTION);
    expect(res.body.notes.join(' ')).toMatch(/first public reply/);
  });

  it('groups by product (through the asset) and by priority', async () => {
    const product = strip((await json('/reports/service?groupBy=product')).body.rows);
    expect(
      product.map((r) => [r.key, r.label, r.opened, r.resolved, r.failures, r.mtbfDays]),
    ).toEqual([
      ['p-boiler', 'Product p-boiler', 4, 4, 4, 25],
      ['p-pump', 'Product p-pump', 2, 0, 0, null],
      [null, '(no product)', 1, 1, 0, null],
    ]);
    expect(product[0]).toMatchObject({ medianResolutionHours: 20, meanResolutionHours: 23.5 });
    expect(product[1]).toMatchObject({ reopened: 1, reopenRate: 1, breachedCases: 1 });
    const priority = strip((await json('/reports/service?groupBy=priority')).body.rows);
    expect(priority.map((r) => [r.key, r.opened])).toEqual([
      ['high', 2],
      ['low', 2],
      ['normal', 2],
      ['urgent', 1],
    ]);
  });

  it('takes the window and splits it into periods of opening', async () => {
    const wide = strip((await json(`/reports/service?from=${dayOf(250)}`)).body.rows);
    // k0 joins: as-1 failed 200, 60, 40 and 10 days ago -> gaps 140, 20, 30.
    expect(wide[0]).toMatchObject({ key: 'repair', opened: 6, failures: 5, mtbfIntervals: 3 });
    expect(wide[0].mtbfDays).toBeCloseTo(190 / 3, 9);
    const one = await json(`/reports/service?from=${dayOf(5)}&to=${dayOf(5)}`);
    expect(strip(one.body.rows).map((r) => [r.key, r.opened])).toEqual([['question', 1]]);

    const monthly = await json('/reports/service?interval=month');
    const monthOf = (d: number) => `${dayOf(d).slice(0, 7)}-01`;
    const expected = new Map<string, number>();
    for (const d of [60, 40, 10, 30, 15]) {
      const key = `${monthOf(d)} repair`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    for (const d of [20, 5]) {
      const key = `${monthOf(d)} question`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const got = new Map(
      monthly.body.rows.map((r: { period: string; key: string; opened: number }) => [
        `${r.period} ${r.key}`,
        r.opened,
      ]),
    );
    expect(got).toEqual(expected);
    const periods = monthly.body.rows.map((r: { period: string }) => r.period);
    expect(periods).toEqual([...periods].sort());
  });

  it('a redelivered fact, or the same fact again under a new id, changes nothing', async () => {
    const before = (await json('/reports/service?groupBy=product')).body.rows;
    await aftersales.deliver(resolved('k2', 'u1', at(40, 30), true, 'resolved-k2'));
    await aftersales.deliver(resolved('k3', 'u2', at(10, 50), true));
    await aftersales.deliver(rated('k1', 'u1', 4, at(59), 'rating-k1'));
    // A second rating under a new id: the first one stays.
    await aftersales.deliver(rated('k1', 'u1', 1, at(58)));
    await aftersales.deliver(breached('k2', 'u1', 'resolution', at(40, 25)));
    await aftersales.deliver(opened('k1', 'u1', 'as-1', 'repair', 'high', at(60)));
    expect((await json('/reports/service?groupBy=product')).body.rows).toEqual(before);
    const [repair] = strip((await json('/reports/service')).body.rows);
    expect(repair).toMatchObject({
      csatMean: expect.closeTo(11 / 3, 12),
      csatCount: 3,
      resolutionBreaches: 1,
    });
  });

  it('keeps tenants apart, with a positive control', async () => {
    const b = strip((await json('/reports/service', { tenant: 'tenant-b' })).body.rows);
    expect(b.map((r) => [r.key, r.opened, r.resolved])).toEqual([['repair', 1, 0]]);
    const a = strip((await json('/reports/service')).body.rows);
    expect(a.map((r) => [r.key, r.opened])).toEqual([
      ['repair', 5],
      ['question', 2],
    ]);
  });

  it('answers csv, vega-lite and titled svgs', async () => {
    const csv = await get('/reports/service?format=csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const [header, first] = csv.body.split('\n');
    expect(header).toMatch(
      /^Period starting,Category,Id,Opened \(cases\)|^Period starting,Category,Id,Opened/,
    );
    expect(first).toContain(`${dayOf(90)},repair,repair,5,4,20,23.5,2,2,1,0.4,`);
    const spec = await json('/reports/service?format=vega-lite');
    expect(spec.body.$schema).toMatch(/vega-lite/);
    const svg = await get('/reports/service?format=svg');
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(svg.body).toContain('Service cases by category');
    look('service-kpis', svg.body);
    const monthly = await get(
      `/reports/service?from=${dayOf(250)}&interval=month&groupBy=product&format=svg`,
    );
    expect(monthly.body).toContain('Service cases opened per month by product');
    look('service-kpis-monthly', monthly.body);
  }, 60_000);

  it('refuses bad parameters with 400 naming the field, fuzzed ones never 5xx, readers only', async () => {
    const cases: [string, string][] = [
      ['groupBy=contact', 'groupBy'],
      ['interval=hour', 'interval'],
      [`from=${dayOf(3650)}&interval=week`, 'interval'],
      ['from=2026-02-30', 'from'],
      ['to=yesterday', 'to'],
      [`from=${dayOf(1)}&to=${dayOf(5)}`, 'to'],
      [`from=${new Date(NOW.getTime() + 5 * DAY).toISOString().slice(0, 10)}`, 'from'],
      ['format=xlsx', 'format'],
    ];
    for (const [q, field] of cases) {
      const res = await get(`/reports/service?${q}`);
      expect({ q, status: res.statusCode }).toEqual({ q, status: 400 });
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body).toContain(field);
    }
    let seed = 17;
    const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const atoms = [
      '1900-01-01',
      '',
      'product',
      'week',
      'quarter',
      '0000-00-00',
      '9999-12-31',
      dayOf(3),
      '%00',
      '%27%3B--',
      'svg',
      '[]',
      '\u00e9',
    ];
    const keys = ['from', 'to', 'groupBy', 'interval', 'format', 'x'];
    for (let i = 0; i < 50; i++) {
      const q = Array.from(
        { length: 1 + Math.floor(rand() * 3) },
        () =>
          `${keys[Math.floor(rand() * keys.length)]}=${encodeURIComponent(atoms[Math.floor(rand() * atoms.length)])}`,
      ).join('&');
      const res = await get(`/reports/service?${q}`);
      expect({ q, ok: res.statusCode < 500 }).toEqual({ q, ok: true });
    }
    expect((await get('/reports/service', { roles: ['sales-rep'] })).statusCode).toBe(403);
    expect((await get('/reports/service', { roles: ['sales-manager'] })).statusCode).toBe(200);
  }, 120_000);

  // Last: it removes u3's cases for the cases above.
  it("removes an erased contact's cases, and a late fact about them does not bring them back", async () => {
    await ingest.deliver(F.erased('u3', at(1), { tenant: 'tenant-a' }));
    await aftersales.deliver(opened('k8', 'u3', 'as-3', 'question', 'low', at(1)));
    const { rows } = await pool.query(
      `SELECT count(*)::int AS n FROM analytics.service_cases WHERE tenant = 'tenant-a' AND contact_id = 'u3'`,
    );
    expect(rows[0].n).toBe(0);
    const a = strip((await json('/reports/service')).body.rows);
    expect(a.map((r) => [r.key, r.opened])).toEqual([['repair', 5]]);
  });
});
