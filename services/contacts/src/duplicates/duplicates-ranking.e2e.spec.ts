import { startContactsTestApp, type ContactsTestApp } from '../testing/contacts-test-app';

describe('GET /contacts/duplicates ranks before it pages (e2e, real PostgreSQL)', () => {
  let t: ContactsTestApp;
  const create = async (payload: object) => {
    const res = await t.call({ method: 'POST', url: '/contacts', payload });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };

  beforeAll(async () => {
    t = await startContactsTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('returns the strong pairs first with default paging, however many weak candidates there are', async () => {
    // 60 namesakes make 1,770 name-only candidate pairs, each below the default minScore: more
    // than the candidate window of the default page (50 × 20).
    for (let i = 0; i < 60; i++) {
      await create({ name: { given: 'Bartholomew', family: 'Quackenbush' } });
    }
    const strong: Array<Set<string>> = [];
    for (const [given, other] of [
      ['Ines', 'Yusuf'],
      ['Oskar', 'Wren'],
      ['Maja', 'Teodor'],
    ]) {
      const email = { address: `${given.toLowerCase()}@shared.example` };
      const a = await create({ name: { given, family: 'Zeller' }, emails: [email] });
      const b = await create({ name: { given: other, family: 'Okafor' }, emails: [email] });
      strong.push(new Set([a, b]));
    }

    const res = await t.call({ url: '/contacts/duplicates' });
    expect(res.statusCode).toBe(200);
    const pairs = res.json() as Array<{ contactId: string; duplicateId: string; score: number }>;
    expect(pairs.map((p) => new Set([p.contactId, p.duplicateId]))).toEqual(
      expect.arrayContaining(strong),
    );
    expect(pairs).toHaveLength(3);
    expect(pairs.every((p) => p.score >= 0.95)).toBe(true);

    // A small page still holds the strongest pair.
    const one = (await t.call({ url: '/contacts/duplicates?limit=1' })).json();
    expect(one).toHaveLength(1);
    expect(one[0].score).toBeGreaterThanOrEqual(0.95);
  });
});
