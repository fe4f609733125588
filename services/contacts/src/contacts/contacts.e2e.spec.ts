import { startContactsTestApp, type ContactsTestApp } from '../testing/contacts-test-app';

describe('contacts REST (e2e, real PostgreSQL)', () => {
  let t: ContactsTestApp;
  beforeAll(async () => {
    t = await startContactsTestApp();
  });
  afterAll(() => t?.close());

  const ada = {
    name: { given: 'Ada', family: 'Lovelace' },
    emails: [{ address: 'Ada@Example.com', label: 'work' }],
    phones: [{ number: '+44 20 7946 0958', label: 'office' }],
    tags: ['VIP'],
    bestTimeToCall: {
      timeZone: 'Europe/London',
      windows: [{ day: 'tue', from: '09:00', to: '11:00' }],
    },
  };

  it('create -> read -> update with If-Match -> stale If-Match is 412 and appends nothing', async () => {
    const created = await t.call({ method: 'POST', url: '/contacts', payload: ada });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.headers.location).toBe(`/contacts/${id}`);
    expect(created.headers.etag).toBe('"1"');
    expect(created.json()).toMatchObject({
      displayName: 'Ada Lovelace',
      emails: [{ address: 'ada@example.com', label: 'work', primary: true }],
      phones: [{ number: '+442079460958', label: 'office', primary: true }],
      tags: ['vip'],
      lifecycleStage: 'subscriber',
    });

    const read = await t.call({ url: `/contacts/${id}` });
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"1"');

    const updated = await t.call({
      method: 'PATCH',
      url: `/contacts/${id}`,
      headers: { 'if-match': '"1"' },
      payload: { lifecycleStage: 'lead', ownerId: 'user-7' },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.headers.etag).toBe('"3"');
    expect(updated.json()).toMatchObject({ lifecycleStage: 'lead', ownerId: 'user-7', version: 3 });

    const stale = await t.call({
      method: 'PATCH',
      url: `/contacts/${id}`,
      headers: { 'if-match': '"1"' },
      payload: { preferredChannel: 'sms' },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await t.call({ url: `/contacts/${id}` })).headers.etag).toBe('"3"');
  });

  it.each([
    ['an invalid email', { emails: [{ address: 'nope' }] }, 422, 'emails[0].address'],
    ['a phone not in E.164', { phones: [{ number: '0207 946 0958' }] }, 422, 'phones[0].number'],
    [
      'an unknown time zone',
      {
        bestTimeToCall: {
          timeZone: 'Europe/Atlantis',
          windows: [{ day: 'mon', from: '09:00', to: '10:00' }],
        },
      },
      422,
      'bestTimeToCall.timeZone',
    ],
    [
      'an unknown custom field',
      { customFields: { favourite: 'x' } },
      422,
      'customFields.favourite',
    ],
  ])(
    'rejects %s with problem+json naming the field, appending nothing',
    async (_why, extra, status, field) => {
      const res = await t.call({ method: 'POST', url: '/contacts', payload: { ...ada, ...extra } });
      expect(res.statusCode).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([field]);
    },
  );

  it('rejects unknown and wrongly typed fields with 400 naming them', async () => {
    const unknown = await t.call({
      method: 'POST',
      url: '/contacts',
      payload: { ...ada, shoeSize: 42 },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors.map((e: { field: string }) => e.field)).toContain('shoeSize');
    const wrongType = await t.call({
      method: 'POST',
      url: '/contacts',
      payload: { ...ada, tags: 'vip' },
    });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().errors.map((e: { field: string }) => e.field)).toContain('tags');
  });

  it('manages sub-resources and archives with DELETE', async () => {
    const id = (await t.call({ method: 'POST', url: '/contacts', payload: ada })).json().id;
    const withEmail = await t.call({
      method: 'POST',
      url: `/contacts/${id}/emails`,
      payload: { address: 'ada@home.org', primary: true },
    });
    expect(
      withEmail
        .json()
        .emails.map((e: { address: string; primary: boolean }) => [e.address, e.primary]),
    ).toEqual([
      ['ada@example.com', false],
      ['ada@home.org', true],
    ]);
    const removed = await t.call({
      method: 'DELETE',
      url: `/contacts/${id}/emails/ada%40home.org`,
    });
    expect(removed.json().emails).toEqual([
      { address: 'ada@example.com', label: 'work', primary: true },
    ]);
    const tagged = await t.call({
      method: 'POST',
      url: `/contacts/${id}/tags`,
      payload: { tags: ['golf'] },
    });
    expect(tagged.json().tags).toEqual(['vip', 'golf']);
    const archived = await t.call({ method: 'DELETE', url: `/contacts/${id}` });
    expect(archived.json().status).toBe('archived');
    const refused = await t.call({
      method: 'POST',
      url: `/contacts/${id}/tags`,
      payload: { tags: ['x'] },
    });
    expect(refused.statusCode).toBe(409);
  });

  it('a retried POST with the same Idempotency-Key creates one contact and answers the same', async () => {
    const headers = { 'idempotency-key': 'create-ada-once' };
    const first = await t.call({ method: 'POST', url: '/contacts', payload: ada, headers });
    const retry = await t.call({ method: 'POST', url: '/contacts', payload: ada, headers });
    expect(retry.statusCode).toBe(201);
    expect(retry.json().id).toBe(first.json().id);
    const reused = await t.call({
      method: 'POST',
      url: '/contacts',
      payload: { ...ada, tags: ['other'] },
      headers,
    });
    expect(reused.statusCode).toBeGreaterThanOrEqual(400);
    expect(reused.statusCode).toBeLessThan(500);
  });

  it('refuses an oversized body with 413 problem+json and appends nothing', async () => {
    const before = (await t.call({ url: '/contacts?status=all&limit=200' })).json().items.length;
    const huge = await t.call({
      method: 'POST',
      url: '/contacts',
      payload: { ...ada, name: { given: 'x'.repeat(2_000_000) } },
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await t.call({ url: '/contacts?status=all&limit=200' })).json().items.length).toBe(
      before,
    );
  });

  it('answers 404 for unknown ids and 401 without a token', async () => {
    expect(
      (await t.call({ url: '/contacts/0b6f2a3e-1111-4111-8111-111111111111' })).statusCode,
    ).toBe(404);
    expect((await t.call({ url: '/contacts/not-a-uuid' })).statusCode).toBe(404);
    expect(
      (await t.call({ url: '/contacts/0b6f2a3e-1111-4111-8111-111111111111', anonymous: true }))
        .statusCode,
    ).toBe(401);
  });
});
