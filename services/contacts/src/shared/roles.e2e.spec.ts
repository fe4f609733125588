/**
 * The role matrix at the HTTP edge (README "Access"): a customer token reaches nothing of the
 * OpenAPI document but its own touchpoint (/me), and the bulk export serves only admins and sales
 * managers, like the per-contact GDPR export.
 */
import type { Role } from '@crm/platform';
import { openApiOperations, type OpenApiDocumentLike } from '@crm/testing';
import { startContactsTestApp, type ContactsTestApp } from '../testing/contacts-test-app';

const isTouchpoint = (template: string) => /^\/me(\/|$)/.test(template);
/** The integration contract: public like /docs-json, it holds no tenant data. */
const PUBLIC = ['GET /asyncapi.json'];

describe('role matrix (e2e)', () => {
  let t: ContactsTestApp;
  let contactId: string;
  beforeAll(async () => {
    t = await startContactsTestApp();
    contactId = (
      await t.call({
        method: 'POST',
        url: '/contacts',
        payload: { name: { given: 'Ada' }, emails: [{ address: 'ada@example.com' }] },
        roles: ['admin'],
      })
    ).json().id;
  });
  afterAll(() => t?.close());

  it('a customer gets 403 on every operation but the touchpoint, which serves its own contact', async () => {
    const document = (
      await t.call({ url: '/docs-json', anonymous: true })
    ).json<OpenApiDocumentLike>();
    const operations = openApiOperations(document, 'email');
    expect(operations.length).toBeGreaterThan(30);
    expect(operations.filter((o) => isTouchpoint(o.template)).length).toBeGreaterThan(0);
    const wrong: string[] = [];
    for (const { operation, method, template, url } of operations) {
      if (PUBLIC.includes(operation)) continue;
      const res = await t.call({ method, url, roles: ['customer'], sub: contactId });
      // missing-role, not roles-undeclared: the route names its roles and customer is not one.
      const refused = res.statusCode === 403 && res.json().type === '/problems/missing-role';
      if (refused === isTouchpoint(template)) wrong.push(`${operation} -> ${res.body}`);
    }
    expect(wrong).toEqual([]);
    const me = await t.call({ url: '/me', roles: ['customer'], sub: contactId });
    expect([me.statusCode, me.json().contact.id]).toEqual([200, contactId]);
  });

  it.each<[Role, number]>([
    ['admin', 200],
    ['sales-manager', 200],
    ['sales-rep', 403],
    ['marketer', 403],
    ['analyst', 403],
    ['integrator', 403],
    ['customer', 403],
  ])('bulk export as %s: %d for CSV and JSON', async (role, status) => {
    for (const format of ['csv', 'json'])
      expect(
        (await t.call({ url: `/contacts/export?format=${format}`, roles: [role] })).statusCode,
      ).toBe(status);
  });
});
