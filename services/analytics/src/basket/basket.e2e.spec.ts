/**
 * Market basket on real PostgreSQL: products, contacts and orders fed as contacts and sales
 * publish them (the embedded log, through the ingest consumers), the fit job run by hand under a
 * pinned clock, and the reported rules compared with a hand computation on these baskets (below).
 * Next best offers never name a held product; the offers reach the customer summary and the
 * analytics log; tenant B sees none of tenant A's rules (A's are the positive control); hostile
 * query strings never get a 5xx.
 *
 * The ten standing orders (order 11, cancelled, must count nowhere):
 *    1 bread butter milk   2 bread butter     3 bread butter jam   4 bread milk     5 butter milk
 *    6 bread butter milk coffee   7 coffee milk   8 bread jam   9 coffee   10 bread butter
 * Item counts: bread 7, butter 6, milk 5, coffee 3, jam 2. Pairs: bread+butter 5, bread+milk 3,
 * butter+milk 3, bread+jam 2, coffee+milk 2; the triple bread+butter+milk 2; every other pair or
 * triple 1 or 0. At support 0.2 (2 baskets) and confidence 0.5 that leaves nine rules:
 *   {jam} => bread       s 0.2  c 2/2  lift 1/0.7 = 1.4286  conviction Inf (null)
 *   {coffee} => milk     s 0.2  c 2/3  lift (2/3)/0.5 = 1.3333  conviction 0.5/(1/3) = 1.5
 *   {butter} => bread    s 0.5  c 5/6  lift (5/6)/0.7 = 1.1905
 *   {bread} => butter    s 0.5  c 5/7  lift (5/7)/0.6 = 1.1905
 *   {bread, milk} => butter  s 0.2  c 2/3  lift 1.1111
 *   {milk} => butter  c 3/5 lift 1;  {butter} => milk  c 3/6 lift 1
 *   {butter, milk} => bread  c 2/3  lift 0.9524;  {milk} => bread  c 3/5  lift 0.8571
 * By family (bakery: bread; dairy: butter, milk; pantry: jam, coffee): bakery 7, dairy 8,
 * pantry 5, bakery+dairy 6, bakery+pantry 3, dairy+pantry 3, all three 2: six rules, the first
 * two {bakery} => dairy and {dairy} => bakery at lift (6/10)/(0.7*0.8) = 15/14
 * ({bakery, dairy} => pantry, 2/6, and every rule => pantry fall below confidence 0.5).
 */
import { ManualClock, EVENT_STORE } from '@crm/platform';
import type { EventStore } from '@crm/event-sourcing';
import {
  openIntegrationFeed,
  startHttpTestApp,
  type HttpTestApp,
  type IntegrationFeed,
} from '@crm/platform/testing';
import { hostileQueryValue, unstorableProbes, type OpenApiDocumentLike } from '@crm/testing';
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { Pool } from 'pg';
import { INGEST_CONSUMER } from '../ingest/ingest-consumer';
import * as F from '../ingest/testing/facts';
import { AppModule } from '../app.module';
import { ANALYTICS_TEST_JWT_SECRET } from '../testing/analytics-test-app';
import { PUBLISHED_STREAM } from '../publishing/analytics-streams';
import { BasketFitJob } from './basket-fit-job';

const HOUR = 3_600_000;
const INTERVAL_MS = 6 * HOUR;
const clock = new ManualClock(new Date(Date.now() - 10 * 86_400_000).toISOString());
const at = (hours: number) => new Date(clock.now().getTime() + hours * HOUR).toISOString();
/** BASKET_SVG_DIR=/tmp/x: keep the drawn charts, to convert with rsvg-convert and look at. */
const look = (name: string, svg: string) =>
  process.env.BASKET_SVG_DIR && writeFileSync(`${process.env.BASKET_SVG_DIR}/${name}.svg`, svg);
const A = 'tenant-a';
const B = 'tenant-b';

