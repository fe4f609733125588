/**
 * An order placed through the API is priced from the price book (plus the chosen options) and
 * its discounts obey the caller's role limit, as on quotes; an order from an accepted quote keeps
 * the quote's prices. Through HTTP on real PostgreSQL.
 */
import { ManualClock } from '@crm/platform';
import { CAR_PIPELINE } from '../testing/fixtures';
import { setUpCarCatalogue } from '../testing/car-catalogue';
import { feedContacts } from '../testing/contacts-feed';
import { startSalesTestApp, type SalesTestApp } from '../testing/sales-test-app';

const rep = { sub: 'rep-1' };
const manager = { roles: ['sales-manager' as const], sub: 'boss' };
const clock = new ManualClock('2026-06-15T12:00:00Z');
// Base 3 000 000 + red paint 80 000 + automatic 200 000 (cpq/car.fixture).
const CONFIGURED_CAR_EUR = 3_280_000;

describe('order pricing (e2e)', () => {
  let t: SalesTestApp;
  let car: { productId: string; priceBookId: string };
  beforeAll(async () => {
    t = await startSalesTestApp({}, { clock });
    await feedContacts(t, { contacts: [{ contactId: 'c-ada' }] });
    car = await setUpCarCatalogue(t);
  });
  afterAll(() => t?.close());

  const order = (line: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
    contactId: 'c-ada',
    currency: 'EUR',
    priceBookId: car.priceBookId,
    taxRateBps: 1900,
    lines: [
      { productId: car.productId, optionIds: ['paint-red', 'gear-auto'], quantity: 1, ...line },
    ],
    ...extra,
  });

  it('refuses a rep 99 % off, with the code quotes answer', async () => {
    const res = await t.request('POST', '/orders', {
      as: rep,
      body: order({ discountBps: 9_900 }),
    });
    expect(res.status).toBe(403);
    expect(res.body.type).toMatch(/discount-above-role-limit/);
    const overall = await t.request('POST', '/orders', {
      as: rep,
      body: order({}, { discountBps: 9_900 }),
    });
    expect(overall.status).toBe(403);
  });

  it('places a rep order within the limit at the book price of the configuration', async () => {
    const res = await t.request('POST', '/orders', {
      as: rep,
      body: order({ discountBps: 1_000 }),
    });
    expect(res.status).toBe(201);
    expect(res.body.lines).toEqual([
      {
        lineId: '1',
        productId: car.productId,
        sku: 'RDST-2026',
        name: 'Roadster',
        options: expect.any(Array),
        quantity: 1,
        unitPriceMinor: CONFIGURED_CAR_EUR,
        discountBps: 1_000,
        grossMinor: CONFIGURED_CAR_EUR,
        discountMinor: 328_000,
        netMinor: CONFIGURED_CAR_EUR - 328_000,
      },
    ]);
    // The configuration sold: the chosen options and the group default (cloth trim).
    expect(res.body.lines[0].options.map((o: { optionId: string }) => o.optionId)).toEqual([
      'paint-red',
      'trim-cloth',
      'gear-auto',
    ]);
    expect(res.body.totals.subtotalMinor).toBe(CONFIGURED_CAR_EUR - 328_000);
  });

  it("allows a manager's higher limit that a rep does not have", async () => {
    const body = order({ discountBps: 2_500 });
    expect((await t.request('POST', '/orders', { as: rep, body })).status).toBe(403);
    expect((await t.request('POST', '/orders', { as: manager, body })).status).toBe(201);
    const beyond = await t.request('POST', '/orders', {
      as: manager,
      body: order({ discountBps: 2_501 }),
    });
    expect(beyond.status).toBe(403);
  });

  it('names the field of an unknown product and of an unknown price book (422)', async () => {
    const product = await t.request('POST', '/orders', {
      as: rep,
      body: order({ productId: 'no-such-product' }),
    });
    expect(product.status).toBe(422);
    expect(product.body).toMatchObject({
      errors: [expect.objectContaining({ field: 'lines[0].productId' })],
    });
    expect(product.body.type).toMatch(/unknown-product/);
    const book = await t.request('POST', '/orders', {
      as: rep,
      body: order({}, { priceBookId: 'no-such-book' }),
    });
    expect(book.status).toBe(422);
    expect(book.body).toMatchObject({
      errors: [expect.objectContaining({ field: 'priceBookId' })],
    });
  });

  it('does not take a price from the body', async () => {
    const res = await t.request('POST', '/orders', {
      as: rep,
      body: order({ unitPriceMinor: 1 }),
    });
    expect(res.status).toBe(400);
    const cheap = (await t.request('GET', '/contacts/c-ada/orders', { as: rep })).body;
    expect(
      cheap.items.flatMap((o: any) => o.lines).map((l: any) => l.unitPriceMinor),
    ).not.toContain(1);
  });

  it("keeps an accepted quote's prices and discounts on its order", async () => {
    const pipelineId = (await t.request('POST', '/pipelines', { as: manager, body: CAR_PIPELINE }))
      .body.id;
    const opportunityId = (
      await t.request('POST', '/opportunities', {
        as: rep,
        body: {
          name: 'Roadster for Ada',
          pipelineId,
          contactId: 'c-ada',
          amountMinor: CONFIGURED_CAR_EUR,
          currency: 'EUR',
          expectedCloseDate: '2026-07-31',
        },
      })
    ).body.id;
    const quoteId = (
      await t.request('POST', '/quotes', {
        as: rep,
        body: { opportunityId, taxRateBps: 1900, validUntil: '2026-06-30' },
      })
    ).body.id;
    await t.request('POST', `/quotes/${quoteId}/lines`, {
      as: manager,
      body: {
        productId: car.productId,
        priceBookId: car.priceBookId,
        optionIds: ['paint-red', 'gear-auto'],
        quantity: 2,
        discountBps: 2_000,
      },
    });
    const quote = (await t.request('POST', `/quotes/${quoteId}/send`, { as: rep })).body;
    const accepted = await t.request('POST', `/quotes/${quoteId}/accept`, { as: rep });
    expect(accepted.status).toBe(200);
    const placed = (await t.request('GET', `/orders/${accepted.body.orderId}`, { as: rep })).body;
    expect(placed).toMatchObject({ source: 'quote', quoteId, totals: quote.totals });
    expect(placed.lines).toEqual([
      expect.objectContaining({
        unitPriceMinor: CONFIGURED_CAR_EUR,
        quantity: 2,
        discountBps: 2_000,
        options: quote.lines[0].options,
      }),
    ]);
  });
});
