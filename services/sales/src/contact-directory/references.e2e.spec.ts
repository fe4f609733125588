/**
 * Issue 12: activities, orders and opportunities naming an unknown contact, company, deal or lead
 * (or another tenant's) answer 422 naming the field and append nothing. Contacts and companies
 * are known from sales' mirror of crm.contacts.v1, fed here through the real transport; a contact
 * registered a moment ago is waited for (SALES_REFERENCE_WAIT_MS), not refused.
 */
import { ContactErased, ContactMerged } from '@crm/contracts';
import { ManualClock } from '@crm/platform';
import { Client } from 'pg';
import { setUpPricedProduct } from '../testing/priced-product';
import { CAR_PIPELINE } from '../testing/fixtures';
import { feedContacts, sendContactsEvents, sendContactsFacts } from '../testing/contacts-feed';
import { startSalesTestApp, type SalesTestApp } from '../testing/sales-test-app';

const clock = new ManualClock('2026-06-15T12:00:00Z');
const WAIT_MS = 2_000;
const manager = { roles: ['sales-manager' as const], sub: 'boss' };
const acme = { sub: 'rep-1', tenant: 'tenant-a' };
const globex = { sub: 'rep-9', tenant: 'tenant-b' };
const inDays = (n: number) =>
  new Date(clock.now().getTime() + n * 86_400_000).toISOString().slice(0, 10);

