/**
 * Customer value on real PostgreSQL: orders fed as sales publishes them (the embedded log), the fit
 * job run by hand under a pinned clock, and every reported number checked against the pure model
 * functions on summaries built here from the same orders (not from the service's tables).
 */
import { ManualClock } from '@crm/platform';
import {
  openIntegrationFeed,
  startHttpTestApp,
  type HttpTestApp,
  type IntegrationFeed,
} from '@crm/platform/testing';
import { uniqueName } from '@crm/testing';
import { writeFileSync } from 'node:fs';
import { Pool } from 'pg';
import { AppModule } from '../app.module';
import { INGEST_CONSUMER } from '../ingest/ingest-consumer';
import * as F from '../ingest/testing/facts';
import {
  conditionalExpectedAverageValue,
  conditionalExpectedPurchases,
  customerLifetimeValue,
  fitBgNbd,
  fitGammaGamma,
  probabilityAlive,
  summarisePurchases,
  type Transaction,
} from '../models/clv';
import {
  RFM_PACKAGE,
  scoreRfm,
  segmentCustomers,
  summariseOrders,
  type RfmScoring,
} from '../models/rfm';
import { ANALYTICS_TEST_JWT_SECRET } from '../testing/analytics-test-app';
import { LifetimeValueFitJob } from './fit-job';
import { WEEKS_PER_MONTH } from './purchase-inputs';

const NOW = '2026-03-02T12:00:00.000Z';
const TODAY = NOW.slice(0, 10);
const clock = new ManualClock(NOW);
const DAY = 86_400_000;
/** CV_SVG_DIR=/tmp/x: keep the drawn charts, to convert with rsvg-convert and look at. */
const look = (name: string, svg: string) =>
  process.env.CV_SVG_DIR && writeFileSync(`${process.env.CV_SVG_DIR}/${name}.svg`, svg);
const daysAgo = (d: number) => new Date(Date.parse(NOW) - d * DAY).toISOString();

interface FedOrder {
  readonly id: string;
  readonly contactId: string;
  readonly at: string;
  readonly minor: number;
}

/** Customer i: a first order, then 1-4 repeat orders (12 of 14) of one amount each, spread apart. */
function history(tenant: string, customers: number): FedOrder[] {
  const orders: FedOrder[] = [];
  for (let i = 0; i < customers; i++) {
    const contactId = `${tenant}-c${String(i).padStart(2, '0')}`;
    const first = 200 - 9 * i;
    const repeats = i >= 12 ? 0 : 1 + (i % 4);
    orders.push({ id: `${contactId}-o0`, contactId, at: daysAgo(first), minor: 5_000 + 700 * i });
    for (let k = 1; k <= repeats; k++) {
      const gap = 6 + ((i * 5 + k * 3) % 23);
      orders.push({
        id: `${contactId}-o${k}`,
        contactId,
        at: daysAgo(Math.max(1, first - k * gap)),
        minor: 2_000 + 1_300 * ((i * 7) % 11),
      });
    }
  }
  return orders;
}

