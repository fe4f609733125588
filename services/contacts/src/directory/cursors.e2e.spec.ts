/**
 * Issue 12: a cursor the API did not hand out for this list and sort is a 400 naming `cursor`
 * (it used to reach SQL and fail a cast: 500). Real next-page cursors still page.
 */
import { ManualClock } from '@crm/platform';
import { startContactsTestApp, type ContactsTestApp } from '../testing/contacts-test-app';

const clock = new ManualClock('2026-06-15T12:00:00Z');
/** base64url of ["x","y"]: the shape of an old unsigned cursor, values no column casts. */
const FORGED = 'WyJ4IiwieSJd';

describe('list cursors are opaque and signed (e2e, real PostgreSQL)', () => {
  let t: ContactsTestApp;
  let contactId: string;

  const expectCursorRefused = async (url: string) => {
    const res = await t.call({ url });
    expect({ url, status: res.statusCode }).toEqual({ url, status: 400 });
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'cursor', message: expect.any(String) }),
    ]);
  };

  beforeAll(async () => {
    t = await startContactsTestApp({}, { clock });
    for (const given of ['Ada', 'Alan', 'Grace']) {
      const res = await t.call({
        method: 'POST',
        url: '/contacts',
        payload: { name: { given, family: 'Test' } },
      });
      expect(res.statusCode).toBe(201);
      contactId = res.json().id;
      clock.advance(1_000);
    }
    for (const day of ['01', '02', '03']) {
      const res = await t.call({
        method: 'POST',
        url: `/contacts/${contactId}/interactions`,
        payload: { kind: 'meeting', occurredAt: `2026-03-${day}T09:00:00Z`, subject: day },
      });
      expect(res.statusCode).toBe(201);
    }
    for (const name of ['Acme', 'Globex', 'Initech']) {
      const res = await t.call({ method: 'POST', url: '/companies', payload: { name } });
      expect(res.statusCode).toBe(201);
    }
  });
  afterAll(() => t?.close());

  it('refuses the reported forged cursor on contacts, companies and the timeline', async () => {
    await expectCursorRefused(`/contacts?cursor=${FORGED}`);
    await expectCursorRefused(`/contacts?sort=name&cursor=${FORGED}`);
    await expectCursorRefused(`/companies?cursor=${FORGED}`);
    await expectCursorRefused(`/contacts/${contactId}/timeline?cursor=${FORGED}`);
  });

  it('refuses a real cursor reused under another sort or on another list, or tampered with', async () => {
    const byCreated = (await t.call({ url: '/contacts?limit=1' })).json().nextCursor as string;
    expect(byCreated).toEqual(expect.any(String));
    await expectCursorRefused(`/contacts?sort=name&limit=1&cursor=${byCreated}`);
    await expectCursorRefused(`/contacts?sort=-updated&limit=1&cursor=${byCreated}`);
    await expectCursorRefused(`/companies?limit=1&cursor=${byCreated}`);
    await expectCursorRefused(`/contacts/${contactId}/timeline?cursor=${byCreated}`);
    const [body, mac] = byCreated.split('.');
    await expectCursorRefused(`/contacts?limit=1&cursor=${body}x.${mac}`);
  });

  it('pages with the cursors it hands out (positive control)', async () => {
    const names = async (url: string) => {
      const res = await t.call({ url });
      expect(res.statusCode).toBe(200);
      return res.json() as { items: Record<string, string>[]; nextCursor: string | null };
    };
    const first = await names('/contacts?sort=name&limit=2');
    const second = await names(`/contacts?sort=name&limit=2&cursor=${first.nextCursor}`);
    expect([...first.items, ...second.items].map((c) => c.displayName)).toEqual([
      'Ada Test',
      'Alan Test',
      'Grace Test',
    ]);

    const companies = await names('/companies?limit=2');
    const moreCompanies = await names(`/companies?limit=2&cursor=${companies.nextCursor}`);
    expect([...companies.items, ...moreCompanies.items].map((c) => c.name)).toEqual([
      'Acme',
      'Globex',
      'Initech',
    ]);

    const entries: Record<string, string>[] = [];
    let page = await names(`/contacts/${contactId}/timeline?limit=2`);
    entries.push(...page.items);
    for (let pages = 1; page.nextCursor && pages < 10; pages++) {
      page = await names(`/contacts/${contactId}/timeline?limit=2&cursor=${page.nextCursor}`);
      entries.push(...page.items);
    }
    expect(page.nextCursor).toBeNull();
    expect(entries.length).toBeGreaterThan(2);
    expect(entries.filter((e) => e.kind === 'meeting').map((e) => e.subject)).toEqual([
      '03',
      '02',
      '01',
    ]);
  });
});