describe('references are checked (e2e)', () => {
  let t: SalesTestApp;
  let db: Client;
  let pipelineId: string;
  let dealId: string;
  let leadId: string;
  let book: { productId: string; priceBookId: string };

  const eventCount = async () =>
    (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM sales.events')).rows[0].n;
  const activity = (body: object) => ({
    kind: 'task',
    subject: 'Follow up',
    dueAt: new Date(clock.now().getTime() + 86_400_000).toISOString(),
    ...body,
  });
  const deal = (body: object) => ({
    name: 'Roadster',
    pipelineId,
    amountMinor: 100,
    currency: 'EUR',
    expectedCloseDate: inDays(30),
    ...body,
  });
  const order = (body: object) => ({
    currency: 'EUR',
    priceBookId: book.priceBookId,
    taxRateBps: 1900,
    lines: [{ productId: book.productId, quantity: 1 }],
    ...body,
  });

  beforeAll(async () => {
    t = await startSalesTestApp({ SALES_REFERENCE_WAIT_MS: String(WAIT_MS) }, { clock });
    db = new Client({ connectionString: t.db.url });
    await db.connect();
    await feedContacts(t, {
      companies: [{ companyId: 'k-acme' }, { companyId: 'k-globex', tenant: 'tenant-b' }],
      contacts: [
        { contactId: 'c-ada', companyId: 'k-acme' },
        { contactId: 'c-erased' },
        { contactId: 'c-duplicate' },
        { contactId: 'c-survivor' },
        { contactId: 'c-globex', tenant: 'tenant-b' },
      ],
    });
    pipelineId = (await t.request('POST', '/pipelines', { as: manager, body: CAR_PIPELINE })).body
      .id;
    book = await setUpPricedProduct(t, { sku: 'MAT-1', name: 'Mats', amountMinor: 1_000 });
    dealId = (await t.request('POST', '/opportunities', { as: acme, body: deal({}) })).body.id;
    leadId = (
      await t.request('POST', '/leads', {
        as: acme,
        body: { source: 'manual', profile: { name: 'Ada' } },
      })
    ).body.id;
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  it('accepts what the tenant has: positive controls for every checked field', async () => {
    for (const [url, body] of [
      ['/activities', activity({ contactId: 'c-ada', opportunityId: dealId, leadId })],
      ['/opportunities', deal({ contactId: 'c-ada', companyId: 'k-acme' })],
      ['/orders', order({ contactId: 'c-ada', companyId: 'k-acme' })],
      // A company is known through a mirrored contact that works there, too.
      ['/orders', order({ companyId: 'k-acme' })],
    ] as const) {
      const res = await t.request('POST', url, { as: acme, body });
      expect([url, res.status, res.body.detail]).toEqual([url, 201, undefined]);
    }
  });

  it.each([
    ['/activities', { contactId: 'no-such-contact' }, 'contactId', 'unknown-contact'],
    ['/activities', { opportunityId: 'no-such-deal' }, 'opportunityId', 'unknown-opportunity'],
    ['/activities', { leadId: 'no-such-lead' }, 'leadId', 'unknown-lead'],
    ['/opportunities', { contactId: 'no-such-contact' }, 'contactId', 'unknown-contact'],
    ['/opportunities', { companyId: 'no-such-company' }, 'companyId', 'unknown-company'],
    ['/orders', { contactId: 'no-such-contact' }, 'contactId', 'unknown-contact'],
    ['/orders', { companyId: 'no-such-company' }, 'companyId', 'unknown-company'],
    // Another tenant's records are unknown here.
    ['/activities', { contactId: 'c-globex' }, 'contactId', 'unknown-contact'],
    ['/orders', { contactId: 'c-globex' }, 'contactId', 'unknown-contact'],
    ['/opportunities', { companyId: 'k-globex' }, 'companyId', 'unknown-company'],
  ])('POST %s naming %j: 422 naming %s, nothing appended', async (url, refs, field, type) => {
    const body =
      url === '/activities' ? activity(refs) : url === '/orders' ? order(refs) : deal(refs);
    const before = await eventCount();
    const started = Date.now();
    const res = await t.request('POST', url, { as: acme, body });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.type).toMatch(new RegExp(`/${type}$`));
    expect(JSON.stringify(res.body)).toContain(`"${field}"`);
    expect(await eventCount()).toBe(before);
    // Contacts and companies were waited for (the mirror may lag); deals and leads were not.
    if (field === 'contactId' || field === 'companyId')
      expect(Date.now() - started).toBeGreaterThanOrEqual(WAIT_MS - 100);
  });

  it("tenant B names its own contact (positive control) but not tenant A's", async () => {
    const own = await t.request('POST', '/activities', {
      as: globex,
      body: activity({ contactId: 'c-globex' }),
    });
    expect(own.status).toBe(201);
    const theirs = await t.request('POST', '/activities', {
      as: globex,
      body: activity({ contactId: 'c-ada' }),
    });
    expect(theirs.status).toBe(422);
    const dealOfA = await t.request('POST', '/activities', {
      as: globex,
      body: activity({ opportunityId: dealId }),
    });
    expect(dealOfA.status).toBe(422);
  });

  it("a quote names a deal of the tenant: unknown or another tenant's deal is a 422", async () => {
    const quote = (as: object) =>
      t.request('POST', '/quotes', {
        as,
        body: { opportunityId: dealId, taxRateBps: 1900, validUntil: inDays(14) },
      });
    const before = await eventCount();
    const theirs = await quote(globex);
    expect([theirs.status, theirs.body.type]).toEqual([
      422,
      expect.stringMatching(/unknown-opportunity$/),
    ]);
    expect(JSON.stringify(theirs.body)).toContain('"opportunityId"');
    const unknown = await t.request('POST', '/quotes', {
      as: acme,
      body: { opportunityId: 'no-such-deal', taxRateBps: 1900, validUntil: inDays(14) },
    });
    expect(unknown.status).toBe(422);
    expect(await eventCount()).toBe(before);
    expect((await quote(acme)).status).toBe(201);
  });

  it('a contact registered a moment ago is waited for, not refused', async () => {
    await sendContactsFacts(t, { contacts: [{ contactId: 'c-just-now' }] });
    const res = await t.request('POST', '/activities', {
      as: acme,
      body: activity({ contactId: 'c-just-now' }),
    });
    expect(res.status).toBe(201);
    expect(res.body.contactId).toBe('c-just-now');
  });

  it('an erased contact and a merged duplicate are refused, the merge naming its survivor', async () => {
    await sendContactsEvents(t, [
      {
        type: ContactErased.type,
        subject: 'c-erased',
        data: { contactId: 'c-erased', erasedAt: new Date().toISOString() },
      },
      {
        type: ContactMerged.type,
        subject: 'c-survivor',
        data: {
          survivorId: 'c-survivor',
          duplicateId: 'c-duplicate',
          mergedAt: new Date().toISOString(),
        },
      },
    ]);
    const post = (contactId: string) =>
      t.request('POST', '/activities', { as: acme, body: activity({ contactId }) });
    // The events reach the mirror asynchronously: look until both are in.
    const deadline = Date.now() + 20_000;
    let erased = await post('c-erased');
    let merged = await post('c-duplicate');
    while ((erased.status !== 422 || merged.status !== 422) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      erased = await post('c-erased');
      merged = await post('c-duplicate');
    }
    expect([erased.status, erased.body.type]).toEqual([
      422,
      expect.stringMatching(/contact-erased$/),
    ]);
    expect([merged.status, merged.body.survivorId]).toEqual([422, 'c-survivor']);
    expect((await post('c-survivor')).status).toBe(201);
  });

  it('the contact and company a lead conversion handed out are known at once', async () => {
    const lead = (
      await t.request('POST', '/leads', {
        as: acme,
        body: { source: 'manual', profile: { name: 'Grace', company: 'Navy' } },
      })
    ).body.id;
    await t.request('POST', `/leads/${lead}/work`, { as: acme, body: {} });
    await t.request('POST', `/leads/${lead}/qualify`, { as: acme });
    const converted = await t.request('POST', `/leads/${lead}/convert`, {
      as: acme,
      body: {
        opportunity: { pipelineId, amountMinor: 1, currency: 'EUR', expectedCloseDate: inDays(9) },
      },
    });
    expect(converted.status).toBe(200);
    const { contactId, companyId } = converted.body;
    const started = Date.now();
    const res = await t.request('POST', '/orders', {
      as: acme,
      body: order({ contactId, companyId }),
    });
    expect(res.status).toBe(201);
    expect(Date.now() - started).toBeLessThan(WAIT_MS);
  });
});
