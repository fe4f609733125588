import { startContactsTestApp, type ContactsTestApp } from '../testing/contacts-test-app';

describe('PATCH /contacts/{id} is a JSON Merge Patch (e2e)', () => {
  let t: ContactsTestApp;
  beforeAll(async () => {
    t = await startContactsTestApp();
  });
  afterAll(() => t?.close());

  const create = async () =>
    (
      await t.call({
        method: 'POST',
        url: '/contacts',
        payload: {
          name: { given: 'Ada', family: 'Lovelace' },
          demographics: { gender: 'female', ageBand: '35-44' },
        },
      })
    ).json().id as string;
  const patch = (id: string, payload: object, contentType = 'application/json') =>
    t.call({
      method: 'PATCH',
      url: `/contacts/${id}`,
      headers: { 'content-type': contentType },
      payload: JSON.stringify(payload),
    });

  it('a given name alone keeps the family name', async () => {
    const id = await create();
    const res = await patch(id, { name: { given: 'Augusta' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: { given: 'Augusta', family: 'Lovelace' },
      displayName: 'Augusta Lovelace',
    });
  });

  it('null removes an optional member and leaves the others (also sent as application/merge-patch+json)', async () => {
    const id = await create();
    const res = await patch(
      id,
      { name: { family: null }, demographics: { ageBand: null } },
      'application/merge-patch+json',
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toEqual({ given: 'Ada' });
    expect(res.json().demographics).toEqual({ gender: 'female' });
    const read = (await t.call({ url: `/contacts/${id}` })).json();
    expect(read.name).toEqual({ given: 'Ada' });
  });
});
