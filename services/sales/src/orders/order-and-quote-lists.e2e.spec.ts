/**
 * Issue 12: `GET /quotes` (by deal, contact) and `GET /orders` (by contact, company, deal) list
 * newest first in signed keyset pages, per tenant, for the sales readers only.
 */
import { ManualClock } from '@crm/platform';
import { CAR_PIPELINE } from '../testing/fixtures';
import { setUpCarCatalogue } from '../testing/car-catalogue';
import { feedContacts } from '../testing/contacts-feed';
import { startSalesTestApp, type SalesTestApp } from '../testing/sales-test-app';

const rep = { sub: 'rep-1' };
const manager = { roles: ['sales-manager' as const], sub: 'boss' };
const clock = new ManualClock('2026-06-15T12:00:00Z');

describe('GET /quotes and GET /orders (e2e)', () => {
  let t: SalesTestApp;
  const quotes: string[] = [];
  const orders: string[] = [];
  let ada: string;
  let bob: string;
  const ids = async (url: string, as: object = rep): Promise<string[]> => {
    const res = await t.request('GET', url, { as });
    expect(res.status).toBe(200);
    return res.body.items.map((item: { id: string }) => item.id);
  };
  /** Walks every page at limit 1, checking a tampered cursor is a 400 naming cursor. */
  const allPages = async (path: string): Promise<string[]> => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.request('GET', `${path}?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((item: { id: string }) => item.id));
      cursor = res.body.nextCursor;
      if (cursor) {
        const bad = await t.request('GET', `${path}?cursor=x${cursor}`);
        expect(bad.status).toBe(400);
        expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
      }
    } while (cursor);
    return seen;
  };

  beforeAll(async () => {
    t = await startSalesTestApp({}, { clock });
    await feedContacts(t, {
      companies: [{ companyId: 'k-1' }],
      contacts: [{ contactId: 'c-ada' }, { contactId: 'c-bob' }],
    });
    const car = await setUpCarCatalogue(t);
    // The car needs a paint and a gearbox chosen (cpq/car.fixture).
    const configured = { optionIds: ['paint-red', 'gear-auto'], quantity: 1 };
    const pipelineId = (await t.request('POST', '/pipelines', { as: manager, body: CAR_PIPELINE }))
      .body.id;
    const deal = async (contactId: string) =>
      (
        await t.request('POST', '/opportunities', {
          as: rep,
          body: {
            name: `Roadster for ${contactId}`,
            pipelineId,
            contactId,
            amountMinor: 3_000_000,
            currency: 'EUR',
            expectedCloseDate: '2026-07-31',
          },
        })
      ).body.id as string;
    ada = await deal('c-ada');
    bob = await deal('c-bob');
    for (const opportunityId of [ada, ada, bob]) {
      const res = await t.request('POST', '/quotes', {
        as: rep,
        body: { opportunityId, taxRateBps: 1900, validUntil: '2026-06-30' },
      });
      expect(res.status).toBe(201);
      quotes.push(res.body.id);
    }
    // The first quote is accepted: its order carries the deal.
    await t.request('POST', `/quotes/${quotes[0]}/lines`, {
      as: rep,
      body: { productId: car.productId, priceBookId: car.priceBookId, ...configured },
    });
    expect((await t.request('POST', `/quotes/${quotes[0]}/send`, { as: rep })).status).toBe(200);
    const accepted = await t.request('POST', `/quotes/${quotes[0]}/accept`, { as: rep });
    expect(accepted.status).toBe(200);
    orders.push(accepted.body.orderId);
    // Orders are placed at the app's clock: a minute apart, newest first is their reverse.
    for (const who of [
      { contactId: 'c-ada', companyId: 'k-1' },
      { contactId: 'c-bob', companyId: 'k-1' },
    ]) {
      clock.advance(60_000);
      const res = await t.request('POST', '/orders', {
        as: rep,
        body: {
          ...who,
          currency: 'EUR',
          priceBookId: car.priceBookId,
          taxRateBps: 1900,
          lines: [{ productId: car.productId, ...configured }],
        },
      });
      expect(res.status).toBe(201);
      orders.push(res.body.id);
    }
  });
  afterAll(() => t?.close());

  it('GET /quotes narrows by deal and contact, newest first, items as GET /quotes/{id}', async () => {
    expect(await ids(`/quotes?opportunityId=${ada}`)).toEqual([quotes[1], quotes[0]]);
    expect(await ids('/quotes?contactId=c-bob')).toEqual([quotes[2]]);
    expect(await ids(`/quotes?opportunityId=${bob}&contactId=c-ada`)).toEqual([]);
    expect(await ids('/quotes?opportunityId=nope')).toEqual([]);
    const [first] = (await t.request('GET', '/quotes', { as: rep })).body.items;
    expect((await t.request('GET', `/quotes/${first.id}`, { as: rep })).body).toEqual(first);
  });

  it('GET /orders narrows by contact, company and deal, newest first', async () => {
    expect(await ids('/orders?contactId=c-ada')).toEqual([orders[1], orders[0]]);
    expect(await ids('/orders?companyId=k-1')).toEqual([orders[2], orders[1]]);
    expect(await ids(`/orders?opportunityId=${ada}`)).toEqual([orders[0]]);
    expect(await ids(`/orders?opportunityId=${bob}`)).toEqual([]);
    expect(await ids('/orders?contactId=c-bob&companyId=k-9')).toEqual([]);
  });

  it('pages through every quote and order exactly once', async () => {
    expect(await allPages('/quotes')).toEqual([...quotes].reverse());
    expect(await allPages('/orders')).toEqual([...orders].reverse());
  });

  it("tenant B sees none of tenant A's; a customer token is refused", async () => {
    for (const path of ['/quotes', '/orders']) {
      expect(await ids(path, { ...rep, tenant: 'tenant-a' })).toHaveLength(3);
      expect(await ids(path, { ...rep, tenant: 'tenant-b' })).toEqual([]);
      const customer = await t.request('GET', path, { as: { roles: ['customer'], sub: 'cust' } });
      expect(customer.status).toBe(403);
    }
  });
});
