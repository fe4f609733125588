/**
 * GET /contacts/{id}/history, /companies/{id}/history and `?asOf=` on their GETs, over the real
 * app and PostgreSQL: who changed what when, the middle state read back by instant, an erased
 * contact's history without its personal data, and the record GET's roles.
 */
import { ManualClock } from '@crm/platform';
import { startContactsTestApp, type ContactsTestApp } from '../testing/contacts-test-app';

const HOUR = 3_600_000;

describe('record history and as-of reads (e2e)', () => {
  // Any fixed instant works: each step advances it, and every expected time is read from it.
  const clock = new ManualClock(new Date(Date.now() - 40 * 24 * HOUR));
  let t: ContactsTestApp;
  beforeAll(async () => {
    t = await startContactsTestApp({}, { clock });
  });
  afterAll(() => t?.close());

  const manager = { roles: ['sales-manager' as const], sub: 'manager-2' };
  const mergePatch = (url: string, payload: object, caller = {}) =>
    t.call({
      method: 'PATCH',
      url,
      headers: { 'content-type': 'application/merge-patch+json' },
      payload: JSON.stringify(payload),
      ...caller,
    });

  /** A contact registered by user-1, renamed by user-1 an hour later, tagged by a manager after. */
  async function contactChangedTwice() {
    const registeredAt = clock.now().toISOString();
    const created = await t.call({
      method: 'POST',
      url: '/contacts',
      payload: {
        name: { given: 'Ada', family: 'Byron' },
        emails: [{ address: 'ada@example.com' }],
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    clock.advance(HOUR);
    const renamedAt = clock.now().toISOString();
    expect((await mergePatch(`/contacts/${id}`, { name: { family: 'Lovelace' } })).statusCode).toBe(
      200,
    );
    clock.advance(HOUR);
    const taggedAt = clock.now().toISOString();
    const tagged = await t.call({
      method: 'POST',
      url: `/contacts/${id}/tags`,
      payload: { tags: ['vip'] },
      ...manager,
    });
    expect(tagged.statusCode).toBeLessThan(300);
    clock.advance(HOUR);
    return { id, registeredAt, renamedAt, taggedAt };
  }

  it('lists each change of a contact newest first: who, when, which fact and what changed', async () => {
    const { id, registeredAt, renamedAt, taggedAt } = await contactChangedTwice();
    const res = await t.call({ url: `/contacts/${id}/history` });
    expect(res.statusCode).toBe(200);
    const { items, nextCursor } = res.json();
    expect(nextCursor).toBeNull();
    expect(items.map((e: { version: number }) => e.version)).toEqual([3, 2, 1]);
    expect(items.map((e: { at: string; actor: string }) => [e.at, e.actor])).toEqual([
      [taggedAt, 'manager-2'],
      [renamedAt, 'user-1'],
      [registeredAt, 'user-1'],
    ]);
    expect(items[0].changes).toEqual([{ path: 'tags', from: [], to: ['vip'] }]);
    expect(items[1].changes).toEqual(
      expect.arrayContaining([
        { path: 'name.family', from: 'Byron', to: 'Lovelace' },
        { path: 'displayName', from: 'Ada Byron', to: 'Ada Lovelace' },
      ]),
    );
    expect(items[2].changes).toContainEqual({ path: 'name.given', from: null, to: 'Ada' });
    expect(items.every((e: { event: string }) => /^Contact/.test(e.event))).toBe(true);
  });

  it('pages with a cursor made for that record only', async () => {
    const { id } = await contactChangedTwice();
    const first = (await t.call({ url: `/contacts/${id}/history?limit=2` })).json();
    expect(first.items.map((e: { version: number }) => e.version)).toEqual([3, 2]);
    const second = await t.call({
      url: `/contacts/${id}/history?limit=2&cursor=${first.nextCursor}`,
    });
    expect(second.json()).toMatchObject({ items: [{ version: 1 }], nextCursor: null });
    const other = (await contactChangedTwice()).id;
    const foreign = await t.call({ url: `/contacts/${other}/history?cursor=${first.nextCursor}` });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
  });

  it('reads the contact as it stood between the changes; 404 before it existed, 400 naming a bad asOf', async () => {
    const { id, registeredAt, renamedAt, taggedAt } = await contactChangedTwice();
    const between = new Date(Date.parse(taggedAt) - 1).toISOString();
    const middle = await t.call({ url: `/contacts/${id}?asOf=${encodeURIComponent(between)}` });
    expect(middle.statusCode).toBe(200);
    expect(middle.json()).toMatchObject({
      id,
      version: 2,
      name: { given: 'Ada', family: 'Lovelace' },
      tags: [],
    });
    const first = await t.call({
      url: `/contacts/${id}?asOf=${encodeURIComponent(renamedAt.replace('Z', '+00:00'))}`,
    });
    expect(first.json()).toMatchObject({ version: 2 });
    const before = new Date(Date.parse(registeredAt) - 1).toISOString();
    expect((await t.call({ url: `/contacts/${id}?asOf=${before}` })).statusCode).toBe(404);
    const bad = await t.call({ url: `/contacts/${id}?asOf=2026-02-30T10:00:00Z` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'asOf' })]);
    // Without asOf, the GET is what it was: the current version.
    expect((await t.call({ url: `/contacts/${id}` })).json()).toMatchObject({ version: 3 });
  });

  it('after an erase, the history and past states show the personal data as erased', async () => {
    const { id, renamedAt } = await contactChangedTwice();
    const personal = /Lovelace|Byron|ada@example\.com/;
    // Positive control: before the erase the same reads show the person.
    expect((await t.call({ url: `/contacts/${id}/history` })).body).toMatch(personal);
    expect((await t.call({ url: `/contacts/${id}?asOf=${renamedAt}` })).body).toMatch(personal);
    const erased = await t.call({ method: 'POST', url: `/contacts/${id}/erase`, roles: ['admin'] });
    expect(erased.statusCode).toBe(200);

    const res = await t.call({ url: `/contacts/${id}/history` });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toMatch(personal);
    const { items } = res.json();
    expect(items).toHaveLength(4);
    expect(items[0]).toMatchObject({ version: 4, actor: 'user-1' });
    expect(items[0].changes).toContainEqual({ path: 'status', from: 'active', to: 'erased' });
    // The registration still shows the non-personal facts it recorded.
    expect(items[3].changes).toContainEqual({ path: 'status', from: null, to: 'active' });
    const past = await t.call({ url: `/contacts/${id}?asOf=${renamedAt}` });
    expect(past.statusCode).toBe(200);
    expect(past.json()).toMatchObject({ id, version: 2, status: 'active', emails: [] });
    expect(past.body).not.toMatch(personal);
  });

  it('a company: its changes and its state as of an instant', async () => {
    const created = await t.call({ method: 'POST', url: '/companies', payload: { name: 'Acme' } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    clock.advance(HOUR);
    await t.call({ method: 'PATCH', url: `/companies/${id}`, payload: { industry: 'Anvils' } });
    const middle = clock.now().toISOString();
    clock.advance(HOUR);
    await t.call({
      method: 'PATCH',
      url: `/companies/${id}`,
      payload: { name: 'Acme Corp' },
      ...manager,
    });
    const { items } = (await t.call({ url: `/companies/${id}/history` })).json();
    expect(items.map((e: { actor: string }) => e.actor)).toEqual(['manager-2', 'user-1', 'user-1']);
    expect(items[0].changes).toEqual([{ path: 'name', from: 'Acme', to: 'Acme Corp' }]);
    expect(items[1].changes).toEqual([{ path: 'industry', from: null, to: 'Anvils' }]);
    const past = await t.call({ url: `/companies/${id}?asOf=${middle}` });
    expect(past.json()).toMatchObject({ name: 'Acme', industry: 'Anvils', version: 2 });
  });

  it('serves the roles of the record GET: a customer is refused, an analyst reads', async () => {
    const { id } = await contactChangedTwice();
    for (const url of [
      `/contacts/${id}/history`,
      `/contacts/${id}?asOf=${clock.now().toISOString()}`,
    ]) {
      expect((await t.call({ url, roles: ['customer'], sub: id })).statusCode).toBe(403);
      expect((await t.call({ url, roles: ['analyst'] })).statusCode).toBe(200);
    }
  });

  it('404 for the history of a contact that does not exist', async () => {
    const res = await t.call({ url: `/contacts/00000000-0000-4000-8000-000000000000/history` });
    expect(res.statusCode).toBe(404);
  });
});
