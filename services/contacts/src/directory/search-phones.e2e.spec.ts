import { startContactsTestApp, type ContactsTestApp } from '../testing/contacts-test-app';

describe('search matches phones only for phone-like queries (e2e, real PostgreSQL)', () => {
  let t: ContactsTestApp;
  let phoneOwner: string;
  let room: string;
  const create = async (payload: object) => {
    const res = await t.call({ method: 'POST', url: '/contacts', payload });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const search = async (q: string) =>
    (await t.call({ url: `/contacts/search?q=${encodeURIComponent(q)}` })).json() as Array<{
      id: string;
      score: number;
    }>;

  beforeAll(async () => {
    t = await startContactsTestApp();
    phoneOwner = await create({
      name: { given: 'Paula', family: 'Brandvold' },
      phones: [{ number: '+493090186960' }],
    });
    room = await create({ name: { given: 'Studio', family: '6960' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('does not match a phone on four digits buried in a word', async () => {
    expect((await search('qqq6960')).map((c) => c.id)).not.toContain(phoneOwner);
  });

  it('still finds the phone for a phone-like query, with spaces, +, - and brackets', async () => {
    for (const q of ['+49 30 9018 6960', '(30) 9018-6960', '6960']) {
      expect((await search(q)).map((c) => c.id)).toContain(phoneOwner);
    }
  });

  it('ranks an exact name match above a phone substring match', async () => {
    const found = await search('6960');
    const [first, second] = found;
    expect(first?.id).toBe(room);
    expect(second?.id).toBe(phoneOwner);
    expect(first!.score).toBeGreaterThan(second!.score);
  });
});
