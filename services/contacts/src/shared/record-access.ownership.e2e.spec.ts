/**
 * Record-level access in contacts (issue 12; policy in README "Access", one mechanism in
 * @crm/platform record-access.ts): every write on a contact rep-2 owns or a company rep-2
 * registered is refused to rep-1 and to a manager of another team with 403 NotYourRecord, leaves
 * the record as it was, and succeeds for a positive control (rep-2, rep-2's manager, an admin or
 * a marketer, whose role is tenant-wide).
 */
import type { Role } from '@crm/platform';
import fc from 'fast-check';
import {
  startContactsTestApp,
  type ContactsTestApp,
  type HttpResponse,
} from '../testing/contacts-test-app';

interface Caller {
  readonly sub: string;
  readonly roles?: Role[];
  readonly team?: string[];
}
const rep1: Caller = { sub: 'rep-1' };
const rep2: Caller = { sub: 'rep-2' };
const rep2sManager: Caller = { roles: ['sales-manager'], sub: 'boss', team: ['rep-2'] };
const otherTeamsManager: Caller = { roles: ['sales-manager'], sub: 'boss-2', team: ['rep-3'] };
const admin: Caller = { roles: ['admin'], sub: 'root' };
const marketer: Caller = { roles: ['marketer'], sub: 'campaigns' };

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface WriteCase {
  readonly endpoint: string;
  readonly record: 'contact' | 'company';
  readonly positive: Caller;
  readonly arrange: () => Promise<{ method: Method; url: string; body?: unknown; readUrl: string }>;
}

