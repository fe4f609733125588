/**
 * The demo history through the real sales app: contacts arrive over the transport as they would
 * from contacts, then the seed writes the catalogue, leads, deals and the order history with
 * their historic dates; the REST API shows them; a second run adds nothing.
 */
import { Writable } from 'node:stream';
import { DEFAULT_TEST_TENANT, feedContacts } from '../testing/contacts-feed';
import { startSalesTestApp, type SalesTestApp } from '../testing/sales-test-app';
import { seedSalesDemoHistory } from './demo-seed';

const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
const DAY = 86_400_000;

describe('sales demo history (e2e)', () => {
  let t: SalesTestApp;
  const admin = { sub: 'admin-1', roles: ['admin' as const] };

  beforeAll(async () => {
    t = await startSalesTestApp();
    await feedContacts(t, {
      contacts: Array.from({ length: 30 }, (_, i) => ({ contactId: `demo-c${i}` })),
    });
  });
  afterAll(() => t?.close());

  it('loads months of dated history once, visible through the API', async () => {
    const options = { tenant: DEFAULT_TEST_TENANT, months: 4, settleMs: 0, output: quiet };
    const result = await seedSalesDemoHistory(t.app, options);
    expect(result).toMatchObject({ status: 'seeded' });
    if (result.status !== 'seeded') return;
    expect(result.orders).toBeGreaterThan(50);

    const products = await t.request('GET', '/products', { as: admin });
    expect(products.body.items.map((p: { sku: string }) => p.sku)).toContain('CAR-SUV');

    const placed: number[] = [];
    for (let cursor: string | undefined, page = 0; page < 50; page++) {
      const orders = await t.request(
        'GET',
        `/orders?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        { as: admin },
      );
      expect(orders.status).toBe(200);
      placed.push(...orders.body.items.map((o: { placedAt: string }) => Date.parse(o.placedAt)));
      cursor = orders.body.nextCursor ?? undefined;
      if (!cursor) break;
    }
    expect(placed).toHaveLength(result.orders);
    // Historic dates, spread over the months, not the moment of the seed.
    expect(Math.min(...placed)).toBeLessThan(Date.now() - 90 * DAY);
    expect(Math.max(...placed)).toBeGreaterThan(Date.now() - 30 * DAY);

    const deals = await t.request('GET', '/opportunities?limit=100', { as: admin });
    expect(deals.body.items.length).toBeGreaterThan(10);
    expect(new Set(deals.body.items.map((d: { status: string }) => d.status))).toEqual(
      new Set(['open', 'won', 'lost']),
    );

    expect(await seedSalesDemoHistory(t.app, options)).toMatchObject({ status: 'skipped' });
  });
});
