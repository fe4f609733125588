/**
 * Propensity on real PostgreSQL: contacts and orders fed as contacts and sales publish them (the
 * embedded log), the fit job run by hand under a pinned clock. Tenant A's Cars buyers (in the 90
 * days before "now") are the high-income customers, bar a few exceptions either way, so a
 * working model finds the income band, ranks the high-income customers first and scores well on
 * its holdout; tenant B has too few buyers and the report says the model cannot fit. Also: two
 * replicas write one version, a refit on the same data publishes nothing new, an erased customer
 * leaves the report, tenants see only their own, hostile query strings never get a 5xx.
 */
import { ManualClock } from '@crm/platform';
import {
  openIntegrationFeed,
  startHttpTestApp,
  type HttpTestApp,
  type IntegrationFeed,
} from '@crm/platform/testing';
import {
  hostileQueryValue,
  uniqueName,
  unstorableProbes,
  type OpenApiDocumentLike,
} from '@crm/testing';
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { Pool } from 'pg';
import { AppModule } from '../app.module';
import { INGEST_CONSUMER } from '../ingest/ingest-consumer';
import * as F from '../ingest/testing/facts';
import { ANALYTICS_TEST_JWT_SECRET } from '../testing/analytics-test-app';
import { holdoutSplit, rocAuc } from '../models/propensity';
import { HOLDOUT_SEED } from './propensity-fit';
import { PropensityFitJob } from './propensity-fit-job';

// A pinned clock: every date below is relative to it, so the suite means the same on any day.
const NOW = '2026-03-02T12:00:00.000Z';
const clock = new ManualClock(NOW);
const DAY = 86_400_000;
const HOUR = 3_600_000;
const daysAgo = (d: number) => new Date(Date.parse(NOW) - d * DAY).toISOString();
/** PROPENSITY_SVG_DIR=/tmp/x: keep the drawn charts, to convert with rsvg-convert and look at. */
const look = (name: string, svg: string) =>
  process.env.PROPENSITY_SVG_DIR &&
  writeFileSync(`${process.env.PROPENSITY_SVG_DIR}/${name}.svg`, svg);

interface Person {
  readonly id: string;
  readonly income: 'high' | 'low';
  readonly buysCar: boolean;
}

/** n people, half high income; high-income ones buy a car, except every 24th, and every 24th low-income one does. */
function people(tenant: string, n: number): Person[] {
  return Array.from({ length: n }, (_, i) => {
    const income = i % 2 === 0 ? 'high' : 'low';
    const exception = i % 48 === 0 || i % 48 === 25;
    return {
      id: `${tenant}-p${String(i).padStart(3, '0')}`,
      income,
      buysCar: (income === 'high') !== exception,
    };
  });
}

