/**
 * Demand forecast on real PostgreSQL: three years of seasonal orders fed as sales publishes them
 * (the embedded log), dates relative to a clock pinned near today, the fit job run by hand, and
 * the report's forecast checked against the pure model maths (selectModel + forecastHoltWinters,
 * reproduced against R in ../models/demand) on the monthly series built here from the fed orders.
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
import { forecastHoltWinters, monthLabel, selectModel } from '../models/demand';
import { ANALYTICS_TEST_JWT_SECRET } from '../testing/analytics-test-app';
import { DemandFitJob } from './demand-fit-job';

// The 10th of the current real month, noon UTC: every date below is relative to it.
const real = new Date();
const NOW = new Date(Date.UTC(real.getUTCFullYear(), real.getUTCMonth(), 10, 12));
const clock = new ManualClock(NOW);
const THIS_MONTH = NOW.getUTCFullYear() * 12 + NOW.getUTCMonth();
const HOUR = 3_600_000;
const FIT_INTERVAL_MS = 6 * HOUR;
/** DEMAND_SVG_DIR=/tmp/x: keep the drawn charts, to convert with rsvg-convert and look at. */
const look = (name: string, svg: string) =>
  process.env.DEMAND_SVG_DIR && writeFileSync(`${process.env.DEMAND_SVG_DIR}/${name}.svg`, svg);

/** A day inside month number m (months since year 0), UTC. */
const inMonth = (m: number, day: number) =>
  new Date(Date.UTC(Math.floor(m / 12), m % 12, day, 10)).toISOString();

/** A multiplicative season peaking in December (calendar month 11), on a rising level. */
const SEASON = [0.95, 0.7, 0.9, 1.0, 1.05, 1.1, 1.0, 0.95, 1.0, 1.05, 1.25, 1.6];
const seasonalQuantity = (m: number, k: number) =>
  Math.round((60 + 0.8 * k) * SEASON[m % 12] + ((k * 7) % 5) - 2);

interface FedLine {
  readonly orderId: string;
  readonly productId: string;
  readonly at: string;
  readonly quantity: number;
  readonly unitMinor: number;
}

/** 36 complete months of p-season (two orders a month), 14 of p-young, 2 of p-new. */
function historyA(): FedLine[] {
  const lines: FedLine[] = [];
  for (let k = 0; k < 36; k++) {
    const m = THIS_MONTH - 36 + k;
    const q = seasonalQuantity(m, k);
    const first = Math.ceil(q / 2);
    lines.push({
      orderId: `s-${k}-a`,
      productId: 'p-season',
      at: inMonth(m, 5),
      quantity: first,
      unitMinor: 1_000,
    });
    lines.push({
      orderId: `s-${k}-b`,
      productId: 'p-season',
      at: inMonth(m, 20),
      quantity: q - first,
      unitMinor: 1_200,
    });
  }
  for (let k = 0; k < 14; k++) {
    const m = THIS_MONTH - 14 + k;
    lines.push({
      orderId: `y-${k}`,
      productId: 'p-young',
      at: inMonth(m, 12),
      quantity: 20 + (k % 3),
      unitMinor: 5_000,
    });
  }
  for (let k = 0; k < 2; k++) {
    const m = THIS_MONTH - 2 + k;
    lines.push({
      orderId: `n-${k}`,
      productId: 'p-new',
      at: inMonth(m, 8),
      quantity: 3,
      unitMinor: 9_000,
    });
  }
  return lines;
}

/** The monthly series of a product as the test fed it (standing orders, complete months). */
function expectedSeries(lines: readonly FedLine[], productId: string): number[] {
  const months = new Map<number, number>();
  for (const l of lines.filter((x) => x.productId === productId)) {
    const d = new Date(l.at);
    const m = d.getUTCFullYear() * 12 + d.getUTCMonth();
    months.set(m, (months.get(m) ?? 0) + l.quantity);
  }
  const first = Math.min(...months.keys());
  return Array.from({ length: THIS_MONTH - first }, (_, i) => months.get(first + i) ?? 0);
}

