/**
 * Issue 12, "one shape everywhere": a sales record names its own id `id` (never `leadId`,
 * `opportunityId`, ... beside it), and every list answers `{ items, nextCursor }`; ids of OTHER
 * records keep their names (`contactId`, `opportunityId` on an activity). Checked on live answers
 * and on the OpenAPI document clients are generated from.
 */
import { ManualClock } from '@crm/platform';
import { setUpCarCatalogue } from '../testing/car-catalogue';
import { feedContacts } from '../testing/contacts-feed';
import { CAR_PIPELINE } from '../testing/fixtures';
import { startSalesTestApp, type SalesTestApp } from '../testing/sales-test-app';

const clock = new ManualClock('2026-06-15T12:00:00Z');
const manager = { roles: ['sales-manager' as const], sub: 'boss' };
const inDays = (n: number) =>
  new Date(clock.now().getTime() + n * 86_400_000).toISOString().slice(0, 10);

/** The views of each record and the name its own id must not also have. */
const OWN_ID_OF_SCHEMA: Record<string, string> = {
  LeadSummaryDto: 'leadId',
  LeadDto: 'leadId',
  LeadConvertedDto: 'leadId',
  PipelineDto: 'pipelineId',
  BoardDto: 'pipelineId',
  BoardDealDto: 'opportunityId',
  OpportunityDto: 'opportunityId',
  ActivityDto: 'activityId',
  ProductDto: 'productId',
  PriceBookDto: 'priceBookId',
  PriceBookSummaryDto: 'priceBookId',
  QuoteDto: 'quoteId',
  QuoteAcceptedDto: 'quoteId',
  OrderDto: 'orderId',
};

/** Reports, not lists of records: rows per period and owner. */
const NOT_A_LIST = new Set(['/forecast']);

describe('one shape for every sales view and list (e2e)', () => {
  let t: SalesTestApp;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startSalesTestApp({}, { clock });
    const created = async (url: string, body: object, as: object = manager) => {
      const res = await t.request('POST', url, { as, body });
      expect([url, res.status]).toEqual([url, 201]);
      return res.body.id as string;
    };
    ids.pipeline = await created('/pipelines', CAR_PIPELINE);
    const car = await setUpCarCatalogue(t);
    ids.product = car.productId;
    ids.priceBook = car.priceBookId;
    ids.lead = await created('/leads', { source: 'manual', profile: { name: 'Ada' } });
    ids.opportunity = await created('/opportunities', {
      name: 'Roadster',
      pipelineId: ids.pipeline,
      amountMinor: 4_000_000,
      currency: 'EUR',
      expectedCloseDate: inDays(30),
    });
    ids.activity = await created('/activities', {
      kind: 'task',
      subject: 'Call back',
      dueAt: clock.now().toISOString(),
      opportunityId: ids.opportunity,
      assigneeId: 'boss',
    });
    ids.quote = await created('/quotes', {
      opportunityId: ids.opportunity,
      taxRateBps: 1900,
      validUntil: inDays(14),
    });
    await feedContacts(t, { contacts: [{ contactId: 'c-ada' }] });
    ids.order = await created('/orders', {
      contactId: 'c-ada',
      currency: 'EUR',
      priceBookId: ids.priceBook,
      taxRateBps: 1900,
      lines: [{ productId: ids.product, optionIds: ['paint-red', 'gear-auto'], quantity: 1 }],
    });
  });
  afterAll(() => t?.close());

  it.each([
    ['lead', '/leads/{lead}', '/leads', 'leadId'],
    ['pipeline', '/pipelines/{pipeline}', '/pipelines', 'pipelineId'],
    ['opportunity', '/opportunities/{opportunity}', '/opportunities', 'opportunityId'],
    ['activity', '/activities/{activity}', '/activities?opportunityId={opportunity}', 'activityId'],
    ['activity', '/activities/{activity}', '/activities/due?assigneeId=boss', 'activityId'],
    ['opportunity', '/opportunities/{opportunity}', '/opportunities/mine', 'opportunityId'],
    ['product', '/products/{product}', '/products', 'productId'],
    ['priceBook', '/price-books/{priceBook}', '/price-books', 'priceBookId'],
    ['quote', '/quotes/{quote}', '/quotes?opportunityId={opportunity}', 'quoteId'],
    ['order', '/orders/{order}', '/orders', 'orderId'],
  ])(
    'a %s reads as { id } at %s, and %s is { items, nextCursor } of them',
    async (record, one, list, ownId) => {
      const url = (template: string) => template.replace(/\{(\w+)\}/g, (_, name) => ids[name]);
      const as = { sub: 'boss', roles: ['sales-manager' as const] };
      const view = await t.request('GET', url(one), { as });
      expect(view.status).toBe(200);
      expect(view.body.id).toBe(ids[record]);
      expect(view.body).not.toHaveProperty(ownId);

      const page = await t.request('GET', url(list), { as });
      expect(page.status).toBe(200);
      expect(Object.keys(page.body).sort()).toEqual(['items', 'nextCursor']);
      const item = page.body.items.find((i: { id: string }) => i.id === ids[record]);
      expect(item).toBeDefined();
      expect(item).not.toHaveProperty(ownId);
    },
  );

  it('the board names the pipeline and its deals by id; other records keep their names', async () => {
    const board = (await t.request('GET', `/pipelines/${ids.pipeline}/board`, { as: manager }))
      .body;
    expect(board.id).toBe(ids.pipeline);
    expect(board).not.toHaveProperty('pipelineId');
    const deal = board.stages.flatMap((s: { deals: object[] }) => s.deals)[0];
    expect(deal).toMatchObject({ id: ids.opportunity });
    expect(deal).not.toHaveProperty('opportunityId');
    // An activity names the deal it belongs to as opportunityId: that is another record.
    const activity = (await t.request('GET', `/activities/${ids.activity}`, { as: manager })).body;
    expect(activity.opportunityId).toBe(ids.opportunity);
  });

  it('the OpenAPI document: no GET answers a bare array, no view names its own id twice', async () => {
    const doc = (await t.request('GET', '/docs-json')).body;
    const bareArrays = Object.entries(doc.paths as Record<string, any>)
      .filter(([path, item]) => item.get && !NOT_A_LIST.has(path))
      .filter(
        ([, item]) =>
          item.get.responses['200']?.content?.['application/json']?.schema?.type === 'array',
      )
      .map(([path]) => path);
    expect(bareArrays).toEqual([]);

    const schemas = doc.components.schemas as Record<string, { properties: object }>;
    for (const [schema, ownId] of Object.entries(OWN_ID_OF_SCHEMA)) {
      expect([schema, Object.keys(schemas[schema]?.properties ?? {})]).toEqual([
        schema,
        expect.arrayContaining(['id']),
      ]);
      expect([schema, Object.keys(schemas[schema].properties)]).toEqual([
        schema,
        expect.not.arrayContaining([ownId]),
      ]);
    }
    const pages = Object.keys(schemas).filter((name) => name.endsWith('Page'));
    expect(pages.length).toBeGreaterThanOrEqual(9);
    for (const page of pages) {
      expect([page, Object.keys(schemas[page].properties)]).toEqual([
        page,
        ['items', 'nextCursor'],
      ]);
    }
  });
});