describe('propensity to buy (e2e)', () => {
  let t: HttpTestApp;
  let pool: Pool;
  let feed: IntegrationFeed;
  let job: PropensityFitJob;
  const A = people('a', 100);
  const B = people('b', 8);

  const get = (url: string, as: object = {}) => t.request('GET', url, { as });
  const json = async (url: string, as: object = {}) => {
    const res = await get(url, as);
    return { status: res.statusCode, body: JSON.parse(res.body), headers: res.headers };
  };

  const feedTenant = async (tenant: string, persons: Person[]) => {
    const o = { tenant };
    await feed.deliver(F.productCreated(`${tenant}-book`, 'Books', daysAgo(400), o));
    await feed.deliver(F.productCreated(`${tenant}-car`, 'Cars', daysAgo(400), o));
    await feed.deliver(F.launched(`${tenant}-spring`, daysAgo(121), o));
    for (const [i, p] of persons.entries()) {
      const demographics = {
        birthDate: '1980-06-15',
        gender: 'female',
        householdIncomeBand: p.income,
      };
      await feed.deliver(F.registered(p.id, daysAgo(300), { demographics }, o));
      // Everyone bought books before the cutoff (90 days ago), alike in both income groups.
      await feed.deliver(
        F.placed(
          `${p.id}-b1`,
          p.id,
          daysAgo(100 + (i % 7) * 9),
          [F.line(`${tenant}-book`, 2_000 + (i % 5) * 300)],
          o,
        ),
      );
      // Every third opened a campaign message before the cutoff and clicked it after: opens
      // are a feature at the cutoff, clicks are not yet.
      if (i % 3 === 0) {
        await feed.deliver(F.sent(`${p.id}-m1`, `${tenant}-spring`, p.id, daysAgo(120), o));
        await feed.deliver(F.opened(`${p.id}-m1`, `${tenant}-spring`, p.id, daysAgo(118), o));
        await feed.deliver(F.clicked(`${p.id}-m1`, `${tenant}-spring`, p.id, daysAgo(30), o));
      }
      if (p.buysCar) {
        await feed.deliver(
          F.placed(
            `${p.id}-c1`,
            p.id,
            daysAgo(5 + (i % 11) * 7),
            [F.line(`${tenant}-car`, 900_000)],
            o,
          ),
        );
      }
    }
  };

  beforeAll(async () => {
    process.env.MESSAGING_NAMESPACE = uniqueName('analytics-propensity');
    t = await startHttpTestApp(AppModule, {
      databasePrefix: 'analytics_propensity_e2e',
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
    job = t.app.get(PropensityFitJob);
    await feedTenant('tenant-a', A);
    await feedTenant('tenant-b', B);
  }, 120_000);
  afterAll(async () => {
    await feed?.close();
    await pool?.end();
    await t?.close();
    delete process.env.MESSAGING_NAMESPACE;
  });

  it('answers "not fitted" before the first fit', async () => {
    const res = await json('/reports/propensity');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'not-fitted', model: null, families: [], rows: [] });
    const summary = await json(`/customers/${A[0].id}`);
    expect(summary.body.propensity).toEqual([]);
  });

  it('fits once per period across replicas, versioned per family', async () => {
    const runs = (await Promise.all([job.runOnce(), job.runOnce()])).flat();
    expect(
      runs.sort((x, y) => `${x.tenant}${x.family}`.localeCompare(`${y.tenant}${y.family}`)),
    ).toEqual([
      // Nobody bought books in the outcome window: no positives, no model, and it says so.
      { tenant: 'tenant-a', family: 'Books', version: 1, status: 'insufficient-data' },
      { tenant: 'tenant-a', family: 'Cars', version: 1, status: 'fitted' },
      { tenant: 'tenant-b', family: 'Books', version: 1, status: 'insufficient-data' },
      { tenant: 'tenant-b', family: 'Cars', version: 1, status: 'insufficient-data' },
    ]);
    expect(await job.runOnce()).toEqual([]); // fitted less than half an interval ago
  });

  it('finds the income band, ranks the buyers first and discriminates on its holdout', async () => {
    const res = await json('/reports/propensity?family=Cars&limit=50');
    expect(res.status).toBe(200);
    const { model } = res.body;
    expect(res.body).toMatchObject({ family: 'Cars', status: 'fitted' });
    expect(model).toMatchObject({
      version: 1,
      fittedAt: NOW,
      ageSeconds: 0,
      stale: false,
      windowDays: 90,
      cutoff: daysAgo(90),
      quality: { n: 100, positives: A.filter((p) => p.buysCar).length, converged: true },
    });
    // The holdout (the same deterministic split by contact id the fit used) is scored about as
    // well as the income band itself scores it, the best any model of these facts can do.
    const split = holdoutSplit(
      A.map((p) => p.id),
      { seed: HOLDOUT_SEED },
    );
    const held = split.holdout.map((i) => A[i]);
    expect(model.quality.holdout).toMatchObject({
      n: held.length,
      positives: held.filter((p) => p.buysCar).length,
    });
    const oracle = rocAuc(
      held.map((p) => (p.income === 'high' ? 1 : 0)),
      held.map((p) => (p.buysCar ? 1 : 0)),
    );
    if (oracle.kind !== 'auc') throw new Error('the fixture must give both classes a holdout');
    expect(oracle.auc).toBeGreaterThan(0.85);
    expect(model.quality.holdout.auc).toBeGreaterThan(oracle.auc - 0.05);
    const income = model.coefficients.find((c: { name: string }) => c.name === 'incomeBand=low');
    expect(income.estimate).toBeLessThan(-1.5); // low income: far less likely than high (the reference)
    // What nobody differed on at the cutoff could not be learnt and is listed: everyone had one
    // order and held books, nobody had clicked yet (nor held a car: no column at all).
    expect(model.droppedColumns).toEqual(['frequency', 'holds:Books', 'messagesClicked']);
    expect(model.coefficients.map((c: { name: string }) => c.name)).toEqual([
      '(Intercept)',
      'incomeBand=low',
      'recencyDays',
      'monetaryLog',
      'messagesOpened',
    ]);

    // Scores are of today's facts. Among the customers who have not bought a car yet (whose
    // facts are as at the cutoff, only older), every high-income one ranks above every other.
    const all = await json('/reports/propensity?family=Cars&limit=500');
    expect(all.body.rows).toHaveLength(100);
    const byId = new Map(A.map((p) => [p.id, p]));
    const notYet = all.body.rows
      .map((r: { contactId: string }) => byId.get(r.contactId)!)
      .filter((p: Person) => !p.buysCar)
      .map((p: Person) => p.income);
    const highNotYet = A.filter((p) => !p.buysCar && p.income === 'high').length;
    expect(highNotYet).toBe(3);
    expect(notYet.slice(0, highNotYet)).toEqual(Array(highNotYet).fill('high'));
    expect(res.body.rows).toHaveLength(50);
    expect(res.body.rows[0]).toMatchObject({ rank: 1, modelVersion: 1 });
    const scores = all.body.rows.map((r: { score: number }) => r.score);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);

    // The other family says why it has no model.
    const books = await json('/reports/propensity?family=Books');
    expect(books.body).toMatchObject({ status: 'insufficient-data', rows: [] });
    expect(books.body.reason).toMatch(/^too-few-positives: 0 of 100 customers bought Books/);
    expect(res.body.families.map((f: { family: string }) => f.family)).toEqual(['Books', 'Cars']);
  });

  it("shows the customer's scores in the summary", async () => {
    const top = (await json('/reports/propensity?family=Cars&limit=1')).body;
    const summary = await json(`/customers/${top.rows[0].contactId}`);
    expect(summary.body.propensity).toEqual([
      {
        family: 'Cars',
        score: top.rows[0].score,
        windowDays: 90,
        modelVersion: 1,
        scoredAt: NOW,
        holdoutAuc: top.model.quality.holdout.auc,
      },
    ]);
  });

  it('publishes every score once; a refit on the same data publishes nothing new', async () => {
    const published = async () =>
      (
        await pool.query(
          `SELECT contact_id, model, value, stream_version FROM analytics.published_outputs
            WHERE tenant = 'tenant-a' AND kind = 'scores' ORDER BY contact_id`,
        )
      ).rows;
    const first = await published();
    expect(first).toHaveLength(100);
    expect(first.every((r) => r.model === 'propensity_Cars@1' && r.stream_version === 1)).toBe(
      true,
    );
    clock.advance(7 * HOUR);
    try {
      const runs = await job.runOnce('tenant-a');
      expect(runs.find((r) => r.family === 'Cars')).toMatchObject({ version: 2, status: 'fitted' });
      // Same facts, later clock: every score rounds as before, so no stream moved on.
      expect((await published()).map((r) => r.stream_version)).toEqual(first.map(() => 1));
      const stale = await json('/reports/propensity?family=Cars');
      expect(stale.body.model).toMatchObject({ version: 2, ageSeconds: 0 });
    } finally {
      clock.set(NOW);
    }
  });

  it('says why a model cannot fit, and shows no other tenant’s customers (positive control: A)', async () => {
    const asB = await json('/reports/propensity?family=Cars', { tenant: 'tenant-b' });
    expect(asB.status).toBe(200);
    expect(asB.body).toMatchObject({
      status: 'insufficient-data',
      model: { version: 1 },
      rows: [],
    });
    expect(asB.body.reason).toMatch(
      /^too-few-positives: \d of 8 customers bought Cars in the window/,
    );
    const asA = await json('/reports/propensity?family=Cars&limit=500');
    expect(asA.body.rows.length).toBe(100);
    expect(asA.body.rows.every((r: { contactId: string }) => r.contactId.startsWith('a-'))).toBe(
      true,
    );
    expect((await get(`/customers/${A[0].id}`, { tenant: 'tenant-b' })).statusCode).toBe(404);
    const unknown = await json('/reports/propensity?family=Boats');
    expect(unknown.body).toMatchObject({ status: 'not-fitted', model: null, rows: [] });
  });

  it('leaves an erased customer out at once and out of the table with the next fit', async () => {
    const top = (await json('/reports/propensity?family=Cars&limit=1')).body.rows[0].contactId;
    await feed.deliver(F.erased(top, daysAgo(0), { tenant: 'tenant-a' }));
    const after = await json('/reports/propensity?family=Cars&limit=500');
    expect(after.body.rows).toHaveLength(99);
    expect(after.body.rows.some((r: { contactId: string }) => r.contactId === top)).toBe(false);
    clock.advance(14 * HOUR);
    try {
      await job.runOnce('tenant-a');
    } finally {
      clock.set(NOW);
    }
    const { rows } = await pool.query(
      `SELECT count(*)::int AS n FROM analytics.propensity_scores WHERE tenant = 'tenant-a' AND contact_id = $1`,
      [top],
    );
    expect(rows[0].n).toBe(0);
  });

  it('answers csv, vega-lite and an svg of the score distribution', async () => {
    const csv = await get('/reports/propensity?family=Cars&format=csv&limit=3');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('Rank,Customer,P(buys Cars within 90 days),Model version,Scored at');
    expect(lines).toHaveLength(4);
    const spec = await json('/reports/propensity?family=Cars&format=vega-lite');
    expect(spec.body.$schema).toMatch(/vega-lite\/v5/);
    expect(spec.body.data.values).toHaveLength(99); // every customer, not one page
    const svg = await get('/reports/propensity?family=Cars&format=svg');
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(svg.body).toContain('Propensity to buy Cars');
    look('propensity-cars', svg.body);
    const empty = await get('/reports/propensity?family=Cars&format=svg', { tenant: 'tenant-b' });
    expect(empty.statusCode).toBe(200);
    look('propensity-unfitted', empty.body);
  });

  it('refuses bad parameters with a 400 naming them and never answers a 5xx', async () => {
    for (const [query, field] of [
      ['limit=0', 'limit'],
      ['limit=abc', 'limit'],
      ['format=pdf', 'format'],
      ['family=', 'family'],
    ] as const) {
      const res = await json(`/reports/propensity?${query}`);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(JSON.stringify(res.body)).toContain(field);
    }
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom('family', 'limit', 'format', 'x'), hostileQueryValue),
        async (query) => {
          const url = `/reports/propensity?${new URLSearchParams(query)}`;
          const res = await get(url);
          const type = String(res.headers['content-type'] ?? '');
          if (res.statusCode >= 500 || (res.statusCode >= 400 && !type.includes('problem+json')))
            throw new Error(`GET ${url} -> ${res.statusCode}`);
        },
      ),
      { numRuns: 100 },
    );
    const document = JSON.parse((await get('/docs-json')).body) as OpenApiDocumentLike;
    const probes = unstorableProbes(document).filter((p) =>
      p.operation.startsWith('GET /reports/propensity'),
    );
    expect(probes.length).toBeGreaterThanOrEqual(1);
    for (const probe of probes) {
      const res = await t.request(probe.method, probe.url);
      expect(res.statusCode).toBe(400);
    }
  });
});
