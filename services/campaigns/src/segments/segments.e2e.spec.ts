/**
 * Segments over HTTP on a real database: CRUD with If-Match, the lifecycle, bad rules, static
 * uploads, the field catalogue and the preview over audience rows written straight into the
 * audience tables, tenant isolation and roles.
 */
import { ManualClock, PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { startCampaignsTestApp, type CampaignsTestApp } from '../testing/campaigns-test-app';
import { audienceDdl } from './rules/audience-tables';

const clock = new ManualClock('2026-09-15T12:00:00Z');
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(clock.now().getTime() - n * DAY);

const marketer = { tenant: 'seg-a', sub: 'mia', roles: ['marketer' as const] };
const analyst = { tenant: 'seg-a', sub: 'ann', roles: ['analyst' as const] };
const otherTenant = { tenant: 'seg-b', sub: 'bob', roles: ['marketer' as const] };

const germans = { field: 'country', op: 'eq', value: 'DE' };
const boughtCarLately = {
  all: [
    { field: 'consent.email', op: 'eq', value: 'granted' },
    { field: 'purchase.family', op: 'bought', value: { anyOf: ['Cars'], within: '30d' } },
  ],
};

describe('segments (e2e)', () => {
  let t: CampaignsTestApp;
  let pool: Pool;

  const contact = (tenant: string, id: string, values: Record<string, unknown>) =>
    pool.query(
      `INSERT INTO campaigns.audience_contacts (tenant, contact_id, display_name, email, country, consent, custom_fields, registered_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        tenant,
        id,
        values.displayName ?? id,
        values.email ?? null,
        values.country ?? null,
        JSON.stringify(values.consent ?? {}),
        JSON.stringify(values.customFields ?? {}),
        daysAgo(400),
      ],
    );
  const orderLine = (tenant: string, contactId: string, family: string, at: Date) =>
    pool.query(
      `INSERT INTO campaigns.audience_order_lines (tenant, order_id, line_no, contact_id, product_family, ordered_at, status, quantity, net_minor, currency)
       VALUES ($1, $2, 1, $3, $4, $5, 'placed', 1, 100, 'EUR')`,
      [tenant, `o-${contactId}-${family}`, contactId, family, at],
    );
  const create = async (body: object, as: object = marketer) => {
    const res = await t.request('POST', '/segments', { as, body });
    expect(res.status).toBe(201);
    return res;
  };

  beforeAll(async () => {
    t = await startCampaignsTestApp({}, { clock });
    pool = t.app.get(PG_POOL);
    // The audience helper's module creates these at start-up; the DDL is idempotent either way.
    await pool.query(audienceDdl());
    await contact('seg-a', 'c-ada', {
      displayName: 'Ada',
      email: 'Ada@Example.com',
      country: 'DE',
      consent: { email: 'granted' },
      customFields: { loyalty: 'gold' },
    });
    await contact('seg-a', 'c-bea', {
      displayName: 'Bea',
      email: 'bea@example.com',
      country: 'DE',
      consent: { email: 'withdrawn' },
    });
    await contact('seg-a', 'c-cem', {
      displayName: 'Cem',
      country: 'FR',
      consent: { email: 'granted' },
    });
    await contact('seg-b', 'c-dan', {
      displayName: 'Dan',
      email: 'dan@example.com',
      country: 'DE',
    });
    await orderLine('seg-a', 'c-ada', 'Cars', daysAgo(10));
    await orderLine('seg-a', 'c-bea', 'Cars', daysAgo(5));
    await orderLine('seg-a', 'c-cem', 'Cars', daysAgo(90));
  });
  afterAll(() => t?.close());

  it('creates a draft (201, Location, ETag), reads, lists and patches it with If-Match', async () => {
    const created = await create({ name: 'Germans', kind: 'dynamic', rule: germans });
    const id = created.body.id;
    expect(created.headers.location).toBe(`/segments/${id}`);
    expect(created.headers.etag).toBe('"1"');
    expect(created.body).toMatchObject({
      id,
      name: 'Germans',
      kind: 'dynamic',
      status: 'draft',
      rule: germans,
      ruleVersion: 1,
      version: 1,
      createdAt: clock.now().toISOString(),
    });

    const read = await t.request('GET', `/segments/${id}`, { as: analyst });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);

    const stale = await t.request('PATCH', `/segments/${id}`, {
      as: marketer,
      body: { name: 'Late' },
      headers: { 'if-match': '"7"' },
    });
    expect(stale.status).toBe(412);
    const patched = await t.request('PATCH', `/segments/${id}`, {
      as: marketer,
      body: { description: 'From Germany', rule: boughtCarLately },
      headers: { 'if-match': '"1"' },
    });
    expect(patched.status).toBe(200);
    expect(patched.headers.etag).toBe('"3"');
    expect(patched.body).toMatchObject({
      name: 'Germans',
      description: 'From Germany',
      rule: boughtCarLately,
      ruleVersion: 2,
      version: 3,
    });
    const cleared = await t.request('PATCH', `/segments/${id}`, {
      as: marketer,
      body: { description: null },
    });
    expect(cleared.body.description).toBeUndefined();
    expect(cleared.body.name).toBe('Germans');

    const list = await t.request('GET', '/segments?q=GERM&kind=dynamic', { as: analyst });
    expect(list.status).toBe(200);
    expect(list.body.items.map((s: { id: string }) => s.id)).toContain(id);
    const none = await t.request('GET', '/segments?q=nothing-like-this', { as: analyst });
    expect(none.body).toEqual({ items: [], nextCursor: null });
  });

  it('pages the list with signed cursors and filters by status', async () => {
    for (const name of ['Page A', 'Page B', 'Page C']) await create({ name, kind: 'static' });
    const first = await t.request('GET', '/segments?q=page&sort=name&limit=2', { as: marketer });
    expect(first.body.items.map((s: { name: string }) => s.name)).toEqual(['Page A', 'Page B']);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await t.request(
      'GET',
      `/segments?q=page&sort=name&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      { as: marketer },
    );
    expect(second.body.items.map((s: { name: string }) => s.name)).toEqual(['Page C']);
    expect(second.body.nextCursor).toBeNull();
    const foreign = await t.request(
      'GET',
      `/segments?q=page&sort=-createdAt&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      { as: marketer },
    );
    expect(foreign.status).toBe(400);
    const drafts = await t.request('GET', '/segments?status=archived', { as: marketer });
    expect(drafts.body.items).toEqual([]);
  });

  it('activates and archives; archived is final (409), repeats change nothing', async () => {
    const { body } = await create({ name: 'Lifecycle', kind: 'dynamic', rule: germans });
    const activated = await t.request('POST', `/segments/${body.id}/activate`, { as: marketer });
    expect(activated.status).toBe(200);
    expect(activated.body).toMatchObject({ status: 'active', ruleVersion: 2, version: 2 });
    const again = await t.request('POST', `/segments/${body.id}/activate`, { as: marketer });
    expect(again.body.version).toBe(2);

    const archived = await t.request('POST', `/segments/${body.id}/archive`, {
      as: marketer,
      headers: { 'if-match': '"2"' },
    });
    expect(archived.status).toBe(200);
    expect(archived.body.status).toBe('archived');
    const reactivate = await t.request('POST', `/segments/${body.id}/activate`, { as: marketer });
    expect(reactivate.status).toBe(409);
    expect(reactivate.headers['content-type']).toMatch(/problem\+json/);
    expect(reactivate.body.type).toMatch(/segment-archived/);
    const edit = await t.request('PATCH', `/segments/${body.id}`, {
      as: marketer,
      body: { name: 'x' },
    });
    expect(edit.status).toBe(409);
    const missing = await t.request('POST', '/segments/no-such/activate', { as: marketer });
    expect(missing.status).toBe(404);
  });

  it('a bad rule is a 422 naming each path, and nothing is saved', async () => {
    const tenant = { ...marketer, tenant: 'seg-bad' };
    const bad = await t.request('POST', '/segments', {
      as: tenant,
      body: {
        name: 'Broken',
        kind: 'dynamic',
        rule: { all: [germans, germans, { field: 'country', op: 'bogus', value: 'DE' }] },
      },
    });
    expect(bad.status).toBe(422);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect(bad.body.type).toMatch(/invalid-rule/);
    expect(bad.body.errors).toEqual([{ field: 'rule.all[2].op', message: expect.any(String) }]);
    const unknownField = await t.request('POST', '/segments/preview', {
      as: tenant,
      body: { rule: { any: [{ field: 'shoeSize', op: 'eq', value: 42 }] } },
    });
    expect(unknownField.status).toBe(422);
    expect(unknownField.body.errors[0].field).toBe('rule.any[0].field');
    const listed = await t.request('GET', '/segments', { as: tenant });
    expect(listed.body.items).toEqual([]);

    // The positive control: the same tenant saves a good rule.
    await create({ name: 'Fine', kind: 'dynamic', rule: germans }, tenant);
    expect((await t.request('GET', '/segments', { as: tenant })).body.items).toHaveLength(1);

    const { body } = await create(
      { name: 'Patched badly', kind: 'dynamic', rule: germans },
      tenant,
    );
    const badPatch = await t.request('PATCH', `/segments/${body.id}`, {
      as: tenant,
      body: { name: 'Renamed', rule: { not: { field: 'country', op: 'gt', value: 1 } } },
    });
    expect(badPatch.status).toBe(422);
    expect(badPatch.body.errors[0].field).toMatch(/^rule\.not\.op/);
    const after = await t.request('GET', `/segments/${body.id}`, { as: tenant });
    expect(after.body).toMatchObject({ name: 'Patched badly', version: 1 });
  });

  it('previews a rule: count, a sample with why, evaluatedAt from the clock', async () => {
    const preview = await t.request('POST', '/segments/preview', {
      as: analyst,
      body: { rule: boughtCarLately },
    });
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      count: 1,
      sample: [
        {
          contactId: 'c-ada',
          displayName: 'Ada',
          why: [
            { path: 'rule.all[0]', matched: true, rule: boughtCarLately.all[0] },
            { path: 'rule.all[1]', matched: true, rule: boughtCarLately.all[1] },
          ],
        },
      ],
      evaluatedAt: clock.now().toISOString(),
    });
    const anyOf = await t.request('POST', '/segments/preview', {
      as: marketer,
      body: { rule: { any: [germans, { field: 'consent.email', op: 'eq', value: 'granted' }] } },
    });
    expect(anyOf.body.count).toBe(3);
    expect(anyOf.body.sample.map((m: { contactId: string }) => m.contactId)).toEqual([
      'c-ada',
      'c-bea',
      'c-cem',
    ]);
    expect(anyOf.body.sample[2].why.map((w: { matched: boolean }) => w.matched)).toEqual([
      false,
      true,
    ]);
  });

  it('tenant B sees none of tenant A: segments, preview, catalogue keys (with a positive control)', async () => {
    const { body } = await create({ name: 'Only A', kind: 'dynamic', rule: germans });
    expect((await t.request('GET', `/segments/${body.id}`, { as: marketer })).status).toBe(200);
    expect((await t.request('GET', `/segments/${body.id}`, { as: otherTenant })).status).toBe(404);
    const listB = await t.request('GET', '/segments', { as: otherTenant });
    expect(listB.body.items).toEqual([]);
    const patchB = await t.request('PATCH', `/segments/${body.id}`, {
      as: otherTenant,
      body: { name: 'Mine now' },
    });
    expect(patchB.status).toBe(404);

    const previewA = await t.request('POST', '/segments/preview', {
      as: marketer,
      body: { rule: germans },
    });
    const previewB = await t.request('POST', '/segments/preview', {
      as: otherTenant,
      body: { rule: germans },
    });
    expect(previewA.body.count).toBe(2);
    expect(previewB.body.count).toBe(1);
    expect(previewB.body.sample.map((m: { contactId: string }) => m.contactId)).toEqual(['c-dan']);

    const fieldsA = await t.request('GET', '/segments/fields', { as: marketer });
    const fieldsB = await t.request('GET', '/segments/fields', { as: otherTenant });
    expect(fieldsA.body.customFieldKeys).toEqual(['loyalty']);
    expect(fieldsB.body.customFieldKeys).toEqual([]);
  });

  it('serves the field catalogue by group for an editor, with the custom keys present', async () => {
    const res = await t.request('GET', '/segments/fields', { as: analyst });
    expect(res.status).toBe(200);
    const groups = res.body.groups.map((g: { group: string }) => g.group);
    expect(groups).toEqual(expect.arrayContaining(['profile', 'consent', 'purchase history']));
    const fields = res.body.groups.flatMap((g: { fields: { key: string }[] }) => g.fields);
    expect(fields.find((f: { key: string }) => f.key === 'country')).toMatchObject({
      type: expect.any(String),
      operators: expect.arrayContaining(['eq']),
    });
    expect(fields.find((f: { key: string }) => f.key === 'customFields.loyalty')).toMatchObject({
      group: 'custom fields',
    });
    expect(JSON.stringify(res.body)).not.toContain('"source"');
    expect(res.body.operators.map((o: { op: string }) => o.op)).toContain('within_last');
  });

  it('uploads a static list by ids and emails, reporting what the audience does not know', async () => {
    const { body } = await create({ name: 'VIPs', kind: 'static' });
    expect(body.listedContacts).toBe(0);
    const upload = await t.request('PUT', `/segments/${body.id}/members`, {
      as: marketer,
      body: {
        contactIds: ['c-cem', 'c-nobody', 'c-dan'],
        emails: ['ada@example.COM', 'ghost@example.com'],
      },
      headers: { 'if-match': '"1"' },
    });
    expect(upload.status).toBe(200);
    expect(upload.headers.etag).toBe('"2"');
    expect(upload.body).toMatchObject({
      id: body.id,
      kind: 'static',
      listedContacts: 2,
      ruleVersion: 2,
      version: 2,
      upload: {
        received: 5,
        listed: 2,
        // c-dan is tenant B's: unknown here.
        unknownContactIds: ['c-nobody', 'c-dan'],
        unknownEmails: ['ghost@example.com'],
      },
    });
    const { rows } = await pool.query(
      `SELECT static_contact_ids, rule_version, status FROM campaigns.segments WHERE tenant = 'seg-a' AND segment_id = $1`,
      [body.id],
    );
    expect(rows[0]).toEqual({
      static_contact_ids: ['c-ada', 'c-cem'],
      rule_version: 2,
      status: 'draft',
    });

    const dynamic = await create({ name: 'Dyn', kind: 'dynamic', rule: germans });
    const wrongKind = await t.request('PUT', `/segments/${dynamic.body.id}/members`, {
      as: marketer,
      body: { contactIds: ['c-ada'] },
    });
    expect(wrongKind.status).toBe(409);
    const ruleOnStatic = await t.request('PATCH', `/segments/${body.id}`, {
      as: marketer,
      body: { rule: germans },
    });
    expect(ruleOnStatic.status).toBe(409);
  });

  it('analysts read but cannot write (403); marketers write', async () => {
    const { body } = await create({ name: 'Roles', kind: 'dynamic', rule: germans });
    for (const [method, url, payload] of [
      ['POST', '/segments', { name: 'No', kind: 'static' }],
      ['PATCH', `/segments/${body.id}`, { name: 'No' }],
      ['POST', `/segments/${body.id}/activate`, undefined],
      ['POST', `/segments/${body.id}/archive`, undefined],
      ['PUT', `/segments/${body.id}/members`, { contactIds: [] }],
    ] as const) {
      const res = await t.request(method, url, { as: analyst, body: payload });
      expect([method, url, res.status]).toEqual([method, url, 403]);
    }
    expect((await t.request('GET', '/segments', { as: analyst })).status).toBe(200);
    expect((await t.request('GET', `/segments/${body.id}`, { as: analyst })).body.status).toBe(
      'draft',
    );
  });

  it('an Idempotency-Key replays the create instead of making a second segment', async () => {
    const tenant = { ...marketer, tenant: 'seg-idem' };
    const send = () =>
      t.request('POST', '/segments', {
        as: tenant,
        body: { name: 'Once', kind: 'static' },
        headers: { 'idempotency-key': 'create-once' },
      });
    const first = await send();
    const second = await send();
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect((await t.request('GET', '/segments', { as: tenant })).body.items).toHaveLength(1);
  });
});
