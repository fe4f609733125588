/**
 * The report that started the edge check: `POST /contacts` with a NUL in `name.given` answered
 * 201 (the name is encrypted, so the append succeeded) and the directory projection then failed
 * on that event for every tenant. Now such text is a 400 naming the field and nothing is appended;
 * a CSV upload (which the JSON edge check does not read) rejects the row instead.
 */
import { startContactsTestApp, type ContactsTestApp } from '../testing/contacts-test-app';

describe('text PostgreSQL refuses never reaches the event store (e2e)', () => {
  let t: ContactsTestApp;
  beforeAll(async () => {
    t = await startContactsTestApp();
  });
  afterAll(() => t?.close());

  const storedEvents = async () => {
    const { Client } = await import('pg');
    const client = new Client({ connectionString: t.db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>(
        'SELECT count(*) AS n FROM contacts.events',
      );
      return Number(rows[0].n);
    } finally {
      await client.end();
    }
  };
  const fieldsOf = (res: { statusCode: number; json(): any }) => {
    expect(res.statusCode).toBe(400);
    return (res.json().errors as { field: string }[]).map((e) => e.field);
  };

  it('POST /contacts with "A\\u0000" in name.given: 400 naming it, nothing appended', async () => {
    const before = await storedEvents();
    const res = await t.call({
      method: 'POST',
      url: '/contacts',
      payload: { name: { given: 'A\u0000' } },
    });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({
      status: 400,
      type: '/problems/validation-failed',
      errors: [{ field: 'name.given', message: expect.stringMatching(/NUL/) }],
    });
    expect(await storedEvents()).toBe(before);
    expect((await t.call({ url: '/contacts?status=all' })).json().items).toEqual([]);
  });

  it('a lone surrogate (sent as a JSON escape) is refused the same way', async () => {
    const res = await t.call({
      method: 'POST',
      url: '/contacts',
      headers: { 'content-type': 'application/json' },
      payload: '{"name":{"given":"\\ud800x"}}',
    });
    expect(fieldsOf(res)).toEqual(['name.given']);
    expect((await t.call({ url: '/contacts?status=all' })).json().items).toEqual([]);
  });

  it('POST /companies with a NUL in industry is a 400, not a 500', async () => {
    const res = await t.call({
      method: 'POST',
      url: '/companies',
      payload: { name: 'Acme', industry: 'x\u0000' },
    });
    expect(fieldsOf(res)).toEqual(['industry']);
  });

  it('a path parameter and a query parameter are named', async () => {
    expect(fieldsOf(await t.call({ url: '/contacts/%00' }))).toEqual(['id']);
    expect(fieldsOf(await t.call({ url: '/contacts/search?q=a%00' }))).toEqual(['q']);
  });

  it('a CSV import rejects the row holding a NUL and imports the others', async () => {
    const csv = [
      'email,given_name,family_name',
      'ada@example.com,Ada,Lovelace',
      'nul@example.com,A\u0000,Nul',
      'grace@example.com,Grace,Hopper',
    ].join('\n');
    const res = await t.call({
      method: 'PUT',
      url: '/contacts/imports/nul-1',
      headers: { 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'completed', created: 2, rejected: 1 });
    const rows = (await t.call({ url: '/contacts/imports/nul-1/rows?outcome=rejected' })).json();
    expect(rows).toEqual([
      expect.objectContaining({
        row: 2,
        reasons: [expect.objectContaining({ code: 'InvalidCharacters', field: 'given_name' })],
      }),
    ]);
  });

  it('a CSV header holding a NUL is a client error, not a 500', async () => {
    const res = await t.call({
      method: 'PUT',
      url: '/contacts/imports/nul-2',
      headers: { 'content-type': 'text/csv' },
      payload: 'email,given\u0000name\nx@example.com,X\n',
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
  });

  it('the directory projection keeps up: a clean contact is listed at once', async () => {
    const res = await t.call({
      method: 'POST',
      url: '/contacts',
      payload: { name: { given: 'Zoë 😀' } },
    });
    expect(res.statusCode).toBe(201);
    const names = (await t.call({ url: '/contacts?status=all' }))
      .json()
      .items.map((c: { displayName: string }) => c.displayName);
    expect(names).toContain('Zoë 😀');
  });
});
