/**
 * Tenant B, with every role, reaches none of tenant A's data on any endpoint: reads are empty or
 * 404, writes are 404 and change nothing in tenant A. Every set-up write asserts its status and
 * every read first shows that tenant A DOES see the record, so a failed set-up cannot pass as
 * "tenant B sees nothing".
 */
import { ManualClock } from '@crm/platform';
import {
  startContactsTestApp,
  type CallOptions,
  type ContactsTestApp,
} from '../testing/contacts-test-app';

// Interactions must not lie in the future: the literal dates below are in the past of this
// pinned "now", whatever today's date is.
const clock = new ManualClock('2026-06-15T12:00:00Z');

describe('tenant isolation on every endpoint (e2e)', () => {
  let t: ContactsTestApp;
  let a: { contact: string; other: string; company: string };
  const A = { tenant: 'tenant-a', roles: ['admin' as const] };
  const B = { tenant: 'tenant-b', roles: ['admin' as const] };

  /** A set-up write in tenant A that must succeed with `status`; its body. */
  async function setUp(status: number, request: CallOptions): Promise<any> {
    const res = await t.call({ ...A, ...request });
    expect([request.method, request.url, res.statusCode]).toEqual([
      request.method,
      request.url,
      status,
    ]);
    return res.json();
  }

  beforeAll(async () => {
    t = await startContactsTestApp({}, { clock });
    const { id: contact } = await setUp(201, {
      method: 'POST',
      url: '/contacts',
      payload: {
        name: { given: 'Secret', family: 'Person' },
        emails: [{ address: 'secret@a.example' }],
      },
    });
    const { id: other } = await setUp(201, {
      method: 'POST',
      url: '/contacts',
      payload: {
        name: { given: 'Secret', family: 'Person' },
        emails: [{ address: 'secret@a.example' }, { address: 'x@a.example' }],
      },
    });
    const { id: company } = await setUp(201, {
      method: 'POST',
      url: '/companies',
      payload: { name: 'Secret Co' },
    });
    await setUp(200, {
      method: 'PUT',
      url: `/contacts/${contact}/consent/email`,
      payload: { status: 'granted', legalBasis: 'consent', source: 'form' },
    });
    await setUp(201, {
      method: 'POST',
      url: `/contacts/${contact}/interactions`,
      payload: { kind: 'note', occurredAt: '2026-01-01T00:00:00Z', subject: 'secret note' },
    });
    await setUp(200, {
      method: 'POST',
      url: '/custom-fields',
      payload: { key: 'secret_tier', label: 'Secret tier', type: 'text' },
    });
    const imported = await setUp(200, {
      method: 'PUT',
      url: '/contacts/imports/shared-id',
      headers: { 'content-type': 'text/csv' },
      payload: 'email\nimported@a.example\n',
    });
    expect(imported).toMatchObject({ created: 1 });
    a = { contact, other, company };
  });
  afterAll(() => t?.close());

  it('reads show tenant A its data and tenant B nothing of it', async () => {
    // [url, the list as tenant A sees it (must hold the record), the same list for tenant B]
    const lists: [string, (body: any) => unknown[]][] = [
      ['/contacts?status=all', (b) => b.items],
      ['/contacts/search?q=secret', (b) => b],
      ['/contacts/duplicates?minScore=0', (b) => b],
      [`/contacts/${a.contact}/timeline`, (b) => b.items],
      ['/companies', (b) => b.items],
      ['/custom-fields', (b) => b],
    ];
    for (const [url, itemsOf] of lists) {
      const seenByA = await t.call({ url, ...A });
      expect([url, seenByA.statusCode]).toEqual([url, 200]);
      expect([url, itemsOf(seenByA.json()).length > 0]).toEqual([url, true]);
      const seenByB = await t.call({ url, ...B });
      expect([url, seenByB.statusCode]).toEqual([url, 200]);
      expect([url, itemsOf(seenByB.json())]).toEqual([url, []]);
    }
    for (const url of [
      `/contacts/${a.contact}`,
      `/contacts/${a.contact}/consent`,
      `/contacts/${a.contact}/export`,
      `/companies/${a.company}`,
      '/contacts/imports/shared-id',
      '/contacts/imports/shared-id/rows',
    ]) {
      expect([url, (await t.call({ url, ...A })).statusCode]).toEqual([url, 200]);
      expect([url, (await t.call({ url, ...B })).statusCode]).toEqual([url, 404]);
    }
    const csvOfA = await t.call({ url: '/contacts/export?format=csv', ...A });
    expect(csvOfA.body).toMatch(/secret/i);
    expect(csvOfA.body).toMatch(/imported/i);
    const csvOfB = await t.call({ url: '/contacts/export?format=csv', ...B });
    expect(csvOfB.statusCode).toBe(200);
    expect(csvOfB.body).not.toMatch(/secret|imported/i);
    const me = { url: '/me', roles: ['customer' as const], sub: a.contact };
    expect((await t.call({ ...me, tenant: 'tenant-a' })).statusCode).toBe(200);
    expect((await t.call({ ...me, tenant: 'tenant-b' })).statusCode).toBe(404);
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
    // The same import id in tenant B is a different import (in tenant A it is a replay).
    const aImportAgain = await t.call({
      method: 'PUT',
      url: '/contacts/imports/shared-id',
      headers: { 'content-type': 'text/csv' },
      payload: 'email\nimported@a.example\n',
      ...A,
    });
    expect(aImportAgain.headers['idempotent-replay']).toBe('true');
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
