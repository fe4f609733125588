/**
 * GET /reports/funnel over a small known story fed as integration events (the way
 * ingest.e2e does) into real PostgreSQL, counted by hand below. The app's clock is pinned; every
 * business time is a fixed day of January 2026.
 *
 * The story (tenant-a): 10 leads captured in January (L1 and L7-L10 from `referral`, L2-L6 from
 * `web_form`), L1-L6 qualified, L1-L4 converted into deals D1-D4 (opened in stage `qualify`).
 *   D1: qualify -> propose (Jan 10) -> won (Jan 20)
 *   D2: qualify -> propose (Jan 12) -> won (Jan 27)
 *   D3: qualify -> lost (Jan 15) -> reopened into propose (Jan 18): open
 *   D4: qualify -> lost (Jan 9)
 * D2 belongs to rep-2 and was won for 3000.00 USD; D1 won for 4800.00 EUR; D4 (lost) is EUR.
 * D5 (no lead) is open: 1000.00 USD at 20 %, no category (pipeline), closing 2026-03-10; D3 closes 2026-02-20.
 * Plus L11 captured on Feb 1 (outside the window), and two leads of tenant-b.
 */
import * as C from '@crm/contracts';
import { ManualClock } from '@crm/platform';
import {
  openIntegrationFeed,
  startHttpTestApp,
  type FedMessage,
  type HttpTestApp,
  type IntegrationFeed,
  type TestRequestOptions,
} from '@crm/platform/testing';
import { uniqueName } from '@crm/testing';
import { writeFileSync } from 'node:fs';
import { Pool } from 'pg';
import { AppModule } from '../app.module';
import { INGEST_CONSUMER } from '../ingest/ingest-consumer';
import * as F from '../ingest/testing/facts';
import { ANALYTICS_TEST_JWT_SECRET } from '../testing/analytics-test-app';

const clock = new ManualClock('2026-02-15T00:00:00.000Z');
const day = (d: string, hour = 9) => `2026-${d}T${String(hour).padStart(2, '0')}:00:00.000Z`;
const TENANT_B = { tenant: 'tenant-b' };

const withData = (m: FedMessage, members: object): FedMessage => ({
  ...m,
  data: { ...(m.data as object), ...members },
});
const lost = (deal: string, time: string): FedMessage => ({
  topic: 'sales',
  type: C.OpportunityLost.type,
  subject: deal,
  time,
  data: { opportunityId: deal, reason: 'price', lostAt: time, stageId: 'lost' },
});
const reopened = (deal: string, stageId: string, time: string): FedMessage => ({
  topic: 'sales',
  type: C.OpportunityReopened.type,
  subject: deal,
  time,
  data: {
    opportunityId: deal,
    stageId,
    probabilityPercent: 60,
    reason: 'came back',
    reopenedAt: time,
  },
});

function story(): FedMessage[] {
  const events: FedMessage[] = [];
  for (let i = 1; i <= 10; i++) {
    const captured = F.leadCaptured(
      `L${i}`,
      i === 10 ? day('01-31', 23) : day(`01-0${Math.min(i, 5)}`),
    );
    events.push(i === 1 || i >= 7 ? withData(captured, { source: 'referral' }) : captured);
  }
  for (let i = 1; i <= 6; i++) events.push(F.leadQualified(`L${i}`, day('01-06')));
  for (let i = 1; i <= 4; i++) {
    events.push(F.leadConverted(`L${i}`, `C${i}`, `D${i}`, day('01-07')));
    const opened = F.opportunityOpened(`D${i}`, `C${i}`, day('01-07'));
    events.push(
      withData(opened, {
        leadId: `L${i}`,
        ...(i === 2 ? { ownerId: 'rep-2' } : {}),
        ...(i === 3 ? { expectedCloseDate: '2026-02-20' } : {}),
      }),
    );
  }
  events.push(
    F.stageChanged('D1', 'qualify', 'propose', day('01-10')),
    F.won('D1', day('01-20')),
    F.stageChanged('D2', 'qualify', 'propose', day('01-12')),
    withData(F.won('D2', day('01-27')), {
      amount: { amount: '3000.00', currency: 'USD' },
      amountMinor: 300_000,
      currency: 'USD',
    }),
    lost('D3', day('01-15')),
    reopened('D3', 'propose', day('01-18')),
    lost('D4', day('01-09')),
    // D5: no lead, open, no category published, 1000.00 USD at 20 %, closing in March
    withData(F.opportunityOpened('D5', 'C5', day('01-08')), {
      amount: { amount: '1000.00', currency: 'USD' },
      amountMinor: 100_000,
      currency: 'USD',
      ownerId: 'rep-2',
      expectedCloseDate: '2026-03-10',
    }),
    F.leadCaptured('L11', day('02-01')),
    F.leadCaptured('B1', day('01-03'), TENANT_B),
    F.leadQualified('B1', day('01-04'), TENANT_B),
    F.leadCaptured('B2', day('01-03'), TENANT_B),
  );
  return events;
}

