/**
 * Tenant B, with every role, reaches none of tenant A's data on any endpoint: reads are empty or
 * 404, writes are 404 and change nothing in tenant A.
 */
import { startContactsTestApp, type ContactsTestApp } from '../testing/contacts-test-app';

describe('tenant isolation on every endpoint (e2e)', () => {
  let t: ContactsTestApp;
  let a: { contact: string; other: string; company: string };
  const B = { tenant: 'tenant-b', roles: ['admin' as const] };

  beforeAll(async () => {
    t = await startContactsTestApp();
    const contact = (
      await t.call({
        method: 'POST',
        url: '/contacts',
        payload: {
          name: { given: 'Secret', family: 'Person' },
          emails: [{ address: 'secret@a.example' }],
        },
      })
    ).json().id;
    const other = (
      await t.call({
        method: 'POST',
        url: '/contacts',
        payload: {
          name: { given: 'Secret', family: 'Person' },
          emails: [{ address: 'secret@a.example' }, { address: 'x@a.example' }],
        },
      })
    ).json().id;
    const company = (
      await t.call({ method: 'POST', url: '/companies', payload: { name: 'Secret Co' } })
    ).json().id;
    await t.call({
      method: 'PUT',
      url: `/contacts/${contact}/consent/email`,
      payload: { status: 'granted', legalBasis: 'consent', source: 'form' },
    });
    await t.call({
      method: 'POST',
      url: `/contacts/${contact}/interactions`,
      payload: { kind: 'note', occurredAt: '2026-01-01T00:00:00Z', subject: 'secret note' },
    });
    await t.call({
      method: 'PUT',
      url: '/contacts/imports/shared-id',
      headers: { 'content-type': 'text/csv' },
      payload: 'email\nimported@a.example\n',
    });
    a = { contact, other, company };
  });
  afterAll(() => t?.close());

  it('reads show nothing of tenant A', async () => {
    const reads: [string, (body: any) => void][] = [
      ['/contacts?status=all', (b) => expect(b.items).toEqual([])],
      ['/contacts/search?q=secret', (b) => expect(b).toEqual([])],
      ['/contacts/duplicates?minScore=0', (b) => expect(b).toEqual([])],
      [`/contacts/${a.contact}/timeline`, (b) => expect(b.items).toEqual([])],
      ['/companies', (b) => expect(b.items).toEqual([])],
      ['/custom-fields', (b) => expect(b).toEqual([])],
    ];
    for (const [url, check] of reads) {
      const res = await t.call({ url, ...B });
      expect([url, res.statusCode]).toEqual([url, 200]);
      check(res.json());
    }
    for (const url of [
      `/contacts/${a.contact}`,
      `/contacts/${a.contact}/consent`,
      `/contacts/${a.contact}/export`,
      `/companies/${a.company}`,
      '/contacts/imports/shared-id',
      '/contacts/imports/shared-id/rows',
    ]) {
      expect([url, (await t.call({ url, ...B })).statusCode]).toEqual([url, 404]);
    }
    const csv = await t.call({ url: '/contacts/export?format=csv', ...B });
    expect(csv.body).not.toMatch(/secret|imported/i);
    expect(
      (await t.call({ url: '/me', tenant: 'tenant-b', roles: ['customer'], sub: a.contact }))
        .statusCode,
    ).toBe(404);
  });

  it('writes aimed at tenant A ids fail and leave tenant A untouched', async () => {
    const writes: [string, 'POST' | 'PATCH' | 'PUT' | 'DELETE', object | undefined][] = [
      [`/contacts/${a.contact}`, 'PATCH', { ownerId: 'intruder' }],
      [`/contacts/${a.contact}`, 'DELETE', undefined],
      [`/contacts/${a.contact}/emails`, 'POST', { address: 'intruder@b.example' }],
      [`/contacts/${a.contact}/tags`, 'POST', { tags: ['pwned'] }],
      [`/contacts/${a.contact}/consent/email`, 'PUT', { status: 'withdrawn', source: 'intruder' }],
      [
        `/contacts/${a.contact}/interactions`,
        'POST',
        { kind: 'note', occurredAt: '2026-01-01T00:00:00Z' },
      ],
      [`/contacts/${a.contact}/merge`, 'POST', { duplicateId: a.other }],
      [`/contacts/${a.contact}/erase`, 'POST', undefined],
      [`/companies/${a.company}`, 'PATCH', { name: 'Pwned' }],
    ];
    for (const [url, method, payload] of writes) {
      expect([method, url, (await t.call({ method, url, payload, ...B })).statusCode]).toEqual([
        method,
        url,
        404,
      ]);
    }
    const mine = (await t.call({ url: `/contacts/${a.contact}` })).json();
    expect(mine).toMatchObject({
      status: 'active',
      tags: [],
      emails: [{ address: 'secret@a.example' }],
    });
    expect(mine.ownerId).toBeUndefined();
    expect(
      (await t.call({ url: `/contacts/${a.contact}/consent` })).json().channels.email.status,
    ).toBe('granted');
    expect((await t.call({ url: `/contacts/${a.other}` })).statusCode).toBe(200);
    expect((await t.call({ url: `/companies/${a.company}` })).json().name).toBe('Secret Co');
    // The same import id in tenant B is a different import.
    const bImport = await t.call({
      method: 'PUT',
      url: '/contacts/imports/shared-id',
      headers: { 'content-type': 'text/csv' },
      payload: 'email\nb@b.example\n',
      ...B,
    });
    expect(bImport.headers['idempotent-replay']).toBeUndefined();
    expect(bImport.json()).toMatchObject({ created: 1 });
  });
});
