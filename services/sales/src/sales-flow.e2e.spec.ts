/**
 * The sales story end to end through HTTP on real PostgreSQL: lead -> score -> convert ->
 * opportunity through its stages -> quote with a configured car -> accepted -> order placed ->
 * the contact's purchase history and the won deal.
 */
import { ManualClock } from '@crm/platform';
import { QuoteExpiry } from './quotes/quote-expiry';
import { CAR_PIPELINE } from './testing/fixtures';
import { setUpCarCatalogue } from './testing/car-catalogue';
import { setUpPricedProduct } from './testing/priced-product';
import { eventually } from '@crm/testing';
import { feedContacts } from './testing/contacts-feed';
import { startSalesTestApp, type SalesTestApp } from './testing/sales-test-app';

const rep = { sub: 'rep-1' };
const manager = { roles: ['sales-manager' as const], sub: 'boss' };
// Dates are relative to the app's clock, pinned at noon so `inDays(0)` is today all test long.
const clock = new ManualClock('2026-06-15T12:00:00Z');
const inDays = (n: number) =>
  new Date(clock.now().getTime() + n * 86_400_000).toISOString().slice(0, 10);

describe('sales flow (e2e)', () => {
  let t: SalesTestApp;
  beforeAll(async () => {
    t = await startSalesTestApp({}, { clock });
    await feedContacts(t, { contacts: [{ contactId: 'c-shop' }, { contactId: 'c-exp' }] });
  });
  afterAll(() => t?.close());

  it('takes a lead all the way to a placed order', async () => {
    const pipelineId = (await t.request('POST', '/pipelines', { as: manager, body: CAR_PIPELINE }))
      .body.id;
    const { productId, priceBookId } = await setUpCarCatalogue(t);

    // Lead: captured from the web form, engaged, worked, qualified.
    const leadId = (
      await t.request('POST', '/leads', {
        as: rep,
        body: {
          source: 'web_form',
          campaignId: 'spring',
          profile: {
            name: 'Ada Lovelace',
            email: 'ada@example.com',
            phone: '+4915112345678',
            company: 'Engines Ltd',
            interest: 'Roadster',
          },
        },
      })
    ).body.id;
    await t.request('POST', `/leads/${leadId}/engagements`, {
      as: rep,
      body: { kind: 'campaign-click', campaignId: 'spring' },
    });
    await t.request('POST', `/leads/${leadId}/engagements`, {
      as: rep,
      body: { kind: 'interaction' },
    });
    const scored = (await t.request('GET', `/leads/${leadId}`, { as: rep })).body;
    expect(scored.score).toBe(10 + 10 + 10 + 5 + 10 + 5 + 3);
    expect(scored.reasons.find((r: any) => r.rule === 'engagement.campaign-clicks')).toMatchObject({
      points: 3,
    });
    expect(
      (
        await t.request('POST', `/leads/${leadId}/convert`, {
          as: rep,
          body: {
            opportunity: {
              pipelineId,
              amountMinor: 3_000_000,
              currency: 'EUR',
              expectedCloseDate: inDays(30),
            },
          },
        })
      ).status,
    ).toBe(409);
    await t.request('POST', `/leads/${leadId}/work`, { as: rep, body: {} });
    await t.request('POST', `/leads/${leadId}/qualify`, { as: rep });

    // Conversion: contact + company + opportunity; converting again is a clear 409.
    const conversion = await t.request('POST', `/leads/${leadId}/convert`, {
      as: rep,
      body: {
        opportunity: {
          pipelineId,
          amountMinor: 3_000_000,
          currency: 'EUR',
          expectedCloseDate: inDays(30),
        },
      },
    });
    expect(conversion.status).toBe(200);
    const { contactId, companyId, opportunityId } = conversion.body;
    // No CONTACTS_URL here: the ids are minted, nothing is created in a contacts service.
    expect(conversion.body).toMatchObject({
      contactCreated: false,
      companyId: expect.any(String),
      companyCreated: false,
    });
    const again = await t.request('POST', `/leads/${leadId}/convert`, {
      as: rep,
      body: {
        opportunity: { pipelineId, amountMinor: 1, currency: 'EUR', expectedCloseDate: inDays(30) },
      },
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      type: expect.stringMatching(/lead-already-converted/),
      opportunityId,
    });

    const deal = (await t.request('GET', `/opportunities/${opportunityId}`, { as: rep })).body;
    expect(deal).toMatchObject({
      name: 'Ada Lovelace - Roadster',
      stageId: 'prospect',
      contactId,
      companyId,
      ownerId: 'rep-1',
    });

    // A sales call, then the deal moves through its stages.
    const call = await t.request('POST', '/activities', {
      as: rep,
      body: {
        kind: 'call',
        subject: 'Discovery',
        contactId,
        opportunityId,
        phone: '+4915112345678',
        heldAt: clock.now().toISOString(),
        outcome: 'connected',
      },
    });
    expect(call.status).toBe(201);
    await t.request('POST', `/opportunities/${opportunityId}/stage`, {
      as: rep,
      body: { stageId: 'demo' },
    });
    await t.request('POST', `/opportunities/${opportunityId}/stage`, {
      as: rep,
      body: { stageId: 'negotiation' },
    });

    // CPQ: the configurator reports every broken rule, and prices a valid choice.
    const broken = await t.request('POST', '/configurations/validate', {
      as: rep,
      body: {
        productId,
        priceBookId,
        currency: 'EUR',
        optionIds: ['sport-pack', 'tow-hitch', 'trim-leather'],
      },
    });
    expect(broken.status).toBe(200);
    expect(broken.body.valid).toBe(false);
    expect(broken.body.violations.map((v: any) => v.code)).toEqual(['Requires', 'Excludes']);
    const refused = await t.request('POST', '/configurations/price', {
      as: rep,
      body: { productId, priceBookId, currency: 'EUR', optionIds: ['sport-pack'] },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.violations.length).toBeGreaterThan(0);
    const priced = await t.request('POST', '/configurations/price', {
      as: rep,
      body: { productId, priceBookId, currency: 'EUR', optionIds: ['paint-red', 'gear-auto'] },
    });
    expect(priced.body.unitPriceMinor).toBe(3_280_000);

    // Quote: a configured car, a discount within the rep's limit, 19 % tax.
    const quoteId = (
      await t.request('POST', '/quotes', {
        as: rep,
        body: { opportunityId, taxRateBps: 1900, validUntil: inDays(14) },
      })
    ).body.id;
    const tooMuch = await t.request('POST', `/quotes/${quoteId}/lines`, {
      as: rep,
      body: {
        productId,
        priceBookId,
        optionIds: ['paint-red', 'gear-auto'],
        quantity: 1,
        discountBps: 1500,
      },
    });
    expect(tooMuch.status).toBe(403);
    expect(tooMuch.body).toMatchObject({
      type: expect.stringMatching(/discount-above-role-limit/),
      limitBps: 1000,
    });
    const badConfig = await t.request('POST', `/quotes/${quoteId}/lines`, {
      as: rep,
      body: { productId, priceBookId, optionIds: ['paint-red', 'paint-black'], quantity: 1 },
    });
    expect(badConfig.status).toBe(422);
    const line = await t.request('POST', `/quotes/${quoteId}/lines`, {
      as: rep,
      body: {
        productId,
        priceBookId,
        optionIds: ['paint-red', 'gear-auto'],
        quantity: 1,
        discountBps: 500,
      },
    });
    expect(line.status).toBe(200);
    await t.request('PUT', `/quotes/${quoteId}/discount`, {
      as: manager,
      body: { discountBps: 2000 },
    });
    const quote = (await t.request('GET', `/quotes/${quoteId}`, { as: rep })).body;
    // 3 280 000 - 5 % = 3 116 000; - 20 % = 2 492 800; + 19 % tax = 473 632 -> 2 966 432
    expect(quote.totals).toEqual({
      subtotalMinor: 3_116_000,
      discountMinor: 623_200,
      taxMinor: 473_632,
      totalMinor: 2_966_432,
    });
    expect(quote.lines[0].options.map((o: any) => o.optionId)).toEqual([
      'paint-red',
      'trim-cloth',
      'gear-auto',
    ]);

    const send = await t.request('POST', `/quotes/${quoteId}/send`, {
      as: rep,
      headers: { 'if-match': `"${quote.version}"` },
    });
    expect(send.status).toBe(200);
    expect(
      (
        await t.request('PUT', `/quotes/${quoteId}/discount`, {
          as: manager,
          body: { discountBps: 0 },
        })
      ).status,
    ).toBe(409);

    // Accepted: the order is placed and the deal won; accepting again changes nothing.
    const acceptance = await t.request('POST', `/quotes/${quoteId}/accept`, { as: rep });
    expect(acceptance.status).toBe(200);
    const { orderId } = acceptance.body;
    const retry = await t.request('POST', `/quotes/${quoteId}/accept`, { as: rep });
    expect(retry.body.orderId).toBe(orderId);

    const order = (await t.request('GET', `/orders/${orderId}`, { as: rep })).body;
    expect(order).toMatchObject({
      source: 'quote',
      status: 'placed',
      contactId,
      companyId,
      quoteId,
      opportunityId,
      currency: 'EUR',
    });
    expect(order.totals.totalMinor).toBe(2_966_432);
    const history = (await t.request('GET', `/contacts/${contactId}/orders`, { as: rep })).body;
    expect(history.items.map((o: any) => o.id)).toEqual([orderId]);

    const won = (await t.request('GET', `/opportunities/${opportunityId}`, { as: rep })).body;
    expect(won).toMatchObject({
      status: 'won',
      orderId,
      amountMinor: 2_492_800,
      probability: 100,
      forecastCategory: 'closed',
    });
    expect(won.stageHistory.map((s: any) => s.stageId)).toEqual([
      'prospect',
      'demo',
      'negotiation',
      'won',
    ]);

    // Another tenant sees none of it, and cannot act on it.
    const stranger = { tenant: 'tenant-b', sub: 'rep-1', roles: ['admin' as const] };
    for (const url of [
      `/leads/${leadId}`,
      `/opportunities/${opportunityId}`,
      `/quotes/${quoteId}`,
      `/orders/${orderId}`,
      `/products/${productId}`,
      `/price-books/${priceBookId}`,
      `/pipelines/${pipelineId}/board`,
    ]) {
      // The owner's tenant reads each one, so the stranger's 404 is about the tenant.
      expect([url, (await t.request('GET', url, { as: rep })).status]).toEqual([url, 200]);
      expect([url, (await t.request('GET', url, { as: stranger })).status]).toEqual([url, 404]);
    }
    const ordersOf = (as: object) => t.request('GET', `/contacts/${contactId}/orders`, { as });
    expect((await ordersOf(rep)).body.items.map((o: { id: string }) => o.id)).toContain(orderId);
    expect((await ordersOf(stranger)).body.items).toEqual([]);
    const leadsOf = async (as: object) =>
      (await t.request('GET', '/leads', { as })).body.items.map((l: { id: string }) => l.id);
    expect(await leadsOf(rep)).toContain(leadId);
    expect(await leadsOf(stranger)).toEqual([]);
    expect(
      (
        await t.request('POST', `/orders/${orderId}/cancel`, {
          as: stranger,
          body: { reason: 'x' },
        })
      ).status,
    ).toBe(404);
    expect((await t.request('POST', `/quotes/${quoteId}/accept`, { as: stranger })).status).toBe(
      404,
    );

    // The order then lives its own life.
    expect(
      (await t.request('POST', `/orders/${orderId}/return`, { as: rep, body: { reason: 'x' } }))
        .status,
    ).toBe(409);
    expect((await t.request('POST', `/orders/${orderId}/fulfil`, { as: rep })).status).toBe(200);
    expect(
      (
        await t.request('POST', `/orders/${orderId}/return`, {
          as: rep,
          body: { reason: 'wrong colour' },
        })
      ).status,
    ).toBe(200);
    expect((await t.request('GET', `/orders/${orderId}`, { as: rep })).body.status).toBe(
      'returned',
    );
  });

  it('takes orders directly from e-commerce, priced from the book, and computes their totals', async () => {
    const integrator = { roles: ['integrator' as const], sub: 'shop' };
    const mats = await setUpPricedProduct(t, {
      sku: 'MAT-1',
      name: 'Floor mats',
      amountMinor: 3_333,
    });
    const res = await t.request('POST', '/orders', {
      as: integrator,
      body: {
        contactId: 'c-shop',
        currency: 'EUR',
        priceBookId: mats.priceBookId,
        taxRateBps: 1900,
        lines: [{ productId: mats.productId, quantity: 3 }],
      },
    });
    expect(res.status).toBe(201);
    const order = (await t.request('GET', `/orders/${res.body.id}`, { as: integrator })).body;
    expect(order.totals).toEqual({
      subtotalMinor: 9_999,
      discountMinor: 0,
      taxMinor: 1_900,
      totalMinor: 11_899,
    });
    const noCustomer = await t.request('POST', '/orders', {
      as: integrator,
      body: {
        currency: 'EUR',
        priceBookId: mats.priceBookId,
        taxRateBps: 0,
        lines: [{ productId: mats.productId, quantity: 1 }],
      },
    });
    expect(noCustomer.status).toBe(422);
  });

  it('lists price books with their products', async () => {
    const books = (await t.request('GET', '/price-books', { as: rep })).body;
    const listing = (await t.request('GET', `/price-books/${books.items[0].id}`, { as: rep })).body;
    expect(listing.entries).toEqual([
      {
        productId: expect.any(String),
        sku: 'RDST-2026',
        name: 'Roadster',
        family: 'Cars',
        active: true,
        currency: 'EUR',
        amountMinor: 3_000_000,
      },
    ]);
    const dup = await t.request('POST', '/products', {
      as: manager,
      body: { sku: 'rdst-2026', name: 'Copy' },
    });
    expect(dup.status).toBe(409);
  });

  it('expires sent quotes after their validity date; an expired quote cannot be accepted', async () => {
    const pipelineId = (await t.request('POST', '/pipelines', { as: manager, body: CAR_PIPELINE }))
      .body.id;
    const { productId, priceBookId } = await setUpCarCatalogue(t, 'RDST-EXPIRY');
    const opportunityId = (
      await t.request('POST', '/opportunities', {
        as: rep,
        body: {
          name: 'Short offer',
          pipelineId,
          contactId: 'c-exp',
          amountMinor: 1,
          currency: 'EUR',
          expectedCloseDate: inDays(5),
        },
      })
    ).body.id;
    const quoteId = (
      await t.request('POST', '/quotes', {
        as: rep,
        body: { opportunityId, taxRateBps: 0, validUntil: inDays(0) },
      })
    ).body.id;
    await t.request('POST', `/quotes/${quoteId}/lines`, {
      as: rep,
      body: { productId, priceBookId, optionIds: [], quantity: 1 },
    });
    expect((await t.request('POST', `/quotes/${quoteId}/send`, { as: rep })).status).toBe(200);

    const expiry = t.app.get(QuoteExpiry);
    expect(await expiry.runOnce()).toBe(0); // still valid today (the app's clock)
    clock.advance(86_400_000);
    const [a, b] = await Promise.all([expiry.runOnce(), expiry.runOnce()]);
    expect(a + b).toBe(1);
    await eventually(async () =>
      expect((await t.request('GET', `/quotes/${quoteId}`, { as: rep })).body.status).toBe(
        'expired',
      ),
    );
    const accept = await t.request('POST', `/quotes/${quoteId}/accept`, { as: rep });
    expect(accept.status).toBe(409);
    expect(accept.headers['content-type']).toMatch(/problem\+json/);
    expect(
      (await t.request('GET', `/opportunities/${opportunityId}`, { as: rep })).body.status,
    ).toBe('open');
  });

  it('gives a SKU to exactly one product, even when creations race', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        t.request('POST', '/products', {
          as: manager,
          body: { sku: 'RACE-1', name: `Racer ${i}` },
        }),
      ),
    );
    expect(attempts.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(attempts.find((r) => r.status === 409)!.body).toMatchObject({
      type: expect.stringMatching(/sku-taken/),
      errors: [expect.objectContaining({ field: 'sku' })],
    });
    const products = (await t.request('GET', '/products', { as: rep })).body.items.filter(
      (p: any) => p.sku === 'RACE-1',
    );
    expect(products).toHaveLength(1);
  });
});
