/**
 * The one answer shape of a command, per sales resource: the resource exactly as the next GET
 * shows it (`id` and `version` included), `ETag: "<version>"`, and on create 201 with Location.
 */
import { ManualClock } from '@crm/platform';
import { CAR_BASE_PRICE_EUR, carModel } from './cpq/car.fixture';
import { CAR_PIPELINE } from './testing/fixtures';
import { setUpPricedProduct } from './testing/priced-product';
import { feedContacts } from './testing/contacts-feed';
import { startSalesTestApp, type HttpResult, type SalesTestApp } from './testing/sales-test-app';

const manager = { roles: ['sales-manager' as const], sub: 'boss' };
// The app's clock is pinned before every date below: the activity stays "upcoming" and the quote
// valid, so the command's answer and the next GET agree on every derived field, on any day.
const clock = new ManualClock('2031-05-01T08:00:00.000Z');

type Method = 'POST' | 'PUT' | 'PATCH';
interface Command {
  readonly method: Method;
  /** `:id` is replaced by the resource's id. */
  readonly path: string;
  readonly body: unknown;
}
interface Case {
  readonly resource: string;
  /** Collection URL, e.g. `/leads`; the resource lives at `${collection}/${id}`. */
  readonly collection: string;
  create(ids: Record<string, string>): unknown;
  /** A command on the created resource, sent with If-Match. */
  readonly change: Command;
}

// In order: later resources need the ids of earlier ones.
const CASES: readonly Case[] = [
  {
    resource: 'pipeline',
    collection: '/pipelines',
    create: () => CAR_PIPELINE,
    change: { method: 'PUT', path: '/pipelines/:id/name', body: { name: 'Used cars' } },
  },
  {
    resource: 'product',
    collection: '/products',
    create: () => ({ sku: 'RDST-2026', name: 'Roadster', family: 'Cars' }),
    change: { method: 'PUT', path: '/products/:id/options', body: carModel },
  },
  {
    resource: 'priceBook',
    collection: '/price-books',
    create: () => ({ name: 'Standard', isStandard: true }),
    change: {
      method: 'PUT',
      path: '/price-books/:id/prices/{product}/EUR',
      body: { amountMinor: CAR_BASE_PRICE_EUR },
    },
  },
  {
    resource: 'lead',
    collection: '/leads',
    create: () => ({ source: 'web_form', profile: { name: 'Ada Lovelace', company: 'Engines' } }),
    change: { method: 'POST', path: '/leads/:id/work', body: {} },
  },
  {
    resource: 'opportunity',
    collection: '/opportunities',
    create: (ids) => ({
      name: 'Roadster for Ada',
      pipelineId: ids.pipeline,
      contactId: 'c-ada',
      amountMinor: 4_200_000,
      currency: 'EUR',
      expectedCloseDate: '2031-07-31',
    }),
    change: { method: 'POST', path: '/opportunities/:id/stage', body: { stageId: 'demo' } },
  },
  {
    resource: 'activity',
    collection: '/activities',
    create: (ids) => ({
      kind: 'task',
      subject: 'Send the brochure',
      opportunityId: ids.opportunity,
      dueAt: '2031-06-16T09:00:00.000Z',
    }),
    change: {
      method: 'POST',
      path: '/activities/:id/reschedule',
      body: { dueAt: '2031-06-17T15:00:00.000Z' },
    },
  },
  {
    resource: 'quote',
    collection: '/quotes',
    create: (ids) => ({
      opportunityId: ids.opportunity,
      taxRateBps: 1900,
      validUntil: '2031-07-15',
    }),
    change: {
      method: 'POST',
      path: '/quotes/:id/lines',
      body: { productId: '{product}', priceBookId: '{priceBook}', optionIds: [], quantity: 1 },
    },
  },
  {
    resource: 'order',
    collection: '/orders',
    create: (ids) => ({
      contactId: 'c-shop',
      currency: 'EUR',
      priceBookId: ids.matsPriceBook,
      taxRateBps: 1900,
      lines: [{ productId: ids.mats, quantity: 2 }],
    }),
    change: { method: 'POST', path: '/orders/:id/fulfil', body: {} },
  },
];

describe('command answers (e2e)', () => {
  let t: SalesTestApp;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await startSalesTestApp({}, { clock });
    await feedContacts(t, { contacts: [{ contactId: 'c-ada' }, { contactId: 'c-shop' }] });
    // Priced before any case runs: the cases' own price is only set by their change step.
    const mats = await setUpPricedProduct(t, { sku: 'MAT-1', name: 'Mats', amountMinor: 4_900 });
    Object.assign(ids, { mats: mats.productId, matsPriceBook: mats.priceBookId });
  });
  afterAll(() => t?.close());

  /** `{name}` placeholders -> ids of resources created earlier. */
  const withIds = <T>(value: T): T =>
    JSON.parse(JSON.stringify(value).replace(/\{(\w+)\}/g, (_, name: string) => ids[name]));

  async function expectAnswerEqualsNextGet(answer: HttpResult, url: string): Promise<void> {
    const next = await t.request('GET', url, { as: manager });
    expect(next.status).toBe(200);
    expect(answer.body).toEqual(next.body);
    expect(answer.headers.etag).toBe(`"${answer.body.version}"`);
    expect(answer.headers.etag).toBe(next.headers.etag);
  }

  it.each(CASES)(
    '$resource: the create answers 201, Location, ETag and the resource',
    async (c) => {
      const created = await t.request('POST', c.collection, { as: manager, body: c.create(ids) });
      expect(created.status).toBe(201);
      const { id } = created.body;
      expect(created.headers.location).toBe(`${c.collection}/${id}`);
      await expectAnswerEqualsNextGet(created, `${c.collection}/${id}`);
      ids[c.resource] = id;
    },
  );

  it.each(CASES)('$resource: a command answers ETag and the resource', async (c) => {
    const url = `${c.collection}/${ids[c.resource]}`;
    const before = await t.request('GET', url, { as: manager });
    const changed = await t.request(
      c.change.method,
      withIds(c.change.path).replace(':id', ids[c.resource]),
      {
        as: manager,
        body: withIds(c.change.body),
        headers: { 'if-match': before.headers.etag as string },
      },
    );
    expect(changed.status).toBe(200);
    expect(changed.body.id).toBe(ids[c.resource]);
    expect(changed.body.version).toBeGreaterThan(before.body.version);
    await expectAnswerEqualsNextGet(changed, url);
  });

  it('a stale If-Match is 412 and a malformed one 400, before anything is written', async () => {
    const url = `/leads/${ids.lead}`;
    const stale = await t.request('POST', `${url}/qualify`, {
      as: manager,
      headers: { 'if-match': '"1"' },
    });
    expect(stale.status).toBe(412);
    const malformed = await t.request('POST', `${url}/qualify`, {
      as: manager,
      headers: { 'if-match': 'seven' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.type).toBe('/problems/invalid-if-match');
  });
});
