/**
 * Issue 12: `GET /opportunities` filters, sorts and pages deals with signed cursors, per tenant,
 * for the sales readers only.
 */
import { ManualClock } from '@crm/platform';
import { CAR_PIPELINE } from '../testing/fixtures';
import { feedContacts } from '../testing/contacts-feed';
import { startSalesTestApp, type SalesTestApp } from '../testing/sales-test-app';
import { OPPORTUNITY_SORTS } from './opportunity-list.dto';

const clock = new ManualClock('2026-10-15T12:00:00Z');
const manager = { roles: ['sales-manager' as const], sub: 'boss' };
const alice = { sub: 'alice' };
const bob = { sub: 'bob' };

describe('GET /opportunities (e2e)', () => {
  let t: SalesTestApp;
  let cars: string;
  let fleet: string;
  const names = async (query: string, as: object = alice): Promise<string[]> => {
    const res = await t.request('GET', `/opportunities?${query}`, { as });
    expect(res.status).toBe(200);
    return res.body.items.map((deal: { name: string }) => deal.name).sort();
  };

  beforeAll(async () => {
    t = await startSalesTestApp({}, { clock });
    await feedContacts(t, {
      companies: [{ companyId: 'k1' }, { companyId: 'k2' }],
      contacts: [{ contactId: 'c1' }, { contactId: 'c2' }],
    });
    const pipeline = async (name: string) =>
      (await t.request('POST', '/pipelines', { as: manager, body: { ...CAR_PIPELINE, name } })).body
        .id as string;
    cars = await pipeline('Cars');
    fleet = await pipeline('Fleet');
    const open = async (as: object, body: object) => {
      const res = await t.request('POST', '/opportunities', {
        as,
        body: { pipelineId: cars, currency: 'EUR', ...body },
      });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    // Amount and close date tie between d2 and d4: the sorts break ties by id.
    await open(alice, {
      name: 'd1',
      amountMinor: 1000,
      expectedCloseDate: '2026-11-01',
      contactId: 'c1',
      companyId: 'k1',
    });
    const d2 = await open(bob, { name: 'd2', amountMinor: 5000, expectedCloseDate: '2026-12-15' });
    const d3 = await open(alice, {
      name: 'd3',
      pipelineId: fleet,
      amountMinor: 3000,
      expectedCloseDate: '2027-01-10',
      contactId: 'c2',
      companyId: 'k2',
    });
    const d4 = await open(bob, { name: 'd4', amountMinor: 5000, expectedCloseDate: '2026-12-15' });
    await open(alice, {
      name: 'd5',
      amountMinor: 200,
      expectedCloseDate: '2026-11-20',
      companyId: 'k1',
    });
    // Each deal is moved by its owner (record-level access).
    const act = async (id: string, as: object, action: string, body: object) =>
      expect((await t.request('POST', `/opportunities/${id}/${action}`, { as, body })).status).toBe(
        200,
      );
    await act(d2, bob, 'stage', { stageId: 'demo' });
    await act(d3, alice, 'win', { reason: 'fleet deal signed' });
    await act(d4, bob, 'lose', { reason: 'price' });
  });
  afterAll(() => t?.close());

  it.each([
    ['pipelineId=FLEET', ['d3'], 'pipelineId=nope'],
    ['stageId=demo', ['d2'], 'stageId=negotiation'],
    ['ownerId=bob', ['d2', 'd4'], 'ownerId=carol'],
    ['status=won', ['d3'], 'status=won&ownerId=bob'],
    ['status=lost', ['d4'], 'status=lost&ownerId=alice'],
    ['status=open', ['d1', 'd2', 'd5'], 'status=open&pipelineId=FLEET'],
    [
      'expectedCloseFrom=2026-11-20&expectedCloseTo=2026-12-16',
      ['d2', 'd4', 'd5'],
      'expectedCloseFrom=2027-02-01',
    ],
    ['expectedCloseTo=2026-11-20', ['d1'], 'expectedCloseTo=2026-11-01'],
    ['minAmountMinor=3000', ['d2', 'd3', 'd4'], 'minAmountMinor=5001'],
    ['maxAmountMinor=1000', ['d1', 'd5'], 'maxAmountMinor=199'],
    ['contactId=c1', ['d1'], 'contactId=c9'],
    ['companyId=k1', ['d1', 'd5'], 'companyId=k9'],
  ])('%s narrows to %j; %s matches none', async (filter, expected, none) => {
    const withIds = (q: string) => q.replace('FLEET', fleet);
    expect(await names(withIds(filter))).toEqual(expected);
    expect(await names(withIds(none))).toEqual([]);
  });

  it('with no filter lists every deal, items shaped like GET /opportunities/{id}', async () => {
    const res = await t.request('GET', '/opportunities', { as: alice });
    expect(res.body.items.map((d: { name: string }) => d.name).sort()).toEqual([
      'd1',
      'd2',
      'd3',
      'd4',
      'd5',
    ]);
    expect(res.body.nextCursor).toBeNull();
    const first = res.body.items[0];
    expect((await t.request('GET', `/opportunities/${first.id}`, { as: alice })).body).toEqual(
      first,
    );
  });

  it.each(OPPORTUNITY_SORTS)('sort=%s pages through every deal exactly once', async (sort) => {
    const seen: { id: string; amountMinor: number; expectedCloseDate: string }[] = [];
    let cursor: string | null = null;
    do {
      const url = `/opportunities?sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await t.request('GET', url, { as: alice });
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(new Set(seen.map((d) => d.id)).size).toBe(5);
    expect(seen).toHaveLength(5);
    const field = sort.replace('-', '');
    if (field === 'amount' || field === 'expectedCloseDate') {
      const key = (d: (typeof seen)[number]) =>
        field === 'amount' ? String(d.amountMinor).padStart(8, '0') : d.expectedCloseDate;
      const sign = sort.startsWith('-') ? -1 : 1;
      const expected = [...seen].sort(
        (a, b) => sign * (key(a).localeCompare(key(b)) || (a.id < b.id ? -1 : 1)),
      );
      expect(seen.map((d) => d.id)).toEqual(expected.map((d) => d.id));
    }
  });

  it('a tampered cursor or one from another sort is a 400 naming cursor', async () => {
    const first = await t.request('GET', '/opportunities?sort=amount&limit=2', { as: alice });
    const cursor: string = first.body.nextCursor;
    expect((await t.request('GET', `/opportunities?sort=amount&cursor=${cursor}`)).status).toBe(
      200,
    );
    const tampered = `${cursor.slice(0, -1)}${cursor.endsWith('A') ? 'B' : 'A'}`;
    for (const url of [
      `/opportunities?sort=amount&cursor=${tampered}`,
      `/opportunities?sort=-amount&cursor=${cursor}`,
      `/opportunities?cursor=${cursor}`,
    ]) {
      const res = await t.request('GET', url, { as: alice });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
    }
  });

  it.each(['expectedCloseFrom', 'expectedCloseTo'])(
    'an impossible %s is a 400 naming it',
    async (field) => {
      const res = await t.request('GET', `/opportunities?${field}=2026-02-30`, { as: alice });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field })]);
    },
  );

  it('the OpenAPI document lists the query parameters and the page type', async () => {
    const doc = (await t.request('GET', '/docs-json')).body;
    const list = doc.paths['/opportunities'].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining([
        'sort',
        'cursor',
        'limit',
        'pipelineId',
        'stageId',
        'ownerId',
        'status',
        'expectedCloseFrom',
        'expectedCloseTo',
        'minAmountMinor',
        'maxAmountMinor',
        'contactId',
        'companyId',
      ]),
    );
    expect(list.responses['200'].content['application/json'].schema.$ref).toMatch(
      /OpportunityPage$/,
    );
    expect(Object.keys(doc.components.schemas.OpportunityPage.properties)).toEqual([
      'items',
      'nextCursor',
    ]);
  });

  it("tenant B sees none of tenant A's deals; a customer token is refused", async () => {
    expect(await names('', { ...alice, tenant: 'tenant-a' })).toHaveLength(5);
    expect(await names('', { ...alice, tenant: 'tenant-b' })).toEqual([]);
    expect(await names('ownerId=alice', { ...alice, tenant: 'tenant-b' })).toEqual([]);
    expect(await names('', { roles: ['analyst'], sub: 'ann' })).toHaveLength(5);
    const customer = await t.request('GET', '/opportunities', {
      as: { roles: ['customer'], sub: 'cust-1' },
    });
    expect(customer.status).toBe(403);
  });
});
