/**
 * Templates over HTTP on a real database: save refused for an unknown variable (422 naming it),
 * versions, If-Match, previews for audience contacts (an HTML-hostile name stays text; SMS
 * counts), tenant isolation with its positive control, and roles.
 */
import { ManualClock, PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { audienceDdl } from '../segments/rules/audience-tables';
import { startCampaignsTestApp, type CampaignsTestApp } from '../testing/campaigns-test-app';

const clock = new ManualClock('2026-09-15T12:00:00Z');
const marketer = { tenant: 'tpl-a', sub: 'mia', roles: ['marketer' as const] };
const analyst = { tenant: 'tpl-a', sub: 'ann', roles: ['analyst' as const] };
const customer = { tenant: 'tpl-a', sub: 'cus', roles: ['customer' as const] };
const otherTenant = { tenant: 'tpl-b', sub: 'bob', roles: ['marketer' as const] };

const serviceEmail = {
  channel: 'email',
  name: 'Service plan',
  subject: 'Your {{ offer.family }}, {{ contact.displayName }}',
  html: '<p>Hello {{ contact.displayName }},</p><p><a href="{{ offer.url | track }}">{{ offer.name }}</a> for {{ offer.price.formatted }}</p><p>Level: {{ contact.customFields.loyalty | default: "none" }}</p>',
};

describe('templates (e2e)', () => {
  let t: CampaignsTestApp;
  let pool: Pool;

  const contact = (tenant: string, id: string, displayName: string, customFields: object = {}) =>
    pool.query(
      `INSERT INTO campaigns.audience_contacts (tenant, contact_id, display_name, email, phone, custom_fields)
       VALUES ($1, $2, $3, $4, '+4915112345678', $5)`,
      [tenant, id, displayName, `${id}@example.com`, JSON.stringify(customFields)],
    );
  const create = async (body: object, as: object = marketer) => {
    const res = await t.request('POST', '/templates', { as, body });
    expect(res.status).toBe(201);
    return res.body as { id: string; version: number };
  };

  beforeAll(async () => {
    t = await startCampaignsTestApp({}, { clock });
    pool = t.app.get(PG_POOL);
    await pool.query(audienceDdl());
    await contact('tpl-a', 'c-hostile', '<img src=x onerror=alert(1)> & "Mallory"', {
      loyalty: 'gold',
    });
    await contact('tpl-a', 'c-lucja', 'Łucja');
    await contact('tpl-b', 'c-bob', 'Bob');
  });
  afterAll(() => t?.close());

  it('refuses a template naming an unknown variable: 422 naming the field and the variable, nothing saved', async () => {
    const res = await t.request('POST', '/templates', {
      as: marketer,
      body: {
        ...serviceEmail,
        html: '<p>Dear {{ contact.firstName }}</p>\n<p>{{ offer.colour }}</p>',
      },
    });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body).toMatchObject({ type: '/problems/invalid-template' });
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        field: 'html',
        variable: 'contact.firstName',
        line: 1,
        column: 12,
      }),
      expect.objectContaining({ field: 'html', variable: 'offer.colour', line: 2, column: 7 }),
    ]);
    const broken = await t.request('POST', '/templates', {
      as: marketer,
      body: { channel: 'sms', name: 'x', text: 'Hi {% if contact.id %}' },
    });
    expect(broken.status).toBe(422);
    expect(broken.body.errors).toEqual([
      expect.objectContaining({ field: 'text', line: 1, column: 4 }),
    ]);
    const list = await t.request('GET', '/templates', { as: marketer });
    expect(list.body.items).toEqual([]);
  });

  it('creates, reads, versions and pins: each content change is the next version, If-Match guards it', async () => {
    const { id } = await create(serviceEmail);
    const got = await t.request('GET', `/templates/${id}`, { as: analyst });
    expect(got.status).toBe(200);
    expect(got.headers.etag).toBe('"1"');
    expect(got.body).toMatchObject({
      id,
      channel: 'email',
      status: 'active',
      currentVersion: 1,
      variables: expect.arrayContaining([
        'contact.displayName',
        'offer.url',
        'contact.customFields.loyalty',
      ]),
    });

    const stale = await t.request('PATCH', `/templates/${id}`, {
      as: marketer,
      headers: { 'if-match': '"7"' },
      body: { subject: 'New' },
    });
    expect(stale.status).toBe(412);
    const revised = await t.request('PATCH', `/templates/${id}`, {
      as: marketer,
      headers: { 'if-match': '"1"' },
      body: { subject: 'New for {{ contact.displayName }}', name: 'Service plan v2' },
    });
    expect(revised.status).toBe(200);
    expect(revised.headers.etag).toBe('"3"');
    expect(revised.body).toMatchObject({
      currentVersion: 2,
      name: 'Service plan v2',
      subject: 'New for {{ contact.displayName }}',
    });
    // A bad revision saves nothing, not the rename beside it.
    const bad = await t.request('PATCH', `/templates/${id}`, {
      as: marketer,
      body: { name: 'Renamed', html: '{{ tenant.secret }}' },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toMatchObject({ field: 'html', variable: 'tenant.secret' });

    const v1 = await t.request('GET', `/templates/${id}/versions/1`, { as: analyst });
    expect(v1.body).toMatchObject({ templateId: id, number: 1, subject: serviceEmail.subject });
    const v2 = await t.request('GET', `/templates/${id}/versions/2`, { as: analyst });
    expect(v2.body).toMatchObject({ number: 2, subject: 'New for {{ contact.displayName }}' });
    expect((await t.request('GET', `/templates/${id}/versions/3`, { as: analyst })).status).toBe(
      404,
    );
    expect(
      (await t.request('GET', `/templates/${id}/versions/zero`, { as: analyst })).body.errors,
    ).toEqual([expect.objectContaining({ field: 'n' })]);

    // The pinned version renders as it was.
    const pinned = await t.request('POST', `/templates/${id}/preview`, {
      as: analyst,
      body: { contactId: 'c-lucja', version: 1 },
    });
    expect(pinned.body.subject).toBe('Your Services, Łucja');

    const archived = await t.request('POST', `/templates/${id}/archive`, { as: marketer });
    expect(archived.body).toMatchObject({ status: 'archived' });
    const afterArchive = await t.request('PATCH', `/templates/${id}`, {
      as: marketer,
      body: { name: 'x' },
    });
    expect(afterArchive.status).toBe(409);
  });

  it('previews for a contact: a hostile name is escaped in the HTML, the text part is generated', async () => {
    const { id } = await create(serviceEmail);
    const res = await t.request('POST', `/templates/${id}/preview`, {
      as: analyst,
      body: {
        contactId: 'c-hostile',
        offer: {
          name: 'Plan',
          family: 'Services',
          url: 'https://shop.example.com/p?a=1&b=2',
          price: { amount: '19.90', currency: 'EUR' },
        },
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.html).toBe(
      '<p>Hello &lt;img src=x onerror=alert(1)&gt; &amp; &#34;Mallory&#34;,</p><p><a href="https://shop.example.com/p?a=1&amp;b=2">Plan</a> for €19.90</p><p>Level: gold</p>',
    );
    expect(res.body.html).not.toContain('<img');
    expect(res.body.subject).toBe('Your Services, <img src=x onerror=alert(1)> & "Mallory"');
    expect(res.body.text).toContain('Hello <img src=x onerror=alert(1)> & "Mallory",');
    expect(res.body.text).toContain('Plan [https://shop.example.com/p?a=1&b=2] for €19.90');
    const unknown = await t.request('POST', `/templates/${id}/preview`, {
      as: analyst,
      body: { contactId: 'c-nobody' },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ type: '/problems/preview-contact-not-found' });
  });

  it('counts an SMS on the raw template and on the render', async () => {
    const sms = await t.request('POST', '/templates', {
      as: marketer,
      body: {
        channel: 'sms',
        name: 'Reminder',
        text: 'Hi {{ contact.displayName }}, your {{ offer.name }} is ready [5€]',
      },
    });
    expect(sms.status).toBe(201);
    // The raw text: 65 characters, eleven of them from the extension table (the Liquid braces
    // {{ }} as well as [, ] and €): 76 septets. The render is what will be sent.
    expect(sms.body.sms).toEqual({ encoding: 'GSM-7', length: 76, segments: 1 });
    const ada = await t.request('POST', `/templates/${sms.body.id}/preview`, {
      as: marketer,
      body: { contactId: 'c-hostile', offer: { name: 'plan' } },
    });
    expect(ada.body).toMatchObject({ channel: 'sms', encoding: 'GSM-7', segments: 1 });
    const lucja = await t.request('POST', `/templates/${sms.body.id}/preview`, {
      as: marketer,
      body: {
        contactId: 'c-lucja',
        offer: { name: 'service plan for the whole family and the car you bought in May' },
      },
    });
    expect(lucja.body).toMatchObject({
      text: 'Hi Łucja, your service plan for the whole family and the car you bought in May is ready [5€]',
      encoding: 'UCS-2',
      length: 92,
      segments: 2,
    });
  });

  it('previews an unsaved draft: checked like a save, rendered with the examples or a contact', async () => {
    const examples = await t.request('POST', '/templates/preview', {
      as: analyst,
      body: {
        channel: 'sms',
        name: 'draft',
        text: '{{ contact.displayName }} / {{ offer.price.formatted }} / {{ tenant.name }}',
      },
    });
    expect(examples.status).toBe(200);
    expect(examples.body).toMatchObject({
      text: 'Ada Lovelace / €199.00 / tpl-a',
      encoding: 'GSM-7',
    });
    const forContact = await t.request('POST', '/templates/preview', {
      as: analyst,
      body: {
        channel: 'sms',
        name: 'draft',
        text: 'Hi {{ contact.displayName }}',
        contactId: 'c-lucja',
      },
    });
    expect(forContact.body).toMatchObject({ text: 'Hi Łucja', encoding: 'UCS-2', length: 8 });
    const invalid = await t.request('POST', '/templates/preview', {
      as: analyst,
      body: { channel: 'email', name: 'draft', subject: '{{ contact.nickname }}', html: 'x' },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors).toEqual([
      expect.objectContaining({ field: 'subject', variable: 'contact.nickname' }),
    ]);
    const slow = await t.request('POST', '/templates/preview', {
      as: analyst,
      body: {
        channel: 'sms',
        name: 'd',
        text: '{% for i in (1..3000) %}{% for j in (1..3000) %}{% endfor %}{% endfor %}',
      },
    });
    expect(slow.status).toBe(422);
    expect(slow.body).toMatchObject({ type: '/problems/template-render-failed' });
  });

  it("keeps tenants apart: another tenant's template and contact are unknown, its own are found", async () => {
    const { id } = await create({
      channel: 'sms',
      name: 'Mine',
      text: 'Hi {{ contact.displayName }}',
    });
    // Positive control: the owner reads and previews for its own contact.
    expect((await t.request('GET', `/templates/${id}`, { as: marketer })).status).toBe(200);
    const own = await t.request('POST', `/templates/${id}/preview`, {
      as: marketer,
      body: { contactId: 'c-lucja' },
    });
    expect(own.body.text).toBe('Hi Łucja');
    // tpl-b sees none of it.
    expect((await t.request('GET', `/templates/${id}`, { as: otherTenant })).status).toBe(404);
    expect(
      (await t.request('GET', `/templates/${id}/versions/1`, { as: otherTenant })).status,
    ).toBe(404);
    expect(
      (await t.request('PATCH', `/templates/${id}`, { as: otherTenant, body: { name: 'x' } }))
        .status,
    ).toBe(404);
    expect(
      (
        await t.request('POST', `/templates/${id}/preview`, {
          as: otherTenant,
          body: { contactId: 'c-bob' },
        })
      ).status,
    ).toBe(404);
    const list = await t.request('GET', '/templates', { as: otherTenant });
    expect(list.body.items).toEqual([]);
    // tpl-a cannot preview for tpl-b's contact; tpl-b can (positive control).
    const theirs = await t.request('POST', `/templates/${id}/preview`, {
      as: marketer,
      body: { contactId: 'c-bob' },
    });
    expect(theirs.status).toBe(404);
    const bobs = await t.request('POST', '/templates/preview', {
      as: otherTenant,
      body: { channel: 'sms', name: 'd', text: 'Hi {{ contact.displayName }}', contactId: 'c-bob' },
    });
    expect(bobs.body.text).toBe('Hi Bob');
  });

  it('lists in keyset pages filtered by channel, and refuses writes to readers and reads to customers', async () => {
    const page1 = await t.request('GET', '/templates?channel=sms&sort=name&limit=1', {
      as: analyst,
    });
    expect(page1.status).toBe(200);
    expect(page1.body.items).toHaveLength(1);
    expect(page1.body.nextCursor).toEqual(expect.any(String));
    const page2 = await t.request(
      'GET',
      `/templates?channel=sms&sort=name&limit=1&cursor=${encodeURIComponent(page1.body.nextCursor)}`,
      { as: analyst },
    );
    expect(page2.body.items).toHaveLength(1);
    expect(page2.body.items[0].name > page1.body.items[0].name).toBe(true);
    expect(
      (await t.request('GET', '/templates?channel=email', { as: analyst })).body.items.every(
        (i: { channel: string }) => i.channel === 'email',
      ),
    ).toBe(true);
    expect(
      (await t.request('POST', '/templates', { as: analyst, body: serviceEmail })).status,
    ).toBe(403);
    expect((await t.request('GET', '/templates', { as: customer })).status).toBe(403);
    expect(
      (await t.request('GET', '/templates/variables', { as: analyst })).body.variables,
    ).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'contact.customFields.<key>' })]),
    );
  });
  it('replays a create sent twice with the same Idempotency-Key; another body under it is a 422', async () => {
    const headers = { 'idempotency-key': 'template-once-1' };
    const body = { channel: 'sms', name: 'Once', text: 'Hi {{ contact.displayName }}' };
    const first = await t.request('POST', '/templates', { as: marketer, body, headers });
    const again = await t.request('POST', '/templates', { as: marketer, body, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    const other = await t.request('POST', '/templates', {
      as: marketer,
      body: { ...body, name: 'Twice' },
      headers,
    });
    expect(other.status).toBe(422);
    const named = await t.request('GET', '/templates?q=once', { as: marketer });
    expect(named.body.items).toHaveLength(1);
  });
});
