/**
 * The role matrix at the HTTP edge (README "Access"): a customer token reaches no operation of
 * the sales OpenAPI document but its own touchpoint (/me: the catalogue on sale, pricing a
 * configuration, a quote request), and the forecast
 * serves sellers and analysts but not marketing or integrations.
 */
import type { Role } from '@crm/platform';
import { openApiOperations, type OpenApiDocumentLike } from '@crm/testing';
import { startSalesTestApp, type SalesTestApp } from '../testing/sales-test-app';

/** The integration contract: public like /docs-json, it holds no tenant data. */
const PUBLIC = ['GET /asyncapi.json'];
/** The customer touchpoint (cpq/customer-configurator.controller.ts): all a customer reaches. */
const CUSTOMER_TOUCHPOINT = /^(GET|POST) \/me\//;

describe('role matrix (e2e)', () => {
  let t: SalesTestApp;
  beforeAll(async () => {
    t = await startSalesTestApp();
  });
  afterAll(() => t?.close());

  it('a customer gets 403 on every operation but its touchpoint', async () => {
    const document = (await t.request('GET', '/docs-json')).body as OpenApiDocumentLike;
    const operations = openApiOperations(document);
    expect(operations.length).toBeGreaterThan(40);
    const customer = { roles: ['customer' as const], sub: 'contact-1' };
    const wrong: string[] = [];
    const touchpoint: string[] = [];
    for (const { operation, method, url } of operations) {
      if (PUBLIC.includes(operation)) continue;
      const res = await t.request(method, url, { as: customer });
      if (CUSTOMER_TOUCHPOINT.test(operation)) {
        // Positive control: its own routes answer it (a 4xx about the body, never the role).
        touchpoint.push(operation);
        if (res.status === 403) wrong.push(`${operation} -> 403 for its own touchpoint`);
        continue;
      }
      // missing-role, not roles-undeclared: the route names its roles and customer is not one.
      if (res.status !== 403 || res.body.type !== '/problems/missing-role')
        wrong.push(`${operation} -> ${res.status} ${res.body?.type}`);
    }
    expect(wrong).toEqual([]);
    expect(touchpoint.sort()).toEqual([
      'GET /me/products',
      'POST /me/configurations/price',
      'POST /me/quote-requests',
    ]);
  });

  it.each<[Role, number]>([
    ['sales-rep', 200],
    ['analyst', 200],
    ['marketer', 403],
    ['integrator', 403],
  ])('forecast as %s: %d', async (role, status) => {
    const url = '/forecast?period=quarter&from=2026-10-01&to=2027-04-01';
    expect((await t.request('GET', url, { as: { roles: [role] } })).status).toBe(status);
  });
});