describe('demand forecast report', () => {
  let t: HttpTestApp;
  let pool: Pool;
  let feed: IntegrationFeed;
  let job: DemandFitJob;
  const A = historyA();

  const get = (url: string, as: object = {}) => t.request('GET', url, { as });
  const json = async (url: string, as: object = {}) => {
    const res = await get(url, as);
    return { status: res.statusCode, body: JSON.parse(res.body), headers: res.headers };
  };
  const feedLines = async (lines: readonly FedLine[], tenant: string) => {
    const ids = await feed.send(
      lines.map((l) =>
        F.placed(
          l.orderId,
          `${tenant}-buyer-${l.orderId}`,
          l.at,
          [F.line(l.productId, l.unitMinor * l.quantity, l.quantity)],
          { tenant },
        ),
      ),
    );
    await feed.handled(ids, 60_000);
  };

  beforeAll(async () => {
    process.env.MESSAGING_NAMESPACE = uniqueName('analytics-demand');
    t = await startHttpTestApp(AppModule, {
      databasePrefix: 'analytics_demand_e2e',
      jwtSecret: ANALYTICS_TEST_JWT_SECRET,
      defaultCaller: { sub: 'analyst-1', roles: ['analyst'], tenant: 'tenant-a' },
      env: { ANALYTICS_FIT_INTERVAL_MS: String(FIT_INTERVAL_MS) },
      clock,
    });
    pool = new Pool({ connectionString: t.db.url, max: 2 });
    feed = openIntegrationFeed({
      consumer: INGEST_CONSUMER.consumer!,
      databaseUrl: t.db.url,
      pool,
    });
    job = t.app.get(DemandFitJob);

    await feedLines(A, 'tenant-a');
    // A huge order in the peak month of last year, cancelled: it must not count.
    const cancelledAt = inMonth(THIS_MONTH - 3, 15);
    await feedLines(
      [
        {
          orderId: 'big',
          productId: 'p-season',
          at: cancelledAt,
          quantity: 5_000,
          unitMinor: 1_000,
        },
      ],
      'tenant-a',
    );
    await feed.deliver(
      F.cancelled('big', 'tenant-a-buyer-big', cancelledAt, { tenant: 'tenant-a' }),
    );
    // The current month is incomplete: it must not be in the series.
    await feedLines(
      [
        {
          orderId: 'now',
          productId: 'p-season',
          at: inMonth(THIS_MONTH, 2),
          quantity: 999,
          unitMinor: 1_000,
        },
      ],
      'tenant-a',
    );
    await feedLines(
      Array.from({ length: 30 }, (_, k) => ({
        orderId: `b-${k}`,
        productId: 'p-b',
        at: inMonth(THIS_MONTH - 30 + k, 3),
        quantity: 7 + (k % 4),
        unitMinor: 2_500,
      })),
      'tenant-b',
    );
  }, 180_000);
  afterAll(async () => {
    await feed?.close();
    await pool?.end();
    await t?.close();
    delete process.env.MESSAGING_NAMESPACE;
  });

  it('says not fitted before the first fit', async () => {
    const res = await json('/reports/demand?productId=p-season');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ fit: null, status: 'not-fitted', rows: [] });
  });

  it('fits once per period even when two replicas run together, and versions the fits', async () => {
    const runs = (await Promise.all([job.runOnce(), job.runOnce()])).flat();
    expect(runs.filter((r) => r.tenant === 'tenant-a')).toEqual([
      { tenant: 'tenant-a', version: 1, status: 'fitted' },
    ]);
    expect(await job.runOnce('tenant-a')).toEqual([]); // fitted this period already
    const { rows } = await pool.query(
      `SELECT tenant, version, status FROM analytics.model_fits WHERE kind = 'demand' ORDER BY tenant`,
    );
    expect(rows).toEqual([
      { tenant: 'tenant-a', version: 1, status: 'fitted' },
      { tenant: 'tenant-b', version: 1, status: 'fitted' },
    ]);
  }, 120_000);

  it('forecasts the seasonal product with the shape of its season, as the model maths on the fed series', async () => {
    const res = await json('/reports/demand?productId=p-season&horizon=12');
    expect(res.status).toBe(200);
    const series = expectedSeries(A, 'p-season');
    expect(series).toHaveLength(36);
    const history = res.body.rows.filter((r: { actual: number | null }) => r.actual !== null);
    const future = res.body.rows.filter((r: { forecast: number | null }) => r.forecast !== null);
    expect(history.map((r: { actual: number }) => r.actual)).toEqual(series);
    expect(history[35].month).toBe(monthLabel(THIS_MONTH - 1));
    expect(future.map((r: { month: string }) => r.month)).toEqual(
      Array.from({ length: 12 }, (_, i) => monthLabel(THIS_MONTH + i)),
    );

    // The same numbers as the model functions give on the series built here.
    const selection = selectModel(series, { period: 12 });
    if (selection.kind !== 'selected') throw new Error('reference model did not fit');
    const reference = forecastHoltWinters(selection.chosen.fit, 12, 0.95);
    expect(res.body.model.spec).toEqual(selection.chosen.spec);
    expect(res.body.model.spec.seasonality).not.toBe('none');
    future.forEach((r: { forecast: number; lower: number; upper: number }, i: number) => {
      expect(r.forecast).toBeCloseTo(Math.max(0, reference[i].mean), 1);
      expect(r.lower).toBeCloseTo(Math.max(0, reference[i].lower), 1);
      expect(r.upper).toBeCloseTo(Math.max(0, reference[i].upper), 1);
      expect(r.lower).toBeLessThanOrEqual(r.forecast);
      expect(r.upper).toBeGreaterThan(r.forecast);
    });
    // The seasonal shape: December the highest forecast month, February the lowest.
    const byCalendarMonth = (r: { month: string }) => Number(r.month.slice(5, 7)) - 1;
    const peak = future.reduce((a: { forecast: number }, b: { forecast: number }) =>
      b.forecast > a.forecast ? b : a,
    );
    const trough = future.reduce((a: { forecast: number }, b: { forecast: number }) =>
      b.forecast < a.forecast ? b : a,
    );
    expect(byCalendarMonth(peak)).toBe(11);
    expect(byCalendarMonth(trough)).toBe(1);
    // The backtest error shown with the model: one-step forecasts over the last season, at most a
    // quarter of the history (36 / 4 = 9 months), each refitted on the data before it.
    expect(res.body.backtest).toMatchObject({ kind: 'backtested', horizon: 1, skippedOrigins: 0 });
    expect(res.body.backtest.points.map((p: { index: number }) => p.index)).toEqual([
      27, 28, 29, 30, 31, 32, 33, 34, 35,
    ]);
    expect(res.body.backtest.mape).toBeGreaterThan(0);
    expect(res.body.backtest.mape).toBeLessThan(10);
    expect(res.body.fit).toMatchObject({
      version: 1,
      status: 'fitted',
      stale: false,
      lastMonth: monthLabel(THIS_MONTH - 1),
    });
  });

  it('falls back to a non-seasonal model below two seasons and says why it cannot fit at all', async () => {
    const young = await json('/reports/demand?productId=p-young&horizon=3');
    expect(young.body.status).toBe('forecast');
    expect(young.body.model.seasonalUnavailable).toBe(true);
    expect(young.body.model.spec.seasonality).toBe('none');
    expect(['holt', 'simple-exponential-smoothing']).toContain(young.body.model.name);
    expect(young.body.rows.filter((r: { forecast: unknown }) => r.forecast !== null)).toHaveLength(
      3,
    );

    const fresh = await json('/reports/demand?productId=p-new');
    expect(fresh.body.status).toBe('cannot-fit');
    expect(fresh.body.reason).toMatch(/^2 months of history; the smallest model needs 3/);
    expect(fresh.body.rows.map((r: { actual: number }) => r.actual)).toEqual([3, 3]);
    expect(fresh.body.rows.every((r: { forecast: unknown }) => r.forecast === null)).toBe(true);
  });

  it('lists every series and forecasts price bands (quartiles of unit prices per currency)', async () => {
    const list = await json('/reports/demand');
    const ids = list.body.rows.map((r: { series: string }) => r.series);
    expect(ids).toEqual(
      expect.arrayContaining(['product:p-season', 'product:p-young', 'product:p-new']),
    );
    expect(ids.filter((id: string) => id.startsWith('price-band:EUR-')).length).toBeGreaterThan(0);
    expect(ids).not.toContain('product:p-b');
    // 88 lines: 36 at 10.00, 36 at 12.00, 14 at 50.00, 2 at 90.00. Type 7 quartiles 10.00, 12.00,
    // 12.00 (the repeated cut merged): bands [10.00, 12.00) and [12.00, 90.00].
    const bands = list.body.rows.filter((r: { type: string }) => r.type === 'price-band');
    expect(bands.map((r: { label: string }) => r.label)).toEqual([
      'price band EUR 10.00–<12.00',
      'price band EUR 12.00–90.00',
    ]);
    const band = await json('/reports/demand?priceBand=EUR-1');
    expect(band.body.status).toBe('forecast');
    const bandHistory = band.body.rows.filter((r: { actual: unknown }) => r.actual !== null);
    const firstOrders = A.filter((l) => l.orderId.endsWith('-a')).map((l) => ({
      ...l,
      productId: 'band-1',
    }));
    expect(bandHistory.map((r: { actual: number }) => r.actual)).toEqual(
      expectedSeries(firstOrders, 'band-1'),
    );
  });

  it('keeps tenants apart, with a positive control', async () => {
    const asB = { tenant: 'tenant-b' };
    const own = await json('/reports/demand?productId=p-b', asB);
    expect(own.body.status).toBe('forecast');
    expect(own.body.rows.filter((r: { actual: unknown }) => r.actual !== null)).toHaveLength(30);
    expect((await json('/reports/demand?productId=p-season', asB)).body.status).toBe('no-sales');
    expect((await json('/reports/demand?productId=p-b')).body.status).toBe('no-sales');
    const listB = await json('/reports/demand', asB);
    expect(listB.body.rows.map((r: { series: string }) => r.series)).toEqual(
      expect.arrayContaining(['product:p-b']),
    );
    expect(listB.body.rows.some((r: { series: string }) => r.series === 'product:p-season')).toBe(
      false,
    );
  });

  it('answers csv, vega-lite and a titled svg', async () => {
    const csv = await get('/reports/demand?productId=p-season&format=csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.split('\n')[0]).toMatch(/Month.*Units sold.*Forecast/);
    const spec = await json('/reports/demand?productId=p-season&format=vega-lite');
    expect(spec.body.$schema).toMatch(/vega-lite/);
    const svg = await get('/reports/demand?productId=p-season&format=svg');
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(svg.body).toContain('Demand forecast, product p-season');
    expect(svg.body).toContain('95% prediction interval');
    look('demand-p-season', svg.body);
    look('demand-p-young', (await get('/reports/demand?productId=p-young&format=svg')).body);
    look('demand-series', (await get('/reports/demand?format=svg')).body);
  }, 60_000);

  it('a new period writes version 2; an old fit answers stale with its age', async () => {
    clock.advance(FIT_INTERVAL_MS);
    expect(await job.runOnce('tenant-a')).toEqual([
      { tenant: 'tenant-a', version: 2, status: 'fitted' },
    ]);
    clock.advance(3 * FIT_INTERVAL_MS);
    const res = await json('/reports/demand?productId=p-season');
    expect(res.body.fit).toMatchObject({
      version: 2,
      stale: true,
      ageSeconds: (3 * FIT_INTERVAL_MS) / 1000,
    });
  }, 60_000);

  it('refuses bad parameters with 400 naming the field, and fuzzed ones never 5xx', async () => {
    const cases: [string, string][] = [
      ['horizon=0', 'horizon'],
      ['horizon=37', 'horizon'],
      ['horizon=1.5', 'horizon'],
      ['horizon=abc', 'horizon'],
      ['priceBand=eur-1', 'priceBand'],
      ['priceBand=EUR-0', 'priceBand'],
      ['productId=p-season&priceBand=EUR-1', 'priceBand'],
      ['format=pdf', 'format'],
      [`productId=${'x'.repeat(201)}`, 'productId'],
    ];
    for (const [q, field] of cases) {
      const res = await get(`/reports/demand?${q}`);
      expect({ q, status: res.statusCode }).toEqual({ q, status: 400 });
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body).toContain(field);
    }
    let seed = 7;
    const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const atoms = [
      '',
      '-1',
      '0',
      '1',
      '12',
      '36',
      '1e3',
      'NaN',
      '%00',
      '%27%3B',
      'EUR-2',
      'p-season',
      '[]',
      'svg',
      'csv',
      '\u00e9',
    ];
    const keys = ['productId', 'priceBand', 'horizon', 'format', 'x'];
    for (let i = 0; i < 60; i++) {
      const parts = Array.from(
        { length: 1 + Math.floor(rand() * 3) },
        () =>
          `${keys[Math.floor(rand() * keys.length)]}=${encodeURIComponent(atoms[Math.floor(rand() * atoms.length)])}`,
      );
      const res = await get(`/reports/demand?${parts.join('&')}`);
      expect({ q: parts.join('&'), ok: res.statusCode < 500 }).toEqual({
        q: parts.join('&'),
        ok: true,
      });
    }
  }, 120_000);

  it('is for report readers only', async () => {
    expect((await get('/reports/demand', { roles: ['sales-rep'] })).statusCode).toBe(403);
    expect((await get('/reports/demand', { roles: ['marketer'] })).statusCode).toBe(200);
  });
});