describe('customer value reports', () => {
  let t: HttpTestApp;
  let pool: Pool;
  let feed: IntegrationFeed;
  let job: LifetimeValueFitJob;
  const A = history('a', 14);
  const B = history('b', 3);

  const get = (url: string, as: object = {}) => t.request('GET', url, { as });
  const json = async (url: string, as: object = {}) => {
    const res = await get(url, as);
    return { status: res.statusCode, body: JSON.parse(res.body), headers: res.headers };
  };

  beforeAll(async () => {
    process.env.MESSAGING_NAMESPACE = uniqueName('analytics-cv');
    t = await startHttpTestApp(AppModule, {
      databasePrefix: 'analytics_cv_e2e',
      jwtSecret: ANALYTICS_TEST_JWT_SECRET,
      defaultCaller: { sub: 'analyst-1', roles: ['analyst'], tenant: 'tenant-a' },
      clock,
    });
    pool = new Pool({ connectionString: t.db.url, max: 2 });
    feed = openIntegrationFeed({
      consumer: INGEST_CONSUMER.consumer!,
      databaseUrl: t.db.url,
      pool,
    });
    job = t.app.get(LifetimeValueFitJob);
  }, 60_000);
  afterAll(async () => {
    await feed?.close();
    await pool?.end();
    await t?.close();
    delete process.env.MESSAGING_NAMESPACE;
  });

  const deliver = async (orders: FedOrder[], tenant: string) => {
    for (const o of orders) {
      await feed.deliver(F.placed(o.id, o.contactId, o.at, [F.line('p-1', o.minor)], { tenant }));
    }
  };
  const transactions = (orders: FedOrder[]): Transaction[] =>
    orders.map((o) => ({ customerId: o.contactId, date: o.at.slice(0, 10), value: o.minor }));

  it('answers "not fitted" before the first fit, and a stored insufficient-data fit saying why', async () => {
    await deliver(A.slice(0, 1), 'tenant-a');
    const summary = await json(`/customers/${A[0].contactId}`);
    expect(summary.body.model).toEqual({ status: 'not-fitted', detail: 'not fitted yet' });
    expect(summary.body.probabilityAlive).toBeNull();
    const before = await json('/reports/lifetime-value');
    expect(before.status).toBe(200);
    expect(before.body.fit).toBeNull();
    expect(before.body.rows).toEqual([]);

    await deliver(B, 'tenant-b');
    expect(await job.runOnce('tenant-b')).toEqual([
      { tenant: 'tenant-b', version: 1, status: 'insufficient-data' },
    ]);
    const asB = await json('/reports/lifetime-value', { tenant: 'tenant-b' });
    expect(asB.body.fit).toMatchObject({
      version: 1,
      status: 'insufficient-data',
      parameters: null,
    });
    expect(asB.body.fit.reason).toMatch(
      /BG\/NBD too-little-data: 3 customers with a repeat purchase/,
    );
    expect(asB.body.rows).toEqual([]);
    // Tenant A still has no fit of its own.
    expect((await json('/reports/lifetime-value')).body.fit).toBeNull();
  });

  it('fits off the request path and reports what the model functions give for the same orders', async () => {
    await deliver(A, 'tenant-a');
    // Two replicas at once: one fits tenant A; B was fitted this period already.
    const runs = await Promise.all([job.runOnce(), job.runOnce()]);
    expect(runs.flat()).toEqual([{ tenant: 'tenant-a', version: 1, status: 'fitted' }]);
    expect(await job.runOnce()).toEqual([]);

    const summaries = summarisePurchases(transactions(A), TODAY, { daysPerUnit: 7 });
    const bg = fitBgNbd(summaries);
    const gg = fitGammaGamma(
      summaries.map((s) => ({ frequency: s.frequency, averageValue: s.averageRepeatValue })),
    );
    if (bg.status !== 'fitted' || gg.status !== 'fitted') throw new Error('the fixture must fit');

    const res = await json('/reports/lifetime-value?weeks=8&discountRate=0.02&months=6&limit=5');
    expect(res.status).toBe(200);
    const fit = res.body.fit;
    expect(fit).toMatchObject({
      version: 1,
      status: 'fitted',
      fittedAt: NOW,
      ageSeconds: 0,
      stale: false,
    });
    expect(fit.dataUpTo).toBe(
      A.map((o) => o.at)
        .sort()
        .at(-1),
    );
    for (const k of ['r', 'alpha', 'a', 'b'] as const)
      expect(fit.parameters.bgNbd[k]).toBeCloseTo(bg.params[k], 6);
    for (const k of ['p', 'q', 'gamma'] as const)
      expect(fit.parameters.gammaGamma[k]).toBeCloseTo(gg.params[k], 6);
    expect(fit.quality.bgNbd.logLikelihood).toBeCloseTo(bg.logLikelihood, 6);
    expect(fit.quality.bgNbd.n).toBe(14);

    const expected = summaries
      .map((s) => {
        const value = conditionalExpectedAverageValue(gg.params, {
          frequency: s.frequency,
          averageValue: s.averageRepeatValue,
        })!;
        return {
          contactId: s.customerId,
          probabilityAlive: probabilityAlive(bg.params, s),
          expectedPurchases: conditionalExpectedPurchases(bg.params, s, 8),
          clvMinor: customerLifetimeValue(bg.params, s, value, {
            months: 6,
            monthlyDiscountRate: 0.02,
            timeUnitsPerMonth: WEEKS_PER_MONTH,
          }),
        };
      })
      .sort((a, b) => b.clvMinor - a.clvMinor);
    expect(res.body.customers).toBe(14);
    expect(res.body.rows).toHaveLength(5);
    const pages = [res.body.rows];
    let cursor = res.body.nextCursor;
    while (cursor) {
      const next = await json(
        `/reports/lifetime-value?weeks=8&discountRate=0.02&months=6&limit=5&after=${cursor}`,
      );
      pages.push(next.body.rows);
      cursor = next.body.nextCursor;
    }
    const rows = pages.flat();
    expect(rows.map((r) => r.contactId)).toEqual(expected.map((e) => e.contactId));
    rows.forEach((row, i) => {
      expect(row.probabilityAlive).toBeCloseTo(expected[i].probabilityAlive, 5);
      expect(row.expectedPurchases).toBeCloseTo(expected[i].expectedPurchases, 5);
      expect(row.clvMinor / expected[i].clvMinor).toBeCloseTo(1, 5);
    });

    // Twice the fit interval (6 h by default) later, the same fit is stale.
    clock.advance(13 * 3_600_000);
    const later = await json('/reports/lifetime-value');
    expect(later.body.fit).toMatchObject({ version: 1, stale: true, ageSeconds: 13 * 3600 });
    clock.set(NOW);
  });

  it("fills the customer summary's model members from the current fit, with its age", async () => {
    const lv = await json('/reports/lifetime-value?limit=500');
    const rfm = await json('/reports/rfm');
    const top = lv.body.rows[0];
    const res = await json(`/customers/${top.contactId}`);
    expect(res.status).toBe(200);
    expect(res.body.model).toMatchObject({
      status: 'fitted',
      version: 1,
      fittedAt: NOW,
      ageSeconds: 0,
      stale: false,
    });
    expect(res.body.probabilityAlive).toBeCloseTo(top.probabilityAlive, 10);
    expect(res.body.churnRisk).toBeCloseTo(1 - top.probabilityAlive, 10);
    expect(res.body.clvMinor).toBeCloseTo(top.clvMinor, 6);
    const scored = rfm.body.rows.find((r: any) => r.customerId === top.contactId);
    expect(res.body.segment).toBe(scored.segment);
    expect(res.body.rfm).toEqual({ r: scored.r, f: scored.f, m: scored.m });
    // Tenant B's fit is insufficient: the summary says so and shows no numbers.
    const asB = await json(`/customers/${B[0].contactId}`, { tenant: 'tenant-b' });
    expect(asB.body.model).toMatchObject({ status: 'insufficient-data' });
    expect(asB.body.model.detail).toMatch(/too-little-data/);
    expect(asB.body).toMatchObject({
      probabilityAlive: null,
      churnRisk: null,
      clvMinor: null,
      segment: null,
    });
  });

  it('scores RFM as the model functions do, per customer and per segment', async () => {
    const scoring = scoreRfm(
      summariseOrders(
        A.map((o) => ({ customerId: o.contactId, orderedOn: o.at.slice(0, 10), amount: o.minor })),
        TODAY,
      ).summaries,
      TODAY,
    ) as RfmScoring;
    const segments = segmentCustomers(scoring, RFM_PACKAGE);
    const res = await json('/reports/rfm');
    expect(res.status).toBe(200);
    expect(res.body.asOf).toBe(TODAY);
    expect(res.body.rows).toEqual(segments.map((s) => ({ ...s })));
    const counts: Record<string, number> = {};
    for (const s of segments) counts[s.segment] = (counts[s.segment] ?? 0) + 1;
    expect(Object.fromEntries(res.body.segments.map((s: any) => [s.segment, s.customers]))).toEqual(
      counts,
    );
    // Tenant B's three customers are too few to score, and none of A's show there.
    const asB = await json('/reports/rfm', { tenant: 'tenant-b' });
    expect(asB.body).toMatchObject({ status: 'insufficient-data', rows: [] });
    expect(asB.body.reason).toMatch(/too-few-customers/);
  });

  it('counts RFM movement between two dates as the segments at each date give', async () => {
    const from = daysAgo(60).slice(0, 10);
    const orders = A.map((o) => ({
      customerId: o.contactId,
      orderedOn: o.at.slice(0, 10),
      amount: o.minor,
    }));
    const segmentsOn = (asOf: string) =>
      new Map(
        segmentCustomers(
          scoreRfm(summariseOrders(orders, asOf).summaries, asOf) as RfmScoring,
          RFM_PACKAGE,
        ).map((c) => [c.customerId, c.segment]),
      );
    const before = segmentsOn(from);
    const after = segmentsOn(TODAY);
    const expected: Record<string, number> = {};
    for (const id of new Set([...before.keys(), ...after.keys()])) {
      const key = `${before.get(id) ?? 'Not a customer'} -> ${after.get(id) ?? 'Not a customer'}`;
      expected[key] = (expected[key] ?? 0) + 1;
    }
    const res = await json(`/reports/rfm/movement?from=${from}&to=${TODAY}`);
    expect(res.status).toBe(200);
    const counted = Object.fromEntries(
      res.body.rows
        .filter((r: any) => r.customers > 0)
        .map((r: any) => [`${r.from} -> ${r.to}`, r.customers]),
    );
    expect(counted).toEqual(expected);
    expect(res.body.moved + res.body.stayed).toBe(14);
    const svg = await get(`/reports/rfm/movement?from=${from}&to=${TODAY}&format=svg`);
    expect(svg.body).toContain('RFM segment movement');
    look('movement', svg.body);
  });

  it('answers csv, vega-lite and svg', async () => {
    const csv = await get('/reports/rfm?format=csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.split('\r\n')[0]).toBe(
      'Customer,Segment,Recency (days),Frequency (orders),Monetary (minor units),R,F,M',
    );
    const spec = await json('/reports/rfm?format=vega-lite');
    expect(spec.headers['content-type']).toMatch(/vegalite/);
    expect(spec.body.$schema).toMatch(/vega-lite\/v5/);
    const svg = await get('/reports/lifetime-value?format=svg');
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(svg.body).toContain('Customer lifetime value');
    const rfmSvg = await get('/reports/rfm?format=svg');
    expect(rfmSvg.body).toContain('Customers per RFM segment');
    look('rfm', rfmSvg.body);
    look('lifetime-value', svg.body);
  });

  it('compares calibration and holdout per frequency bucket', async () => {
    const res = await json(
      `/reports/lifetime-value/calibration?calibrationEnd=${daysAgo(60).slice(0, 10)}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.calibrationEnd).toBe(daysAgo(60).slice(0, 10));
    const svg = await get(
      `/reports/lifetime-value/calibration?calibrationEnd=${daysAgo(60).slice(0, 10)}&format=svg`,
    );
    expect(svg.body).toContain('Purchase model calibration');
    look('calibration', svg.body);
  });

  it('refuses bad query parameters with 400 naming them, and customers with 403', async () => {
    for (const [url, field] of [
      ['/reports/rfm?asOf=2026-02-30', 'asOf'],
      ['/reports/rfm?format=pdf', 'format'],
      ['/reports/rfm/movement?from=yesterday', 'from'],
      ['/reports/lifetime-value?weeks=0', 'weeks'],
      ['/reports/lifetime-value?discountRate=abc', 'discountRate'],
      ['/reports/lifetime-value?after=nonsense', 'after'],
      ['/reports/lifetime-value/calibration', 'calibrationEnd'],
    ]) {
      const res = await json(url);
      expect({ url, status: res.status }).toEqual({ url, status: 400 });
      expect(JSON.stringify(res.body)).toContain(field);
    }
    expect((await get('/reports/rfm', { roles: ['customer'] })).statusCode).toBe(403);
    expect((await get('/reports/lifetime-value', { roles: ['sales-rep'] })).statusCode).toBe(403);
  });
});
