/**
 * Cancelling an order undoes the sale: the deal it was won with becomes lost, so the forecast
 * and the board stop counting it; a rep can reopen it. Through HTTP on real PostgreSQL.
 */
import { ManualClock } from '@crm/platform';
import { CAR_PIPELINE } from '../testing/fixtures';
import { setUpPricedProduct } from '../testing/priced-product';
import { startSalesTestApp, type SalesTestApp } from '../testing/sales-test-app';

const rep = { sub: 'rep-1' };
const manager = { roles: ['sales-manager' as const], sub: 'boss' };
const clock = new ManualClock('2026-06-15T12:00:00Z');
const inDays = (n: number) =>
  new Date(clock.now().getTime() + n * 86_400_000).toISOString().slice(0, 10);

describe('order cancellation (e2e)', () => {
  let t: SalesTestApp;
  beforeAll(async () => {
    t = await startSalesTestApp({}, { clock });
  });
  afterAll(() => t?.close());

  /** A deal won by accepting a quote for one unit of a 1 000.00 EUR product. */
  async function wonDeal(sku: string) {
    const pipelineId = (await t.request('POST', '/pipelines', { as: manager, body: CAR_PIPELINE }))
      .body.id;
    const { productId, priceBookId } = await setUpPricedProduct(t, {
      sku,
      name: 'Wallbox',
      amountMinor: 100_000,
    });
    // A converted lead's contact is one sales minted itself, so it is a known reference.
    const leadId = (
      await t.request('POST', '/leads', {
        as: rep,
        body: { source: 'manual', profile: { name: `Ada ${sku}` } },
      })
    ).body.id;
    await t.request('POST', `/leads/${leadId}/work`, { as: rep, body: {} });
    await t.request('POST', `/leads/${leadId}/qualify`, { as: rep, body: {} });
    const converted = await t.request('POST', `/leads/${leadId}/convert`, {
      as: rep,
      body: {
        opportunity: {
          pipelineId,
          amountMinor: 100_000,
          currency: 'EUR',
          expectedCloseDate: inDays(10),
        },
      },
    });
    expect(converted.status).toBe(200);
    const { opportunityId } = converted.body;
    const quoteId = (
      await t.request('POST', '/quotes', {
        as: rep,
        body: { opportunityId, taxRateBps: 0, validUntil: inDays(14) },
      })
    ).body.id;
    await t.request('POST', `/quotes/${quoteId}/lines`, {
      as: rep,
      body: { productId, priceBookId, optionIds: [], quantity: 1 },
    });
    expect((await t.request('POST', `/quotes/${quoteId}/send`, { as: rep })).status).toBe(200);
    const accepted = await t.request('POST', `/quotes/${quoteId}/accept`, { as: rep });
    expect(accepted.status).toBe(200);
    return { pipelineId, opportunityId, orderId: accepted.body.orderId as string };
  }

  const closedThisMonth = async () => {
    const forecast = await t.request(
      'GET',
      `/forecast?period=month&from=${inDays(-40)}&to=${inDays(60)}`,
      { as: rep },
    );
    expect(forecast.status).toBe(200);
    return (forecast.body as { ownerId: string | null; closedMinor: number }[])
      .filter((row) => row.ownerId === null)
      .reduce((sum, row) => sum + row.closedMinor, 0);
  };

  it('loses the deal the order was won with, so the forecast stops counting it', async () => {
    const { opportunityId, orderId } = await wonDeal('WBX-1');
    const before = await closedThisMonth();
    expect(
      (await t.request('GET', `/opportunities/${opportunityId}`, { as: rep })).body,
    ).toMatchObject({ status: 'won', orderId });

    const cancel = await t.request('POST', `/orders/${orderId}/cancel`, {
      as: rep,
      body: { reason: 'financing refused' },
    });
    expect(cancel.status).toBe(200);
    expect(cancel.body.status).toBe('cancelled');

    const deal = (await t.request('GET', `/opportunities/${opportunityId}`, { as: rep })).body;
    expect(deal).toMatchObject({
      status: 'lost',
      stageId: 'lost',
      probability: 0,
      forecastCategory: 'omitted',
      lostReason: `order ${orderId} cancelled: financing refused`,
    });
    expect(before - (await closedThisMonth())).toBe(100_000);

    // Cancelling again changes nothing; the deal can be reopened and sold again.
    const again = await t.request('POST', `/orders/${orderId}/cancel`, {
      as: rep,
      body: { reason: 'financing refused' },
    });
    expect(again.status).toBe(200);
    const version = (await t.request('GET', `/opportunities/${opportunityId}`, { as: rep })).body
      .version;
    expect(version).toBe(deal.version);
    const reopened = await t.request('POST', `/opportunities/${opportunityId}/reopen`, {
      as: rep,
      body: { reason: 'new financing' },
    });
    expect(reopened.status).toBe(200);
    expect(
      (await t.request('GET', `/opportunities/${opportunityId}`, { as: rep })).body.status,
    ).toBe('open');
  });
});
