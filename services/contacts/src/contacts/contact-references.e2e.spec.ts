/**
 * What a contact or company may point at (issue 12): a country of ISO 3166-1, a company of the
 * tenant. Anything else is refused naming the field, and nothing is appended to the log.
 */
import { Client } from 'pg';
import { startContactsTestApp, type ContactsTestApp } from '../testing/contacts-test-app';

describe('countries and company references (e2e, real PostgreSQL)', () => {
  let t: ContactsTestApp;
  let sql: Client;
  beforeAll(async () => {
    t = await startContactsTestApp();
    sql = new Client({ connectionString: t.db.url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await t?.close();
  });

  const eventCount = async () =>
    (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM contacts.events`)).rows[0].n;
  /** The fields a problem names: `errors[]` (and a 422's older top-level `field`). */
  const fieldsOf = (body: { field?: string; errors?: { field: string }[] }) =>
    [body.field, ...(body.errors ?? []).map((e) => e.field)].filter(Boolean);
  /** The request is refused naming `field`, and the event log did not grow. */
  const refused = async (
    request: Parameters<ContactsTestApp['call']>[0],
    field: string,
    type: string,
  ) => {
    const before = await eventCount();
    const res = await t.call(request);
    expect([400, 422]).toContain(res.statusCode);
    expect(res.json().type).toContain(type);
    expect(fieldsOf(res.json())).toContain(field);
    expect(await eventCount()).toBe(before);
  };
  const address = (country: string) => ({ lines: ['1 Engine Way'], city: 'London', country });
  const createCompany = async (tenant?: string) => {
    const res = await t.call({
      method: 'POST',
      url: '/companies',
      payload: { name: 'Analytical Engines' },
      tenant,
    });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };

  it('an unknown country (ZZ, UK) is refused on contacts and companies; gb is GB', async () => {
    await refused(
      {
        method: 'POST',
        url: '/contacts',
        payload: { name: { given: 'Ada' }, addresses: [address('ZZ')] },
      },
      'addresses[0].country',
      'invalid-country',
    );
    const contact = await t.call({
      method: 'POST',
      url: '/contacts',
      payload: { name: { given: 'Ada' }, addresses: [address('gb')] },
    });
    expect(contact.statusCode).toBe(201);
    expect(contact.json().addresses[0].country).toBe('GB');
    await refused(
      { method: 'POST', url: `/contacts/${contact.json().id}/addresses`, payload: address('UK') },
      'address.country',
      'invalid-country',
    );
    const companyId = await createCompany();
    await refused(
      { method: 'POST', url: `/companies/${companyId}/addresses`, payload: address('ZZ') },
      'address.country',
      'invalid-country',
    );
  });

  it("a contact's companyId must name a company of the tenant, on create and on PATCH", async () => {
    await refused(
      {
        method: 'POST',
        url: '/contacts',
        payload: { name: { given: 'Grace' }, companyId: 'no-such-company' },
      },
      'companyId',
      'unknown-company',
    );
    const theirs = await createCompany('globex');
    await refused(
      {
        method: 'POST',
        url: '/contacts',
        payload: { name: { given: 'Grace' }, companyId: theirs },
      },
      'companyId',
      'unknown-company',
    );
    const ours = await createCompany();
    const created = await t.call({
      method: 'POST',
      url: '/contacts',
      payload: { name: { given: 'Grace' }, companyId: ours },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    await refused(
      { method: 'PATCH', url: `/contacts/${id}`, payload: { companyId: theirs } },
      'companyId',
      'unknown-company',
    );
    const unlinked = await t.call({
      method: 'PATCH',
      url: `/contacts/${id}`,
      payload: { companyId: null },
    });
    expect(unlinked.statusCode).toBe(200);
    expect(unlinked.json().companyId).toBeUndefined();
  });

  it("a company's parentCompanyId must name a company of the tenant, on create and on PATCH", async () => {
    await refused(
      {
        method: 'POST',
        url: '/companies',
        payload: { name: 'Subsidiary', parentCompanyId: 'bogus-parent' },
      },
      'parentCompanyId',
      'unknown-company',
    );
    const parent = await createCompany();
    const child = await t.call({
      method: 'POST',
      url: '/companies',
      payload: { name: 'Subsidiary', parentCompanyId: parent },
    });
    expect(child.statusCode).toBe(201);
    await refused(
      {
        method: 'PATCH',
        url: `/companies/${child.json().id}`,
        payload: { parentCompanyId: await createCompany('globex') },
      },
      'parentCompanyId',
      'unknown-company',
    );
  });
});