describe('record-level access in contacts (ownership e2e)', () => {
  let t: ContactsTestApp;
  const as = (caller: Caller, method: Method, url: string, payload?: unknown) =>
    t.call({ method, url, ...caller, ...(payload !== undefined ? { payload } : {}) });
  const ok = (res: HttpResponse, what: string) => {
    if (res.statusCode !== 200 && res.statusCode !== 201)
      throw new Error(`${what}: ${res.statusCode} ${res.body}`);
    return res.json();
  };

  /** A contact rep-2 owns, with one of everything a write can remove. */
  const contactOfRep2 = async () =>
    ok(
      await as(rep2, 'POST', '/contacts', {
        name: { given: 'Ada', family: 'Lovelace' },
        ownerId: 'rep-2',
        emails: [{ address: 'ada@example.com' }],
        phones: [{ number: '+4930123456' }],
        addresses: [{ lines: ['1 Engine Row'], city: 'London', country: 'GB' }],
        tags: ['vip'],
      }),
      'contact',
    ) as { id: string; addresses: { addressId: string }[] };
  const companyOfRep2 = async () =>
    ok(
      await as(rep2, 'POST', '/companies', {
        name: 'Analytical Engines Ltd',
        addresses: [{ lines: ['2 Engine Row'], city: 'London', country: 'GB' }],
      }),
      'company',
    ) as { id: string; addresses: { addressId: string }[] };

  beforeAll(async () => {
    t = await startContactsTestApp();
    ok(
      await as(admin, 'POST', '/custom-fields', {
        key: 'tier',
        label: 'Tier',
        type: 'single-select',
        options: ['gold', 'silver'],
      }),
      'custom field',
    );
  });
  afterAll(() => t?.close());

  const onContact = (
    method: Method,
    path: (c: { id: string; addresses: { addressId: string }[] }) => string,
    body: unknown,
    positive: Caller,
    before?: (id: string) => Promise<unknown>,
  ): Omit<WriteCase, 'endpoint'> => ({
    record: 'contact',
    positive,
    arrange: async () => {
      const contact = await contactOfRep2();
      await before?.(contact.id);
      return { method, url: path(contact), body, readUrl: `/contacts/${contact.id}` };
    },
  });
  const onCompany = (
    method: Method,
    path: (c: { id: string; addresses: { addressId: string }[] }) => string,
    body: unknown,
    positive: Caller,
  ): Omit<WriteCase, 'endpoint'> => ({
    record: 'company',
    positive,
    arrange: async () => {
      const company = await companyOfRep2();
      return { method, url: path(company), body, readUrl: `/companies/${company.id}` };
    },
  });

  const cases: WriteCase[] = [
    {
      endpoint: 'PATCH /contacts/:id (re-own)',
      ...onContact('PATCH', (c) => `/contacts/${c.id}`, { ownerId: 'rep-1' }, rep2sManager),
    },
    {
      endpoint: 'PATCH /contacts/:id (edit)',
      ...onContact('PATCH', (c) => `/contacts/${c.id}`, { name: { given: 'Augusta Ada' } }, rep2),
    },
    {
      endpoint: 'DELETE /contacts/:id',
      ...onContact('DELETE', (c) => `/contacts/${c.id}`, undefined, admin),
    },
    {
      endpoint: 'POST /contacts/:id/archive',
      ...onContact('POST', (c) => `/contacts/${c.id}/archive`, { reason: 'left' }, rep2),
    },
    {
      endpoint: 'POST /contacts/:id/restore',
      ...onContact(
        'POST',
        (c) => `/contacts/${c.id}/restore`,
        undefined,
        rep2,
        async (id) => ok(await as(rep2, 'POST', `/contacts/${id}/archive`, {}), 'archive'),
      ),
    },
    {
      endpoint: 'POST /contacts/:id/emails',
      ...onContact(
        'POST',
        (c) => `/contacts/${c.id}/emails`,
        { address: 'ada@work.example' },
        marketer,
      ),
    },
    {
      endpoint: 'DELETE /contacts/:id/emails/:address',
      ...onContact('DELETE', (c) => `/contacts/${c.id}/emails/ada@example.com`, undefined, rep2),
    },
    {
      endpoint: 'POST /contacts/:id/phones',
      ...onContact('POST', (c) => `/contacts/${c.id}/phones`, { number: '+4930654321' }, rep2),
    },
    {
      endpoint: 'DELETE /contacts/:id/phones/:number',
      ...onContact(
        'DELETE',
        (c) => `/contacts/${c.id}/phones/${encodeURIComponent('+4930123456')}`,
        undefined,
        rep2sManager,
      ),
    },
    {
      endpoint: 'POST /contacts/:id/addresses',
      ...onContact(
        'POST',
        (c) => `/contacts/${c.id}/addresses`,
        { lines: ['3 Engine Row'], city: 'London', country: 'GB' },
        rep2,
      ),
    },
    {
      endpoint: 'DELETE /contacts/:id/addresses/:addressId',
      ...onContact(
        'DELETE',
        (c) => `/contacts/${c.id}/addresses/${c.addresses[0]!.addressId}`,
        undefined,
        admin,
      ),
    },
    {
      endpoint: 'POST /contacts/:id/tags',
      ...onContact('POST', (c) => `/contacts/${c.id}/tags`, { tags: ['newsletter'] }, rep2),
    },
    {
      endpoint: 'DELETE /contacts/:id/tags/:tag',
      ...onContact('DELETE', (c) => `/contacts/${c.id}/tags/vip`, undefined, rep2),
    },
    {
      endpoint: 'PATCH /contacts/:id/custom-fields',
      ...onContact(
        'PATCH',
        (c) => `/contacts/${c.id}/custom-fields`,
        { values: { tier: 'gold' } },
        rep2sManager,
      ),
    },
    {
      endpoint: 'PATCH /companies/:id',
      ...onCompany('PATCH', (c) => `/companies/${c.id}`, { industry: 'Computing' }, rep2),
    },
    {
      endpoint: 'DELETE /companies/:id (archive)',
      ...onCompany('DELETE', (c) => `/companies/${c.id}`, undefined, rep2sManager),
    },
    {
      endpoint: 'POST /companies/:id/addresses',
      ...onCompany(
        'POST',
        (c) => `/companies/${c.id}/addresses`,
        { lines: ['4 Engine Row'], city: 'London', country: 'GB' },
        admin,
      ),
    },
    {
      endpoint: 'DELETE /companies/:id/addresses/:addressId',
      ...onCompany(
        'DELETE',
        (c) => `/companies/${c.id}/addresses/${c.addresses[0]!.addressId}`,
        undefined,
        rep2,
      ),
    },
  ];

  it.each(cases.map((c) => [c.endpoint, c] as const))(
    '%s: refused to rep-1 and another team’s manager with 403 NotYourRecord, nothing changes; the positive control succeeds',
    async (_endpoint, c) => {
      const { method, url, body, readUrl } = await c.arrange();
      const before = ok(await as(admin, 'GET', readUrl), 'read before');

      for (const intruder of [rep1, otherTeamsManager]) {
        const refused = await as(intruder, method, url, body);
        expect({ as: intruder.sub, status: refused.statusCode }).toEqual({
          as: intruder.sub,
          status: 403,
        });
        expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(refused.json()).toMatchObject({
          type: expect.stringMatching(/\/problems\/not-your-record$/),
          status: 403,
          record: c.record,
        });
      }
      // The version comes from the log (GET folds the stream); the read-model extras may still move.
      expect(ok(await as(admin, 'GET', readUrl), 'read after refusals').version).toBe(
        before.version,
      );

      const allowed = await as(c.positive, method, url, body);
      const succeeded = [200, 201, 204].includes(allowed.statusCode);
      expect({ as: c.positive.sub, succeeded, answer: allowed.body }).toMatchObject({
        as: c.positive.sub,
        succeeded: true,
      });
      expect(ok(await as(admin, 'GET', readUrl), 'read after').version).toBeGreaterThan(
        before.version,
      );
    },
  );

  // Ownership mutations: random writers (any mix of the writer roles, any sub, with or without a
  // team claim) on a random endpoint's fresh record of rep-2. The oracle restates README's table.
  it('random callers on random endpoints: exactly the ones the policy allows succeed, the rest get NotYourRecord', async () => {
    const mayChange = (caller: Caller) => {
      const roles = caller.roles ?? [];
      const led =
        caller.team === undefined || caller.team.includes('rep-2') || caller.sub === 'rep-2';
      return (
        roles.some((r) => r === 'admin' || r === 'marketer' || r === 'integrator') ||
        (roles.includes('sales-manager') && led) ||
        (roles.includes('sales-rep') && caller.sub === 'rep-2')
      );
    };
    const callers = fc.record({
      sub: fc.constantFrom('rep-1', 'rep-2', 'rep-3', 'boss'),
      roles: fc.subarray(
        ['admin', 'sales-manager', 'sales-rep', 'marketer', 'integrator'] as const,
        {
          minLength: 1,
        },
      ),
      team: fc.option(fc.subarray(['rep-1', 'rep-2', 'rep-3']), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(callers, fc.constantFrom(...cases), async (generated, c) => {
        const caller: Caller = {
          sub: generated.sub,
          roles: [...generated.roles],
          ...(generated.team ? { team: generated.team } : {}),
        };
        const { method, url, body } = await c.arrange();
        const res = await as(caller, method, url, body);
        if (mayChange(caller)) {
          const succeeded = [200, 201, 204].includes(res.statusCode);
          expect({ endpoint: c.endpoint, caller, succeeded, answer: res.body }).toMatchObject({
            succeeded: true,
          });
        } else {
          expect({
            endpoint: c.endpoint,
            caller,
            status: res.statusCode,
            answer: res.json(),
          }).toMatchObject({
            status: 403,
            answer: { type: expect.stringMatching(/\/problems\/not-your-record$/) },
          });
        }
      }),
      { numRuns: 25 },
    );
  }, 180_000);

  it('a contact nobody owns is open to every writer; a company registered by rep-2 is owned by rep-2', async () => {
    const unowned = ok(
      await as(rep2, 'POST', '/contacts', { name: { given: 'Unassigned' } }),
      'contact',
    );
    expect(unowned.ownerId).toBeUndefined();
    expect(
      (await as(rep1, 'POST', `/contacts/${unowned.id}/tags`, { tags: ['seen'] })).statusCode,
    ).toBe(200);
    const company = await companyOfRep2();
    expect(
      (await as(rep1, 'PATCH', `/companies/${company.id}`, { industry: 'Looms' })).statusCode,
    ).toBe(403);
  });

  it("reads stay open: rep-1 reads rep-2's contact and company", async () => {
    expect((await as(rep1, 'GET', `/contacts/${(await contactOfRep2()).id}`)).statusCode).toBe(200);
    expect((await as(rep1, 'GET', `/companies/${(await companyOfRep2()).id}`)).statusCode).toBe(
      200,
    );
  });
});
