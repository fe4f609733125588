/**
 * Issue 12: customers configure for themselves. A `customer` token (subject = their contact id)
 * lists the active products of the standard price book with their options, checks and prices a
 * configuration, and sends it as a quote request that lands as a lead owned by the customer's
 * owner; every other sales route stays closed to it (shared/roles.e2e.spec.ts).
 */
import { ManualClock } from '@crm/platform';
import { Client } from 'pg';
import { setUpCarCatalogue } from '../testing/car-catalogue';
import { feedContacts } from '../testing/contacts-feed';
import { setUpPricedProduct } from '../testing/priced-product';
import { startSalesTestApp, type SalesTestApp } from '../testing/sales-test-app';

const clock = new ManualClock('2026-06-15T12:00:00Z');
const manager = { roles: ['sales-manager' as const], sub: 'boss' };
const ada = { roles: ['customer' as const], sub: 'c-ada' };
const owner = { sub: 'rep-7' };
const configured = { currency: 'EUR', optionIds: ['paint-red', 'gear-auto'] };

describe('customer configurator (e2e)', () => {
  let t: SalesTestApp;
  let db: Client;
  let car: { productId: string; priceBookId: string };
  const leadEvents = async () =>
    (
      await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM sales.events WHERE stream_id LIKE 'lead-%'`,
      )
    ).rows[0].n;

  beforeAll(async () => {
    t = await startSalesTestApp({ SALES_REFERENCE_WAIT_MS: '300' }, { clock });
    db = new Client({ connectionString: t.db.url });
    await db.connect();
    car = await setUpCarCatalogue(t);
    // Priced in a book of its own, not the standard one: not on sale to customers.
    await setUpPricedProduct(t, { sku: 'MAT-1', name: 'Mats', amountMinor: 4_900 });
    // In the standard book but no longer sold.
    const retired = await t.request('POST', '/products', {
      as: manager,
      body: { sku: 'OLD-1', name: 'Old coupe' },
    });
    await t.request('PUT', `/price-books/${car.priceBookId}/prices/${retired.body.id}/EUR`, {
      as: manager,
      body: { amountMinor: 1_000_000 },
    });
    expect(
      (await t.request('POST', `/products/${retired.body.id}/deactivate`, { as: manager })).status,
    ).toBe(200);
    await feedContacts(t, {
      contacts: [{ contactId: 'c-ada', displayName: 'Ada Lovelace', ownerId: 'rep-7' }],
    });
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  it('lists only active products of the standard price book, with options and list prices', async () => {
    const res = await t.request('GET', '/me/products', { as: ada });
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.items.map((p: { name: string }) => p.name)).toEqual(['Roadster']);
    const [roadster] = res.body.items;
    const asEmployee = (await t.request('GET', `/products/${car.productId}`, { as: manager })).body;
    expect(roadster).toMatchObject({ id: car.productId, options: asEmployee.options });
    const listing = (await t.request('GET', `/price-books/${car.priceBookId}`, { as: manager }))
      .body;
    const carPrice = listing.entries.find(
      (e: { productId: string }) => e.productId === car.productId,
    );
    expect(roadster.listPrices).toEqual([{ currency: 'EUR', amountMinor: carPrice.amountMinor }]);
  });

  it('prices a configuration as the sellers see it, and says what is wrong with a broken one', async () => {
    const body = { productId: car.productId, ...configured };
    const mine = await t.request('POST', '/me/configurations/price', { as: ada, body });
    expect(mine.status).toBe(200);
    const sellers = await t.request('POST', '/configurations/price', {
      as: manager,
      body: { ...body, priceBookId: car.priceBookId },
    });
    expect(mine.body).toEqual(sellers.body);
    expect(mine.body.valid).toBe(true);

    const broken = await t.request('POST', '/me/configurations/price', {
      as: ada,
      body: { productId: car.productId, currency: 'EUR', optionIds: ['paint-red', 'paint-black'] },
    });
    expect(broken.status).toBe(200);
    expect(broken.body.valid).toBe(false);
    expect(broken.body.violations.length).toBeGreaterThan(0);
  });

  it("sends a quote request that reaches the customer's owner as a lead", async () => {
    const res = await t.request('POST', '/me/quote-requests', {
      as: ada,
      body: { productId: car.productId, ...configured },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'received', configuration: { valid: true } });
    const lead = await t.request('GET', `/leads/${res.body.id}`, { as: owner });
    expect(lead.status).toBe(200);
    expect(lead.body).toMatchObject({
      name: 'Ada Lovelace',
      source: 'web_form',
      ownerId: 'rep-7',
      profile: { interest: expect.stringContaining('Roadster') },
    });
    for (const { name } of res.body.configuration.selections)
      expect(lead.body.profile.interest).toContain(name);
    const owners = (await t.request('GET', '/leads?ownerId=rep-7', { as: owner })).body.items;
    expect(owners.map((l: { id: string }) => l.id)).toContain(res.body.id);
  });

  it.each<[string, { optionIds?: string[]; productId?: string }, string]>([
    [
      'a broken configuration',
      { optionIds: ['paint-red', 'paint-black'] },
      'configuration-rule-broken',
    ],
    ['a retired product', { productId: 'retired' }, 'unknown-product'],
    ['a product only in another book', { productId: 'mats' }, 'unknown-product'],
  ])('refuses %s with a 422 and records nothing', async (_, change, type) => {
    const products = (await t.request('GET', '/products', { as: manager })).body.items;
    const idOf = (sku: string) => products.find((p: { sku: string }) => p.sku === sku).id;
    const productId =
      change.productId === 'retired'
        ? idOf('OLD-1')
        : change.productId === 'mats'
          ? idOf('MAT-1')
          : car.productId;
    const before = await leadEvents();
    const res = await t.request('POST', '/me/quote-requests', {
      as: ada,
      body: { ...configured, ...change, productId },
    });
    expect([res.status, res.body.type]).toEqual([422, expect.stringMatching(new RegExp(type))]);
    expect(await leadEvents()).toBe(before);
  });

  it('a customer sales does not know, or of another tenant, gets nothing', async () => {
    const stranger = await t.request('POST', '/me/quote-requests', {
      as: { roles: ['customer'], sub: 'c-nobody' },
      body: { productId: car.productId, ...configured },
    });
    expect(stranger.status).toBe(422);
    const elsewhere = await t.request('GET', '/me/products', {
      as: { roles: ['customer'], sub: 'c-ada', tenant: 'tenant-b' },
    });
    expect([elsewhere.status, elsewhere.body.type]).toEqual([
      409,
      expect.stringMatching(/no-standard-price-book/),
    ]);
  });

  it('employees are not customers: the touchpoint refuses a seller token', async () => {
    expect((await t.request('GET', '/me/products', { as: manager })).status).toBe(403);
  });
});