describe('sales funnel report (embedded transport)', () => {
  let t: HttpTestApp;
  let pool: Pool;
  let feed: IntegrationFeed;

  beforeAll(async () => {
    process.env.MESSAGING_NAMESPACE = uniqueName('analytics-funnel');
    t = await startHttpTestApp(AppModule, {
      databasePrefix: 'analytics_funnel_e2e',
      jwtSecret: ANALYTICS_TEST_JWT_SECRET,
      defaultCaller: { sub: 'analyst-1', roles: ['analyst'] },
      env: { KAFKA_BROKERS: '' },
      clock,
    });
    pool = new Pool({ connectionString: t.db.url, max: 2 });
    feed = openIntegrationFeed({
      consumer: INGEST_CONSUMER.consumer!,
      databaseUrl: t.db.url,
      pool,
      kafkaBrokers: '',
    });
    for (const event of story()) await feed.deliver(event);
  }, 60_000);
  afterAll(async () => {
    await feed?.close();
    await pool?.end();
    await t?.close();
    delete process.env.MESSAGING_NAMESPACE;
  });

  const get = async (url: string, options?: TestRequestOptions) => {
    const res = await t.request('GET', url, options);
    const type = String(res.headers['content-type'] ?? '');
    return { ...res, type, json: type.includes('json') ? JSON.parse(res.body) : undefined };
  };
  const JANUARY = 'from=2026-01-01&to=2026-01-31';
  const counts = (rows: { step: string; count: number }[]) => rows.map((r) => [r.step, r.count]);

  it('counts the story step by step, with each step over the one before', async () => {
    const res = await get(`/reports/funnel?${JANUARY}`);
    expect(res.statusCode).toBe(200);
    // L11 (Feb 1) is outside; L10 (Jan 31 23:00) is inside: the `to` day is included.
    // Stages: qualify entered by D1-D4 (4), propose by D1, D2 and D3's reopening (3); `won` and
    // `lost` are the closing stages, counted by the Won step (D1, D2) only.
    expect(counts(res.json.rows)).toEqual([
      ['Leads', 10],
      ['Qualified', 6],
      ['Converted', 4],
      ['Stage qualify', 4],
      ['Stage propose', 3],
      ['Won', 2],
    ]);
    // 6/10, 4/6, 4/4, 3/4, 2/3
    expect(res.json.rows.map((r: any) => r.conversionFromPrevious)).toEqual([
      null,
      0.6,
      4 / 6,
      1,
      0.75,
      2 / 3,
    ]);
    expect(res.json.rows[5].conversionFromLeads).toBe(0.2); // 2 won of 10 leads
  });

  it('groups by source, owner and pipeline, and filters the deal steps by pipeline', async () => {
    const bySource = (await get(`/reports/funnel?${JANUARY}&groupBy=source`)).json.rows;
    // referral: L1, L7-L10 (5), only L1 qualified and converted, D1 won.
    expect(counts(bySource.filter((r: any) => r.group === 'referral'))).toEqual([
      ['Leads', 5],
      ['Qualified', 1],
      ['Converted', 1],
      ['Stage qualify', 1],
      ['Stage propose', 1],
      ['Won', 1],
    ]);
    // web_form: L2-L6 (5) all qualified, L2-L4 converted, propose D2 and D3, won D2.
    expect(counts(bySource.filter((r: any) => r.group === 'web_form'))).toEqual([
      ['Leads', 5],
      ['Qualified', 5],
      ['Converted', 3],
      ['Stage qualify', 3],
      ['Stage propose', 2],
      ['Won', 1],
    ]);
    const byOwner = (await get(`/reports/funnel?${JANUARY}&groupBy=owner`)).json.rows;
    expect(new Set(byOwner.map((r: any) => r.group))).toEqual(new Set(['rep-1']));
    const byPipeline = (await get(`/reports/funnel?${JANUARY}&groupBy=pipeline`)).json.rows;
    // the 6 leads without a deal have no pipeline
    expect(
      byPipeline.filter((r: any) => r.step === 'Leads').map((r: any) => [r.group, r.count]),
    ).toEqual([
      ['pipe-1', 4],
      ['(none)', 6],
    ]);
    const other = (await get(`/reports/funnel?${JANUARY}&pipelineId=pipe-x`)).json.rows;
    expect(counts(other)).toEqual([
      ['Leads', 10],
      ['Qualified', 6],
      ['Converted', 4],
      ['Won', 0],
    ]);
  });

  it('answers csv, vega-lite and svg', async () => {
    const csv = await get(`/reports/funnel?${JANUARY}&format=csv`);
    expect(csv.type).toContain('text/csv');
    const lines = csv.body.split('\r\n');
    expect(lines[0]).toMatch(/^Position,Step,Leads/);
    expect(lines[1]).toMatch(/^0,Leads,10,/);
    const spec = await get(`/reports/funnel?${JANUARY}&format=vega-lite`);
    expect(spec.type).toContain('application/vnd.vegalite.v5+json');
    expect(spec.json.$schema).toContain('vega-lite/v5');
    expect(JSON.stringify(spec.json)).toContain('Sales funnel');
    const svg = await get(`/reports/funnel?${JANUARY}&format=svg`);
    expect(svg.type).toContain('image/svg+xml');
    expect(svg.body).toMatch(/^<svg/);
    expect(svg.body).toContain('Sales funnel');
    expect(svg.body).toContain('Leads captured 2026-01-01 to 2026-01-31');
    // FUNNEL_SVG_OUT=/tmp/funnel.svg keeps the picture for rsvg-convert (a look, not an assertion)
    if (process.env.FUNNEL_SVG_OUT) writeFileSync(process.env.FUNNEL_SVG_OUT, svg.body);
  });

  it("keeps tenants apart: tenant-b sees its own two leads, not tenant-a's", async () => {
    const b = (await get(`/reports/funnel?${JANUARY}`, { as: TENANT_B })).json.rows;
    expect(counts(b)).toEqual([
      ['Leads', 2],
      ['Qualified', 1],
      ['Converted', 0],
      ['Won', 0],
    ]);
    const none = (await get(`/reports/funnel?${JANUARY}`, { as: { tenant: 'tenant-z' } })).json
      .rows;
    expect(none[0].count).toBe(0);
  });

  it.each([
    ['from=2026-02-30&to=2026-03-01', 'from'],
    ['from=2026-01-01&to=2026-13-01', 'to'],
    ['from=2026-02-01&to=2026-01-31', 'to'],
    ['to=2026-01-31', 'from'],
    [`${JANUARY}&groupBy=region`, 'groupBy'],
    [`${JANUARY}&format=pdf`, 'format'],
  ])('refuses %s with a 400 naming %s', async (query, field) => {
    const res = await get(`/reports/funnel?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.type).toContain('application/problem+json');
    expect(JSON.stringify(res.json)).toContain(field);
  });

  it('lets report readers in and keeps customers and reps out', async () => {
    expect(
      (await get(`/reports/funnel?${JANUARY}`, { as: { roles: ['sales-manager'] } })).statusCode,
    ).toBe(200);
    expect(
      (await get(`/reports/funnel?${JANUARY}`, { as: { roles: ['customer'] } })).statusCode,
    ).toBe(403);
    expect(
      (await get(`/reports/funnel?${JANUARY}`, { as: { roles: ['sales-rep'] } })).statusCode,
    ).toBe(403);
    expect((await get(`/reports/funnel?${JANUARY}`, { as: null })).statusCode).toBe(401);
  });

  describe('GET /reports/sales-performance', () => {
    const PERF = `/reports/sales-performance?${JANUARY}`;

    it('per month: win rate over all currencies, money and cycle per currency', async () => {
      const rows = (await get(PERF)).json.rows;
      // closed in January: D1 won (EUR), D2 won (USD), D4 lost (EUR); D3 reopened is open.
      // win rate 2 won / 3 closed. Cycle D1: Jan 7 09:00 -> Jan 20 09:00 = 13 days;
      // D2: Jan 7 -> Jan 27 = 20 days.
      expect(rows).toEqual([
        {
          key: '2026-01-01',
          currency: 'EUR',
          won: 1,
          lost: 1,
          winRate: 2 / 3,
          wonAmountMinor: 480_000,
          averageDealMinor: 480_000,
          cycleMedianDays: 13,
          cycleMeanDays: 13,
        },
        {
          key: '2026-01-01',
          currency: 'USD',
          won: 1,
          lost: 0,
          winRate: 2 / 3,
          wonAmountMinor: 300_000,
          averageDealMinor: 300_000,
          cycleMedianDays: 20,
          cycleMeanDays: 20,
        },
      ]);
      const eur = (await get(`${PERF}&currency=EUR&interval=quarter`)).json.rows;
      // only D1 (won) and D4 (lost): 1/2
      expect(eur.map((r: any) => [r.key, r.currency, r.won, r.lost, r.winRate])).toEqual([
        ['2026-01-01', 'EUR', 1, 1, 0.5],
      ]);
    });

    it('ranks the reps: won amount, count and win rate per owner and currency', async () => {
      const rows = (await get(`${PERF}&view=owners`)).json.rows;
      // rep-1: D1 won, D4 lost -> 1/2; rep-2: D2 won -> 1/1
      expect(rows.map((r: any) => [r.key, r.currency, r.won, r.winRate, r.wonAmountMinor])).toEqual(
        [
          ['rep-1', 'EUR', 1, 0.5, 480_000],
          ['rep-2', 'USD', 1, 1, 300_000],
        ],
      );
      const svg = await get(`${PERF}&view=owners&format=svg`);
      expect(svg.body).toContain('Won amount by owner');
    });

    it('times each stage from the stage entries', async () => {
      const rows = (await get(`${PERF}&view=stages`)).json.rows;
      // qualify: D1 Jan 7 -> 10 (3), D2 7 -> 12 (5), D3 7 -> 15 (8, then lost), D4 7 -> 9 (2):
      //   mean 18/4 = 4.5, median (3+5)/2 = 4.
      // propose: D1 Jan 10 -> 20 (10), D2 12 -> 27 (15): 12.5 both; D3 is still in propose.
      // lost and won are closing stages: not counted.
      expect(rows).toEqual([
        { stageId: 'qualify', entries: 4, meanDays: 4.5, medianDays: 4 },
        { stageId: 'propose', entries: 2, meanDays: 12.5, medianDays: 12.5 },
      ]);
    });

    it('draws the line per period and answers csv', async () => {
      const svg = await get(`${PERF}&format=svg`);
      expect(svg.type).toContain('image/svg+xml');
      expect(svg.body).toContain('Won amount per month');
      const csv = await get(`${PERF}&format=csv`);
      expect(csv.body.split('\r\n')[0]).toMatch(/^Month starting,Currency,Won/);
    });

    it('keeps tenants apart and refuses bad parameters and customers', async () => {
      expect((await get(PERF, { as: TENANT_B })).json.rows).toEqual([]);
      for (const [query, field] of [
        ['&interval=week', 'interval'],
        ['&currency=ABC', 'currency'],
        ['&view=map', 'view'],
      ]) {
        const res = await get(`${PERF}${query}`);
        expect([res.statusCode, JSON.stringify(res.json).includes(field)]).toEqual([400, true]);
      }
      expect(
        (await get(`/reports/sales-performance?from=2026-03-01&to=2026-02-01`)).statusCode,
      ).toBe(400);
      expect((await get(PERF, { as: { roles: ['customer'] } })).statusCode).toBe(403);
    });
  });

  describe('GET /reports/pipeline', () => {
    const pick = (rows: any[]) =>
      rows.map((r) => [
        r.period,
        r.ownerId,
        r.currency,
        r.category,
        r.deals,
        r.amountMinor,
        r.weightedMinor,
      ]);

    it('weights the open deals by period of expected close and adds closed-won from asOf on', async () => {
      const rows = (await get('/reports/pipeline?asOf=2026-01-15')).json.rows;
      expect(pick(rows)).toEqual([
        ['2026-01-01', 'rep-1', 'EUR', 'closed-won', 1, 480_000, 480_000], // D1, won Jan 20
        ['2026-01-01', 'rep-2', 'USD', 'closed-won', 1, 300_000, 300_000], // D2, won Jan 27
        // D3: 5000.00 EUR x 60 % (its reopening's probability) = 300000; ingest keeps the
        // `omitted` its loss set, the reopening publishes no category.
        ['2026-02-01', 'rep-1', 'EUR', 'omitted', 1, 500_000, 300_000],
        ['2026-03-01', 'rep-2', 'USD', 'pipeline', 1, 100_000, 20_000], // 100000 x 20 %
      ]);
      const later = (await get('/reports/pipeline?asOf=2026-02-01&interval=quarter&currency=USD'))
        .json.rows;
      // the quarter of Feb 1 starts Jan 1: D2's win is in; EUR left out
      expect(pick(later)).toEqual([
        ['2026-01-01', 'rep-2', 'USD', 'closed-won', 1, 300_000, 300_000],
        ['2026-01-01', 'rep-2', 'USD', 'pipeline', 1, 100_000, 20_000],
      ]);
      const april = (await get('/reports/pipeline?asOf=2026-04-01')).json.rows;
      expect(april.map((r: any) => r.category)).toEqual(['omitted', 'pipeline']);
    });

    it('draws a stacked bar, isolates tenants and refuses bad parameters', async () => {
      const svg = await get('/reports/pipeline?asOf=2026-01-15&format=svg');
      expect(svg.body).toContain('Weighted pipeline and closed-won');
      if (process.env.PIPELINE_SVG_OUT) writeFileSync(process.env.PIPELINE_SVG_OUT, svg.body);
      expect((await get('/reports/pipeline?asOf=2026-01-15', { as: TENANT_B })).json.rows).toEqual(
        [],
      );
      const bad = await get('/reports/pipeline?asOf=2026-02-30');
      expect([bad.statusCode, JSON.stringify(bad.json).includes('asOf')]).toEqual([400, true]);
      expect((await get('/reports/pipeline?interval=day')).statusCode).toBe(400);
      expect((await get('/reports/pipeline', { as: { roles: ['customer'] } })).statusCode).toBe(
        403,
      );
    });
  });

  describe('GET /reports/forecast-accuracy', () => {
    it('reconstructs the forecast at each period start from the stage history', async () => {
      const res = await get('/reports/forecast-accuracy?from=2026-01-01&to=2026-03-31');
      // stage win rates over closed deals: qualify D1, D2 won, D4 lost = 2/3; propose D1, D2 = 1.
      // Jan 1: nothing open yet; won in Jan: D1 480000 EUR, D2 300000 USD.
      // Feb 1: D3 open in propose (reopened Jan 18), closing Feb 20: 500000 x 1.
      // Mar 1: D5 open in qualify, closing Mar 10: 100000 x 2/3 = 66666.7 -> 66667.
      expect(
        res.json.rows.map((r: any) => [r.period, r.currency, r.forecastMinor, r.actualMinor]),
      ).toEqual([
        ['2026-01-01', 'EUR', 0, 480_000],
        ['2026-01-01', 'USD', 0, 300_000],
        ['2026-02-01', 'EUR', 500_000, 0],
        ['2026-03-01', 'USD', 66_667, 0],
      ]);
      const svg = await get('/reports/forecast-accuracy?from=2026-01-01&to=2026-03-31&format=svg');
      expect(svg.body).toContain('Forecast vs actual');
      const bad = await get('/reports/forecast-accuracy?from=2026-03-01&to=2026-01-01');
      expect(bad.statusCode).toBe(400);
      expect(
        (await get('/reports/forecast-accuracy?from=2026-01-01&to=2026-03-31', { as: TENANT_B }))
          .json.rows,
      ).toEqual([]);
    });
  });
});
