/**
 * Text PostgreSQL refuses (a NUL, a lone UTF-16 surrogate) answered 500 DatabaseError on these
 * sales endpoints; the platform's edge check now makes each a 400 naming the field.
 */
import { startSalesTestApp, type SalesTestApp } from './testing/sales-test-app';

const manager = { roles: ['sales-manager' as const], sub: 'boss' };

describe('text PostgreSQL refuses is a 400 naming the field (e2e)', () => {
  let t: SalesTestApp;
  beforeAll(async () => {
    t = await startSalesTestApp();
  });
  afterAll(() => t?.close());

  const csv = 'name,email\nAda Lovelace,ada@example.com\n';

  it.each([
    ['/leads/import', { csv, ownerId: 'rep\u0000' }, 'ownerId'],
    ['/leads/import', { csv: 'name,email\nA\u0000,a@b.co\n' }, 'csv'],
    ['/leads/import', { csv, campaignId: '\ud800' }, 'campaignId'],
    ['/price-books', { name: 'Standard\u0000' }, 'name'],
    ['/configurations/validate', { productId: 'p\u0000', optionIds: [] }, 'productId'],
    ['/configurations/price', { productId: 'p\u0000', optionIds: [] }, 'productId'],
    ['/configurations/price', { productId: 'p', optionIds: ['ok', '\udc00'] }, 'optionIds.1'],
  ])('POST %s %j -> 400 naming %s', async (url, body, field) => {
    const res = await t.request('POST', url, { body, as: manager });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toEqual([{ field, message: expect.stringContaining(field) }]);
  });

  it('nothing was imported, though a clean import of the same CSV shows up', async () => {
    const before = await t.request('GET', '/leads');
    expect([before.status, before.body.items]).toEqual([200, []]);
    const clean = await t.request('POST', '/leads/import', { body: { csv }, as: manager });
    expect(clean.status).toBe(200);
    const after = (await t.request('GET', '/leads')).body.items;
    expect(after.map((l: { name: string }) => l.name)).toEqual(['Ada Lovelace']);
  });

  it('a path or query parameter holding a NUL is named too', async () => {
    const path = await t.request('GET', '/leads/a%00');
    expect([path.status, path.body.errors?.[0]?.field]).toEqual([400, 'leadId']);
    const query = await t.request('GET', '/leads?q=%00');
    expect([query.status, query.body.errors?.[0]?.field]).toEqual([400, 'q']);
  });
});
