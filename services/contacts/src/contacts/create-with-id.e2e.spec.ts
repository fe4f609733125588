/**
 * PUT /contacts/{id} and PUT /companies/{id}: create-if-absent under the caller's id, the way a
 * process manager (lead conversion) creates with deterministic ids. However often, and however
 * concurrently, one id is sent, there is one record, and every answer names it.
 */
import { randomUUID } from 'node:crypto';
import { startContactsTestApp, type ContactsTestApp } from '../testing/contacts-test-app';

describe('create-if-absent with the caller’s id (e2e)', () => {
  let t: ContactsTestApp;
  beforeAll(async () => {
    t = await startContactsTestApp();
  });
  afterAll(() => t?.close());

  const put = (path: string, payload: object) =>
    t.call({ method: 'PUT', url: path, payload, headers: { 'idempotency-key': `${path}/create` } });

  it('creates the contact once (201), then answers it as it is (200) without applying the body', async () => {
    const id = randomUUID();
    const first = await put(`/contacts/${id}`, { name: { given: 'Ada', family: 'Lovelace' } });
    expect(first.statusCode).toBe(201);
    expect(first.headers.location).toBe(`/contacts/${id}`);
    expect(first.json()).toMatchObject({ id, version: 1, displayName: 'Ada Lovelace' });

    const again = await put(`/contacts/${id}`, { name: { given: 'Someone', family: 'Else' } });
    expect(again.statusCode).toBe(200);
    expect(again.headers.etag).toBe('"1"');
    expect(again.json()).toMatchObject({ id, version: 1, displayName: 'Ada Lovelace' });
  });

  it('has one contact and one company however many creates of an id race', async () => {
    const contactId = randomUUID();
    const companyId = randomUUID();
    const contacts = await Promise.all(
      Array.from({ length: 5 }, () => put(`/contacts/${contactId}`, { name: { given: 'Race' } })),
    );
    const companies = await Promise.all(
      Array.from({ length: 5 }, () => put(`/companies/${companyId}`, { name: 'Race Ltd' })),
    );
    for (const answers of [contacts, companies]) {
      expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 201]);
      expect(new Set(answers.map((r) => r.json().version))).toEqual(new Set([1]));
    }
    const company = await t.call({ method: 'GET', url: `/companies/${companyId}` });
    expect(company.json()).toMatchObject({ id: companyId, name: 'Race Ltd', version: 1 });
  });

  it('refuses an id that is not a UUID as a 422 naming the field', async () => {
    for (const path of ['/contacts/not-a-uuid', '/companies/not-a-uuid']) {
      const res = await put(path, { name: path.startsWith('/contacts') ? { given: 'X' } : 'X' });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({
        errors: [expect.objectContaining({ field: 'id' })],
        type: expect.stringMatching(/invalid-(contact|company)-id$/),
      });
    }
  });

  it('validates the body of a create like the POST does', async () => {
    const res = await put(`/contacts/${randomUUID()}`, {
      name: { given: 'X' },
      emails: [{ address: 'nope' }],
    });
    expect(res.statusCode).toBe(422);
  });
});
