/**
 * Issue 12: `GET /activities` filtered by contact, deal and lead, newest first in signed keyset
 * pages, per tenant, for the sales readers only.
 */
import { ManualClock } from '@crm/platform';
import { feedContacts } from '../testing/contacts-feed';
import { CAR_PIPELINE } from '../testing/fixtures';
import { startSalesTestApp, type SalesTestApp } from '../testing/sales-test-app';

const clock = new ManualClock('2026-10-15T12:00:00Z');

describe('GET /activities (e2e)', () => {
  let t: SalesTestApp;
  // Activities name records the tenant has: a mirrored contact, a real deal and lead (o1, l1).
  const real: Record<string, string> = {};
  const withIds = (text: string) => text.replace(/\b(o1|l1)\b/g, (name) => real[name]);
  const subjects = async (query: string, as: object = {}): Promise<string[]> => {
    const res = await t.request('GET', `/activities?${withIds(query)}`, { as });
    expect(res.status).toBe(200);
    return res.body.items.map((a: { subject: string }) => a.subject);
  };

  beforeAll(async () => {
    t = await startSalesTestApp({}, { clock });
    await feedContacts(t, { contacts: [{ contactId: 'c1' }, { contactId: 'c2' }] });
    const manager = { roles: ['sales-manager' as const], sub: 'boss' };
    const pipelineId = (await t.request('POST', '/pipelines', { as: manager, body: CAR_PIPELINE }))
      .body.id;
    real.o1 = (
      await t.request('POST', '/opportunities', {
        body: {
          name: 'D',
          pipelineId,
          amountMinor: 1,
          currency: 'EUR',
          expectedCloseDate: '2027-01-01',
        },
      })
    ).body.id;
    real.l1 = (
      await t.request('POST', '/leads', { body: { source: 'manual', profile: { name: 'L' } } })
    ).body.id;
    const log = async (subject: string, links: Record<string, string>) =>
      expect(
        (
          await t.request('POST', '/activities', {
            body: {
              kind: 'task',
              subject,
              dueAt: '2026-10-20T09:00:00Z',
              ...Object.fromEntries(Object.entries(links).map(([k, v]) => [k, real[v] ?? v])),
            },
          })
        ).status,
      ).toBe(201);
    await log('a1', { contactId: 'c1', opportunityId: 'o1' });
    await log('a2', { contactId: 'c1' });
    await log('a3', { leadId: 'l1' });
    await log('a4', { opportunityId: 'o1', leadId: 'l1' });
    await log('a5', { contactId: 'c2' });
  });
  afterAll(() => t?.close());

  it.each([
    ['contactId=c1', ['a2', 'a1'], 'contactId=c9'],
    ['opportunityId=o1', ['a4', 'a1'], 'opportunityId=o9'],
    ['leadId=l1', ['a4', 'a3'], 'leadId=l9'],
    ['opportunityId=o1&leadId=l1', ['a4'], 'contactId=c1&leadId=l1'],
  ])('%s lists %j newest first; %s lists none', async (filter, expected, none) => {
    expect(await subjects(filter)).toEqual(expected);
    expect(await subjects(none)).toEqual([]);
  });

  it('pages through every activity exactly once; a tampered cursor is a 400 naming cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.request('GET', `/activities?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((a: { subject: string }) => a.subject));
      cursor = res.body.nextCursor;
      if (cursor) {
        const bad = await t.request('GET', `/activities?cursor=${cursor.slice(0, -2)}xx`);
        expect(bad.status).toBe(400);
        expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
      }
    } while (cursor);
    expect(seen).toEqual(['a5', 'a4', 'a3', 'a2', 'a1']);
  });

  it("tenant B sees none of tenant A's activities; a customer token is refused", async () => {
    expect(await subjects('', { tenant: 'tenant-a' })).toHaveLength(5);
    expect(await subjects('', { tenant: 'tenant-b' })).toEqual([]);
    expect(await subjects('contactId=c1', { tenant: 'tenant-b' })).toEqual([]);
    const customer = await t.request('GET', '/activities', {
      as: { roles: ['customer'], sub: 'cust-1' },
    });
    expect(customer.status).toBe(403);
  });
});
