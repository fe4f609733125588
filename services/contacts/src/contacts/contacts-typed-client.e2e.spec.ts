/**
 * A front end's day one through the client generated from the committed OpenAPI document: if a
 * schema says what the service does not answer (a property typed wrongly, a header or status
 * left out), this stops compiling or the client's document check fails the call.
 */
import { openApiTestClient } from '@crm/platform/testing';
import type { paths } from '../../openapi/openapi';
import document from '../../openapi/openapi.json';
import { startContactsTestApp, type ContactsTestApp } from '../testing/contacts-test-app';

describe('contacts through the typed OpenAPI client (e2e)', () => {
  let t: ContactsTestApp;
  beforeAll(async () => {
    t = await startContactsTestApp();
  });
  afterAll(() => t?.close());

  const client = (roles: ('sales-rep' | 'analyst')[] = ['sales-rep']) =>
    openApiTestClient<paths>(
      (request) =>
        t.call({
          method: request.method,
          url: request.url,
          headers: request.headers,
          payload: request.body,
          roles,
        }),
      document,
    );

  it('company -> contact -> read -> merge patch with If-Match -> stale 412 -> list, as documented', async () => {
    const api = client();
    const company = await api.POST('/companies', { body: { name: 'Analytical Engines' } });
    expect(company.response.status).toBe(201);
    const companyId = company.data!.id;

    const created = await api.POST('/contacts', {
      body: { name: { given: 'Ada', family: 'Lovelace' }, companyId, tags: ['VIP'] },
      params: { header: { 'Idempotency-Key': 'typed-client-ada' } },
    });
    expect(created.response.status).toBe(201);
    const contact = created.data!;
    expect(created.response.headers.get('location')).toBe(`/contacts/${contact.id}`);
    expect(created.response.headers.get('etag')).toBe(`"${contact.version}"`);
    // The retry the Idempotency-Key makes safe: the stored answer, marked as replayed.
    const replay = await api.POST('/contacts', {
      body: { name: { given: 'Ada', family: 'Lovelace' }, companyId, tags: ['VIP'] },
      params: { header: { 'Idempotency-Key': 'typed-client-ada' } },
    });
    expect(replay.data!.id).toBe(contact.id);
    expect(replay.response.headers.get('idempotent-replayed')).toBe('true');

    const read = await api.GET('/contacts/{id}', { params: { path: { id: contact.id } } });
    expect(read.data).toMatchObject({ id: contact.id, companyId, tags: ['vip'] });
    const etag = read.response.headers.get('etag')!;
    const notModified = await api.GET('/contacts/{id}', {
      params: { path: { id: contact.id }, header: { 'If-None-Match': etag } },
    });
    expect(notModified.response.status).toBe(304);

    const patched = await api.PATCH('/contacts/{id}', {
      params: { path: { id: contact.id }, header: { 'If-Match': etag } },
      body: { name: { given: 'Augusta Ada' } },
    });
    expect(patched.response.status).toBe(200);
    // The answer is the view, or `{ id, version }` while the read models lag: the types say so.
    expect(patched.data).toMatchObject({ name: { given: 'Augusta Ada', family: 'Lovelace' } });
    const stale = await api.PATCH('/contacts/{id}', {
      params: { path: { id: contact.id }, header: { 'If-Match': etag } },
      body: { name: { given: 'Ada' } },
    });
    expect(stale.response.status).toBe(412);
    expect(stale.error).toMatchObject({ status: 412, type: expect.any(String) });

    const page = await client(['analyst']).GET('/contacts', {
      params: { query: { company: companyId, limit: 10 } },
    });
    expect(page.data!.items.map((item) => item.id)).toEqual([contact.id]);
    expect(page.data!.items[0]!.companyName).toBe('Analytical Engines');
    expect(page.data!.nextCursor).toBeNull();
  });

  it('answers a refused field as errors[] naming it, as the ProblemDetails schema says', async () => {
    const refused = await client().PUT('/contacts/{id}', {
      params: { path: { id: 'not-a-uuid' } },
      body: { name: { given: 'X' } },
    });
    expect(refused.response.status).toBe(422);
    expect(refused.response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.error!.errors!.map((error) => error.field)).toEqual(['id']);
    expect(refused.error).not.toHaveProperty('field');
  });

  it('refuses, in the client, an answer the document does not describe', async () => {
    // The same document with one schema made wrong: the client must notice, or it checks nothing.
    const wrong = structuredClone(document) as typeof document & {
      components: { schemas: { CompanyView: { properties: { name: object } } } };
    };
    wrong.components.schemas.CompanyView.properties.name = { type: 'integer' };
    const api = openApiTestClient<paths>(
      (request) =>
        t.call({
          method: request.method,
          url: request.url,
          headers: request.headers,
          payload: request.body,
        }),
      wrong,
    );
    await expect(api.POST('/companies', { body: { name: 'Difference Engines' } })).rejects.toThrow(
      /POST \/companies answered 201 with a body its schema refuses: .*name must be integer/,
    );
  });
});
