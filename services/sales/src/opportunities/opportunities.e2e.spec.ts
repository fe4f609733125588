import { ManualClock } from '@crm/platform';
import { CAR_PIPELINE } from '../testing/fixtures';
import { startSalesTestApp, type SalesTestApp } from '../testing/sales-test-app';

// The close dates below are in the future of this pinned "now"; deals won "today" close in
// 2026-10, outside the 2026-12 month the forecast asserts on.
const clock = new ManualClock('2026-10-15T12:00:00Z');
const manager = { roles: ['sales-manager' as const], sub: 'boss' };
const alice = { sub: 'alice' };
const bob = { sub: 'bob' };

describe('pipelines, deals, board and forecast over HTTP', () => {
  let t: SalesTestApp;
  let pipelineId: string;
  const open = async (as: object, body: object) => {
    const res = await t.request('POST', '/opportunities', {
      as,
      body: { pipelineId, currency: 'EUR', ...body },
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  beforeAll(async () => {
    t = await startSalesTestApp({}, { clock });
    const created = await t.request('POST', '/pipelines', { as: manager, body: CAR_PIPELINE });
    expect(created.status).toBe(201);
    pipelineId = created.body.id;
  });
  afterAll(() => t?.close());

  it('only managers define pipelines; a pipeline without a won stage is a 422 problem', async () => {
    expect((await t.request('POST', '/pipelines', { as: alice, body: CAR_PIPELINE })).status).toBe(
      403,
    );
    const bad = await t.request('POST', '/pipelines', {
      as: manager,
      body: { name: 'x', stages: CAR_PIPELINE.stages.filter((s) => s.kind !== 'won') },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.type).toMatch(/invalid-pipeline-stages/);
  });

  it('moves a deal through its stages with If-Match, refusing skips without a reason', async () => {
    const id = await open(alice, {
      name: 'Roadster',
      amountMinor: 4_500_000,
      expectedCloseDate: '2026-12-15',
    });
    const skip = await t.request('POST', `/opportunities/${id}/stage`, {
      as: alice,
      body: { stageId: 'negotiation' },
    });
    expect(skip.status).toBe(422);
    expect(skip.headers['content-type']).toMatch(/problem\+json/);
    expect(skip.body).toMatchObject({
      type: expect.stringMatching(/stage-skip-requires-reason/),
      skippedStageIds: ['demo'],
    });

    const stale = await t.request('POST', `/opportunities/${id}/stage`, {
      as: alice,
      body: { stageId: 'demo' },
      headers: { 'if-match': '"7"' },
    });
    expect(stale.status).toBe(412);
    const moved = await t.request('POST', `/opportunities/${id}/stage`, {
      as: alice,
      body: { stageId: 'demo' },
      headers: { 'if-match': '"1"' },
    });
    expect(moved.status).toBe(200);
    expect(moved.headers.etag).toBe('"2"');

    const deal = await t.request('GET', `/opportunities/${id}`, { as: alice });
    expect(deal.body).toMatchObject({
      stageId: 'demo',
      probability: 40,
      forecastCategory: 'best-case',
      status: 'open',
    });
    expect(deal.body.stageHistory.map((s: any) => s.stageId)).toEqual(['prospect', 'demo']);

    const wonEarly = await t.request('POST', `/opportunities/${id}/win`, { as: alice, body: {} });
    expect(wonEarly.status).toBe(422);
  });

  it('shows the board with counts and exact sums, my open deals and the weighted forecast', async () => {
    const t2 = await startSalesTestApp({}, { clock });
    try {
      const p = (await t2.request('POST', '/pipelines', { as: manager, body: CAR_PIPELINE })).body
        .id;
      const mk = async (as: object, body: object) =>
        (
          await t2.request('POST', '/opportunities', {
            as,
            body: { pipelineId: p, currency: 'EUR', ...body },
          })
        ).body.id;
      const a1 = await mk(alice, {
        name: 'A1',
        amountMinor: 1_000_001,
        expectedCloseDate: '2026-11-30',
      });
      const a2 = await mk(alice, {
        name: 'A2',
        amountMinor: 2_000_000,
        expectedCloseDate: '2026-12-10',
      });
      const b1 = await mk(bob, {
        name: 'B1',
        amountMinor: 3_000_000,
        expectedCloseDate: '2027-01-20',
      });
      await t2.request('POST', `/opportunities/${a2}/stage`, {
        as: alice,
        body: { stageId: 'negotiation', reason: 'came ready to sign' },
      });
      await t2.request('POST', `/opportunities/${b1}/lose`, {
        as: bob,
        body: { reason: 'price', competitor: 'Rival' },
      });
      await t2.request('POST', `/opportunities/${a1}/win`, {
        as: alice,
        body: { reason: 'signed at the fair' },
      });

      const board = (await t2.request('GET', `/pipelines/${p}/board`, { as: alice })).body;
      const stage = (id: string) => board.stages.find((s: any) => s.stageId === id);
      expect(stage('negotiation')).toMatchObject({
        count: 1,
        amountMinor: { EUR: 2_000_000 },
        weightedMinor: { EUR: 1_400_000 },
      });
      expect(stage('won')).toMatchObject({ count: 1, amountMinor: { EUR: 1_000_001 } });
      expect(stage('lost').deals[0]).toMatchObject({ name: 'B1', ownerId: 'bob' });
      expect(stage('prospect').count).toBe(0);

      const mine = (await t2.request('GET', '/opportunities/mine', { as: alice })).body;
      expect(mine.items.map((d: any) => d.name)).toEqual(['A2']);

      const won = (await t2.request('GET', `/opportunities/${a1}`, { as: alice })).body;
      const wonMonth = won.stageHistory.at(-1).enteredAt.slice(0, 7);
      const forecast = await t2.request(
        'GET',
        '/forecast?period=quarter&from=2026-01-01&to=2028-01-01',
        { as: manager },
      );
      expect(forecast.status).toBe(200);
      const q4Alice = forecast.body.filter((r: any) => r.ownerId === 'alice');
      // a2 is commit (70 %); a1 was won (closed) in the quarter of its win date.
      const wonQuarter = `${wonMonth.slice(0, 4)}-Q${Math.ceil(Number(wonMonth.slice(5, 7)) / 3)}`;
      const sumOf = (field: string) => q4Alice.reduce((n: number, r: any) => n + r[field], 0);
      expect(sumOf('weightedMinor')).toBe(1_400_000 + 1_000_001);
      expect(sumOf('commitMinor')).toBe(2_000_000 + 1_000_001);
      expect(sumOf('closedMinor')).toBe(1_000_001);
      expect(q4Alice.find((r: any) => r.period === wonQuarter).closedMinor).toBe(1_000_001);
      // The lost deal is nowhere; bob has no rows.
      expect(forecast.body.some((r: any) => r.ownerId === 'bob')).toBe(false);
      // The all-owners rows (ownerId null) add up the owners' rows.
      const all = forecast.body.filter((r: any) => r.ownerId === null);
      expect(all.reduce((n: number, r: any) => n + r.bestCaseMinor, 0)).toBe(
        sumOf('bestCaseMinor'),
      );

      const monthly = await t2.request(
        'GET',
        '/forecast?period=month&from=2026-12-01&to=2027-01-01',
        { as: manager },
      );
      expect(monthly.body.find((r: any) => r.ownerId === 'alice')).toMatchObject({
        period: '2026-12',
        weightedMinor: 1_400_000,
        openDeals: 1,
      });
      expect(
        (
          await t2.request('GET', '/forecast?period=week&from=2026-01-01&to=2027-01-01', {
            as: manager,
          })
        ).status,
      ).toBe(400);
    } finally {
      await t2.close();
    }
  });

  it('keeps tenants apart', async () => {
    const id = await open(alice, {
      name: 'Secret',
      amountMinor: 1,
      expectedCloseDate: '2026-12-15',
    });
    const other = { tenant: 'tenant-b', sub: 'alice' };
    // Alice (tenant A) sees the deal, so "the other tenant sees nothing" can fail.
    expect((await t.request('GET', `/opportunities/${id}`, { as: alice })).status).toBe(200);
    const alicesDeals = (await t.request('GET', '/opportunities/mine', { as: alice })).body;
    expect(alicesDeals.items.map((d: { id: string }) => d.id)).toContain(id);
    expect((await t.request('GET', `/opportunities/${id}`, { as: other })).status).toBe(404);
    const othersDeals = await t.request('GET', '/opportunities/mine', { as: other });
    expect([othersDeals.status, othersDeals.body]).toEqual([200, { items: [], nextCursor: null }]);
    expect(
      (
        await t.request('POST', `/opportunities/${id}/stage`, {
          as: other,
          body: { stageId: 'demo' },
        })
      ).status,
    ).toBe(404);
    const untouched = (await t.request('GET', `/opportunities/${id}`, { as: alice })).body;
    expect(untouched.stageId).not.toBe('demo');
  });
});