const FAMILY: Record<string, string> = {
  bread: 'bakery',
  butter: 'dairy',
  milk: 'dairy',
  jam: 'pantry',
  coffee: 'pantry',
};
/** The orders above: [buyer, products]. */
const ORDERS: [string, string[]][] = [
  ['ben', ['bread', 'butter', 'milk']],
  ['ben', ['bread', 'butter']],
  ['dan', ['bread', 'butter', 'jam']],
  ['dan', ['bread', 'milk']],
  ['cleo', ['butter', 'milk']],
  ['dan', ['bread', 'butter', 'milk', 'coffee']],
  ['dan', ['coffee', 'milk']],
  ['ann', ['bread', 'jam']],
  ['ann', ['coffee']],
  ['dan', ['bread', 'butter']],
];
const close = (value: number) => expect.closeTo(value, 12);

describe('market basket (e2e)', () => {
  let t: HttpTestApp;
  let pool: Pool;
  let feed: IntegrationFeed;
  let job: BasketFitJob;
  /** Any answer: `body` parsed when it is JSON, `text` as sent. */
  const call = async (url: string, tenant = A) => {
    const res = await t.request('GET', url, { as: { tenant } });
    const json = /json/.test(String(res.headers['content-type'] ?? ''));
    return {
      status: res.statusCode,
      headers: res.headers,
      text: res.body,
      body: json && res.body ? JSON.parse(res.body) : undefined,
    };
  };
  const get = async (url: string, tenant = A) => {
    const res = await call(url, tenant);
    if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${res.text}`);
    return res;
  };
  const contact = (name: string, tenant = A) => `${tenant}-${name}`;
  const product = (name: string) => `p-${name}`;

  beforeAll(async () => {
    t = await startHttpTestApp(AppModule, {
      databasePrefix: 'analytics_e2e',
      jwtSecret: ANALYTICS_TEST_JWT_SECRET,
      defaultCaller: { sub: 'analyst-1', roles: ['analyst'] },
      clock,
      env: {
        KAFKA_BROKERS: '',
        ANALYTICS_FIT_INTERVAL_MS: String(INTERVAL_MS),
        ANALYTICS_BASKET_MIN_SUPPORT: '0.2',
        ANALYTICS_BASKET_MIN_CONFIDENCE: '0.5',
        ANALYTICS_BASKET_MIN_LIFT: '0',
        ANALYTICS_BASKET_MIN_BASKETS: '5',
      },
    });
    pool = new Pool({ connectionString: t.db.url, max: 2 });
    feed = openIntegrationFeed({
      consumer: INGEST_CONSUMER.consumer!,
      databaseUrl: t.db.url,
      pool,
    });
    job = t.app.get(BasketFitJob);
    const messages = [];
    for (const [name, family] of Object.entries(FAMILY)) {
      messages.push(F.productCreated(product(name), family, at(-48), { tenant: A }));
    }
    for (const name of ['ann', 'ben', 'cleo', 'dan']) {
      messages.push(F.registered(contact(name), at(-47), {}, { tenant: A }));
    }
    ORDERS.forEach(([buyer, items], i) => {
      const lines = items.map((item) => F.line(product(item), 1_000));
      messages.push(F.placed(`a-o${i + 1}`, contact(buyer), at(-40 + i), lines, { tenant: A }));
    });
    // Order 11: Ann's, cancelled: neither a basket nor a holding (she never got the butter).
    const eleven = ['jam', 'coffee', 'butter', 'bread'].map((p) => F.line(product(p), 1_000));
    messages.push(F.placed('a-o11', contact('ann'), at(-20), eleven, { tenant: A }));
    messages.push(F.cancelled('a-o11', contact('ann'), at(-19), { tenant: A }));
    // Tenant B: three orders of A's products (too few for rules).
    for (let i = 0; i < 3; i++) {
      const lines = ['jam', 'bread'].map((p) => F.line(product(p), 500));
      messages.push(F.placed(`b-o${i}`, contact('zoe', B), at(-30 + i), lines, { tenant: B }));
    }
    const ids = await feed.send(messages);
    await feed.handled(ids, 60_000);
  }, 120_000);
  afterAll(async () => {
    await feed?.close();
    await pool?.end();
    await t?.close();
  });

  it('before the first fit every report says not fitted', async () => {
    const res = await get('/reports/basket/rules');
    expect(res.body).toMatchObject({ status: 'not-fitted', fit: null, rows: [] });
    expect((await get(`/customers/${contact('ann')}`)).body.recommendations).toBeNull();
  });

  it('fits each tenant once per period; too few baskets is a fit that says why', async () => {
    const runs = await job.runOnce();
    expect(runs.map((r) => [r.tenant, r.version, r.status])).toEqual([
      [A, 1, 'fitted'],
      [B, 1, 'insufficient-data'],
    ]);
    // Ann and Cleo get offers (Ben and Dan hold every consequent a rule of theirs names).
    expect(runs[0].published).toEqual({ published: 2, unchanged: 0, skippedGone: 0 });
    expect(await job.runOnce()).toEqual([]); // fitted this period already
    const b = await get('/reports/basket/rules', B);
    expect(b.body).toMatchObject({ status: 'insufficient-data', rows: [] });
    expect(b.body.reason).toMatch(/^3 standing orders; the rules need at least 5/);
  });

  it('rules by product equal the hand computation', async () => {
    const res = await get('/reports/basket/rules?level=product');
    expect(res.body).toMatchObject({
      level: 'product',
      status: 'fitted',
      fit: {
        version: 1,
        ageSeconds: 0,
        stale: false,
        parameters: { algorithm: 'fp-growth', minSupport: 0.2, minConfidence: 0.5, minLift: 0 },
        quality: { baskets: 10, customers: 4, customersWithOffers: 2 },
      },
      rules: 9,
    });
    const rules = res.body.rows.map((r: any) => [r.antecedent, r.consequent]);
    expect(rules).toEqual([
      [[product('jam')], product('bread')],
      [[product('coffee')], product('milk')],
      [[product('butter')], product('bread')],
      [[product('bread')], product('butter')],
      [[product('bread'), product('milk')], product('butter')],
      [[product('milk')], product('butter')],
      [[product('butter')], product('milk')],
      [[product('butter'), product('milk')], product('bread')],
      [[product('milk')], product('bread')],
    ]);
    const [jam, coffee, butter] = res.body.rows;
    expect(jam).toEqual({
      rank: 1,
      rule: `{Product p-jam} => {Product p-bread}`,
      antecedent: [product('jam')],
      consequent: product('bread'),
      count: 2,
      support: close(0.2),
      confidence: close(1),
      coverage: close(0.2),
      lift: close(1 / 0.7),
      leverage: close(0.2 - 0.2 * 0.7),
      conviction: null,
      liftBand: 'lift 1-1.5',
    });
    expect(coffee).toMatchObject({
      count: 2,
      support: close(0.2),
      confidence: close(2 / 3),
      coverage: close(0.3),
      lift: close(2 / 3 / 0.5),
      leverage: close(0.2 - 0.3 * 0.5),
      conviction: close(1.5),
    });
    expect(butter).toMatchObject({ count: 5, confidence: close(5 / 6), lift: close(5 / 6 / 0.7) });

    // Filters, sorts and the limit.
    const lifted = await get('/reports/basket/rules?minLift=1.2');
    expect(lifted.body.rows.map((r: any) => r.consequent)).toEqual([
      product('bread'),
      product('milk'),
    ]);
    const strong = await get('/reports/basket/rules?minSupport=0.3&minConfidence=0.7');
    expect(strong.body.rows.map((r: any) => r.rank)).toEqual([3, 4]);
    const bySupport = await get('/reports/basket/rules?sort=support&limit=3');
    expect(bySupport.body.rows.map((r: any) => r.rank)).toEqual([3, 4, 6]);
    const byConviction = await get('/reports/basket/rules?sort=conviction&limit=2');
    expect(byConviction.body.rows.map((r: any) => r.rank)).toEqual([1, 3]);
  });

  it('rules by family equal the hand computation', async () => {
    const res = await get('/reports/basket/rules?level=family');
    expect(res.body.rules).toBe(6);
    expect(res.body.rows.slice(0, 2)).toMatchObject([
      {
        rule: '{bakery} => {dairy}',
        count: 6,
        support: close(0.6),
        confidence: close(6 / 7),
        lift: close(15 / 14),
      },
      {
        rule: '{dairy} => {bakery}',
        count: 6,
        support: close(0.6),
        confidence: close(6 / 8),
        lift: close(15 / 14),
      },
    ]);
    expect(res.body.rows.slice(2).map((r: any) => [r.rule, r.count])).toEqual([
      ['{dairy, pantry} => {bakery}', 2],
      ['{pantry} => {bakery}', 3],
      ['{bakery, pantry} => {dairy}', 2],
      ['{pantry} => {dairy}', 3],
    ]);
    expect(res.body.rows.slice(2).map((r: any) => r.lift)).toEqual([
      close(2 / 3 / 0.7),
      close(0.6 / 0.7),
      close(2 / 3 / 0.8),
      close(0.6 / 0.8),
    ]);
  });

  it('bought together with bread: the rules {bread} => y; an unknown product is a 404', async () => {
    const res = await get(`/reports/basket/products/${product('bread')}/bought-together`);
    expect(res.body.rows.map((r: any) => [r.consequent, r.count])).toEqual([
      [product('butter'), 5],
    ]);
    const unknown = await call('/reports/basket/products/p-nothing/bought-together');
    expect(unknown.status).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('next best offers never name a held product, and reach the summary and the log', async () => {
    // Ann holds bread, jam, coffee: {jam} => bread is the best rule but she has bread.
    expect((await get(`/customers/${contact('ann')}`)).body.recommendations).toEqual([
      product('milk'),
      product('butter'),
    ]);
    expect((await get(`/customers/${contact('cleo')}`)).body.recommendations).toEqual([
      product('bread'),
    ]);
    expect((await get(`/customers/${contact('ben')}`)).body.recommendations).toEqual([]);
    // Each customer's stream on analytics' log (read by stream: readAll stays below the
    // cluster's oldest open transaction, which other suites on a shared server hold back).
    const store = t.app.get<EventStore>(EVENT_STORE);
    const logged = async (name: string) =>
      (
        await store.readStream({
          tenant: A,
          id: PUBLISHED_STREAM.recommendations(contact(name), 'basket@1'),
        })
      ).events.map((e) => e.data);
    expect(await logged('ann')).toEqual([
      expect.objectContaining({
        model: 'basket@1',
        productIds: [product('milk'), product('butter')],
      }),
    ]);
    expect(await logged('cleo')).toEqual([
      expect.objectContaining({ model: 'basket@1', productIds: [product('bread')] }),
    ]);
    expect(await logged('ben')).toEqual([]);
  });

  it("tenant B sees none of A's rules or products; A does (positive control)", async () => {
    expect((await get('/reports/basket/rules?level=family')).body.rows.length).toBeGreaterThan(0);
    expect((await get('/reports/basket/rules?level=family', B)).body.rows).toEqual([]);
    const bBread = await call(`/reports/basket/products/${product('bread')}/bought-together`, B);
    expect(bBread.status).toBe(200); // B has sold bread, but has no rules
    expect(bBread.body.rows).toEqual([]);
    const bCoffee = await call(`/reports/basket/products/${product('coffee')}/bought-together`, B);
    expect(bCoffee.status).toBe(404); // only A knows coffee
  });

  it('answers csv, vega-lite and svg', async () => {
    const csv = await get('/reports/basket/rules?format=csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const [header, first] = csv.text.split('\r\n');
    expect(header).toBe(
      'Rank,Rule,Then,Baskets (count),Support,Confidence,Coverage,Lift,Leverage,Conviction',
    );
    expect(first).toMatch(/^1,\{Product p-jam\} => \{Product p-bread\},p-bread,2,0\.2,1,/);
    const spec = await get('/reports/basket/rules?format=vega-lite');
    expect(spec.body).toMatchObject({
      $schema: expect.stringContaining('vega-lite'),
    });
    const svg = await get('/reports/basket/rules?format=svg');
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(svg.text).toContain('Association rules by product');
    look('rules', svg.text);
    look('family', (await get('/reports/basket/rules?level=family&format=svg')).text);
  });

  it('a stale fit answers with its age; an erased customer loses their offers', async () => {
    clock.advance(2 * INTERVAL_MS + HOUR);
    const stale = await get('/reports/basket/rules');
    expect(stale.body.fit).toMatchObject({
      version: 1,
      stale: true,
      ageSeconds: (2 * INTERVAL_MS + HOUR) / 1000,
    });
    const rowsOf = async (contactId: string) => {
      const { rows } = await pool.query(
        `SELECT (SELECT count(*)::int FROM analytics.basket_offers WHERE contact_id = $1) AS offers,
                (SELECT count(*)::int FROM analytics.published_outputs WHERE contact_id = $1) AS published`,
        [contactId],
      );
      return rows[0];
    };
    expect(await rowsOf(contact('cleo'))).toEqual({ offers: 1, published: 1 });
    // The erasure itself deletes her offers and what was last published for her.
    await feed.deliver(F.erased(contact('cleo'), clock.now().toISOString(), { tenant: A }));
    expect(await rowsOf(contact('cleo'))).toEqual({ offers: 0, published: 0 });
    // Two replicas at once: one fits (the other finds the lock held, or the fresh fit).
    const both = await Promise.all([job.runOnce(A), job.runOnce(A)]);
    expect(both.flat()).toHaveLength(1);
    const [run] = both.flat();
    expect(run).toMatchObject({ version: 2, status: 'fitted' });
    // Order 5 went with her: {milk} => coffee now holds (2 of milk's 4 baskets, lift 1.5), so Ben
    // gets an offer; Ann's offers are the same (nothing appended); Cleo, who had offers, gets
    // nothing, not even the empty list.
    expect(run.published).toEqual({ published: 1, unchanged: 1, skippedGone: 0 });
    expect((await get(`/customers/${contact('ben')}`)).body.recommendations).toEqual([
      product('coffee'),
    ]);
    expect(await rowsOf(contact('cleo'))).toEqual({ offers: 0, published: 0 });
    expect((await call(`/customers/${contact('cleo')}`)).status).toBe(410);
    expect((await get('/reports/basket/rules')).body.fit).toMatchObject({
      version: 2,
      stale: false,
    });
  });

  it('unstorable text in a path or query is a 400 naming the field', async () => {
    const document = (await get('/docs-json')).body as OpenApiDocumentLike;
    const probes = unstorableProbes(document).filter((p) =>
      p.operation.startsWith('GET /reports/basket'),
    );
    expect(probes.length).toBeGreaterThanOrEqual(2);
    for (const probe of probes) {
      const res = await call(probe.url);
      const named = (res.body?.errors ?? []).map((e: { field: string }) => e.field);
      if (res.status !== 400 || (probe.fields.length && !named.includes(probe.fields[0])))
        throw new Error(`${probe.operation} (${probe.where}) -> ${res.status}: ${res.text}`);
    }
  });

  it('hostile query strings never get a 5xx; a bad parameter is a 400 naming it', async () => {
    const bad = await call('/reports/basket/rules?minSupport=2');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('minSupport');
    const params = [
      'level',
      'minSupport',
      'minConfidence',
      'minLift',
      'sort',
      'limit',
      'format',
      'x',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom(
            '/reports/basket/rules',
            `/reports/basket/products/${product('bread')}/bought-together`,
          ),
          fc
            .oneof(fc.string({ minLength: 1, maxLength: 300 }), hostileQueryValue)
            .map((id) => `/reports/basket/products/${encodeURIComponent(id)}/bought-together`),
        ),
        fc.dictionary(fc.constantFrom(...params), hostileQueryValue),
        async (path, query) => {
          const url = `${path}?${new URLSearchParams(query)}`;
          const res = await call(url);
          const type = String(res.headers['content-type'] ?? '');
          if (res.status >= 500 || (res.status >= 400 && !type.includes('problem+json')))
            throw new Error(`GET ${url} -> ${res.status}`);
        },
      ),
      { numRuns: 100 },
    );
  });
});
