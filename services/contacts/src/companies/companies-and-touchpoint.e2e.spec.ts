import { startContactsTestApp, type ContactsTestApp } from '../testing/contacts-test-app';

describe('companies, custom fields and the customer touchpoint (e2e, real PostgreSQL)', () => {
  let t: ContactsTestApp;
  beforeAll(async () => {
    t = await startContactsTestApp();
  });
  afterAll(() => t?.close());

  it('registers companies, refuses hierarchy cycles, and contacts carry the company name for search', async () => {
    const parent = await t.call({
      method: 'POST',
      url: '/companies',
      payload: { name: 'Engines Group', domain: 'https://www.Engines.example/' },
    });
    expect(parent.statusCode).toBe(201);
    expect(parent.json()).toMatchObject({ domain: 'engines.example', version: 1 });
    const child = await t.call({
      method: 'POST',
      url: '/companies',
      payload: { name: 'Engines UK', parentCompanyId: parent.json().id },
    });
    const cycle = await t.call({
      method: 'PATCH',
      url: `/companies/${parent.json().id}`,
      payload: { parentCompanyId: child.json().id },
    });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().errors[0].field).toBe('parentCompanyId');

    const ada = await t.call({
      method: 'POST',
      url: '/contacts',
      payload: { name: { given: 'Ada' }, companyId: child.json().id },
    });
    expect(
      (await t.call({ url: `/contacts?company=${child.json().id}` })).json().items[0],
    ).toMatchObject({ id: ada.json().id, companyName: 'Engines UK' });
    await t.call({
      method: 'PATCH',
      url: `/companies/${child.json().id}`,
      payload: { name: 'Difference Engines UK' },
    });
    expect(
      (await t.call({ url: '/contacts/search?q=difference' }))
        .json()
        .map((c: { id: string }) => c.id),
    ).toEqual([ada.json().id]);
    expect(
      (await t.call({ url: '/companies?q=engines' }))
        .json()
        .items.map((c: { name: string }) => c.name),
    ).toEqual(['Engines Group']);
    const withAddress = await t.call({
      method: 'POST',
      url: `/companies/${parent.json().id}/addresses`,
      headers: { 'if-match': '"1"' },
      payload: { lines: ['1 Engine Way'], city: 'London', country: 'gb' },
    });
    expect(withAddress.statusCode).toBe(200);
    expect(withAddress.json().addresses).toMatchObject([
      { city: 'London', country: 'GB', primary: true },
    ]);
    const stale = await t.call({
      method: 'PATCH',
      url: `/companies/${parent.json().id}`,
      headers: { 'if-match': '"1"' },
      payload: { industry: 'Steam' },
    });
    expect(stale.statusCode).toBe(412);
  });

  it('lets admins define typed custom fields that contacts must respect', async () => {
    const asRep = await t.call({
      method: 'POST',
      url: '/custom-fields',
      payload: { key: 'tier', label: 'Tier', type: 'single-select', options: ['gold'] },
    });
    expect(asRep.statusCode).toBe(403);
    const defined = await t.call({
      method: 'POST',
      url: '/custom-fields',
      roles: ['admin'],
      payload: { key: 'tier', label: 'Tier', type: 'single-select', options: ['gold', 'silver'] },
    });
    expect(defined.statusCode).toBe(200);
    const contact = await t.call({
      method: 'POST',
      url: '/contacts',
      payload: { name: { given: 'Grace' }, customFields: { tier: 'gold' } },
    });
    expect(contact.json().customFields).toEqual({ tier: 'gold' });
    const wrong = await t.call({
      method: 'PATCH',
      url: `/contacts/${contact.json().id}/custom-fields`,
      payload: { values: { tier: 'platinum' } },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0].field).toBe('customFields.tier');
    expect(
      (await t.call({ url: '/contacts?customField=tier=gold' }))
        .json()
        .items.map((c: { id: string }) => c.id),
    ).toEqual([contact.json().id]);
  });

  it('shows a customer their own data only, and lets them withdraw consent', async () => {
    const created = await t.call({
      method: 'POST',
      url: '/contacts',
      payload: {
        name: { given: 'Joan', family: 'Clarke' },
        emails: [{ address: 'joan@example.org' }],
      },
    });
    const id = created.json().id;
    await t.call({
      method: 'PUT',
      url: `/contacts/${id}/consent/email`,
      payload: { status: 'granted', legalBasis: 'consent', source: 'form' },
    });
    const customer = { roles: ['customer' as const], sub: id };

    const me = await t.call({ url: '/me', ...customer });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      contact: { id, displayName: 'Joan Clarke' },
      consent: { contactable: ['email'] },
    });
    expect((await t.call({ url: `/contacts/${id}`, ...customer })).statusCode).toBe(403);
    expect((await t.call({ url: '/contacts', ...customer })).statusCode).toBe(403);
    expect((await t.call({ url: '/me' })).statusCode).toBe(403);

    const withdrawn = await t.call({
      method: 'PUT',
      url: '/me/consent/email/withdrawal',
      payload: { reason: 'too many' },
      ...customer,
    });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().contactable).toEqual([]);
    expect(withdrawn.json().channels.email).toMatchObject({
      status: 'withdrawn',
      source: 'customer-portal',
    });
    expect((await t.call({ url: '/me', ...customer, tenant: 'tenant-b' })).statusCode).toBe(404);
  });
});
