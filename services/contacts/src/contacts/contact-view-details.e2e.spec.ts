/**
 * A contact as a UI shows it (issue 12): GET /contacts/{id} and every command's answer carry
 * createdAt, updatedAt and companyName, equal to what the list shows for the same contact.
 */
import { ManualClock } from '@crm/platform';
import { startContactsTestApp, type ContactsTestApp } from '../testing/contacts-test-app';

const clock = new ManualClock('2026-03-10T08:00:00Z');

describe('ContactView createdAt, updatedAt, companyName (e2e, real PostgreSQL)', () => {
  let t: ContactsTestApp;
  beforeAll(async () => {
    t = await startContactsTestApp({}, { clock });
  });
  afterAll(() => t?.close());

  it('a contact shows when it was created and changed and its company by name, like its list entry', async () => {
    const company = await t.call({
      method: 'POST',
      url: '/companies',
      payload: { name: 'Analytical Engines Ltd' },
    });
    expect(company.statusCode).toBe(201);
    const companyId = company.json().id as string;
    const created = clock.now().toISOString();

    const res = await t.call({
      method: 'POST',
      url: '/contacts',
      payload: { name: { given: 'Ada', family: 'Lovelace' }, companyId },
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id as string;
    expect(res.json()).toMatchObject({
      companyId,
      companyName: 'Analytical Engines Ltd',
      createdAt: created,
      updatedAt: created,
    });

    clock.advance(3_600_000);
    const changed = clock.now().toISOString();
    const patched = await t.call({
      method: 'PATCH',
      url: `/contacts/${id}`,
      payload: { name: { given: 'Augusta' } },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ createdAt: created, updatedAt: changed });

    const read = await t.call({ url: `/contacts/${id}` });
    expect(read.json()).toMatchObject({
      createdAt: created,
      updatedAt: changed,
      companyName: 'Analytical Engines Ltd',
    });
    const listed = (await t.call({ url: `/contacts?company=${companyId}` })).json().items[0];
    expect(listed).toMatchObject({
      id,
      createdAt: read.json().createdAt,
      updatedAt: read.json().updatedAt,
      companyName: read.json().companyName,
    });
  });

  it('the company name follows a rename; a contact without a company has none', async () => {
    const companyId = (
      await t.call({ method: 'POST', url: '/companies', payload: { name: 'Old Name' } })
    ).json().id as string;
    const id = (
      await t.call({
        method: 'POST',
        url: '/contacts',
        payload: { name: { given: 'Grace' }, companyId },
      })
    ).json().id as string;
    const renamed = await t.call({
      method: 'PATCH',
      url: `/companies/${companyId}`,
      payload: { name: 'New Name' },
    });
    expect(renamed.statusCode).toBe(200);
    expect((await t.call({ url: `/contacts/${id}` })).json().companyName).toBe('New Name');

    const alone = await t.call({
      method: 'POST',
      url: '/contacts',
      payload: { name: { given: 'Hedy' } },
    });
    expect(alone.json().companyName).toBeUndefined();
    expect(alone.json().createdAt).toBe(clock.now().toISOString());
  });
});
