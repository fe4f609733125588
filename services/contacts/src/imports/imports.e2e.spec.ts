import type { SubjectKeyStore } from '@crm/event-sourcing';
import { SUBJECT_KEYS } from '@crm/platform';
import { startContactsTestApp, type ContactsTestApp } from '../testing/contacts-test-app';

describe('CSV import (e2e, real PostgreSQL)', () => {
  let t: ContactsTestApp;
  beforeAll(async () => {
    t = await startContactsTestApp();
  });
  afterAll(() => t?.close());

  const upload = (id: string, body: string, query = '') =>
    t.call({
      method: 'PUT',
      url: `/contacts/imports/${id}${query}`,
      headers: { 'content-type': 'text/csv' },
      payload: body,
    });

  const file = [
    'email,phone,given_name,family_name,lifecycle_stage,tags',
    'ada@example.com,,Ada,Lovelace,lead,vip;math',
    'not-an-email,,Bad,Row,,',
    ',+442079460958,Charles,Babbage,customer,',
    'ADA@example.com,+4930123456,,,opportunity,golf',
    ',12345,No,Phone,,',
    'grace@example.com,,Grace,Hopper,wizard,',
  ].join('\n');

  it('dry-run reports every row and appends nothing', async () => {
    const res = await upload('dry-1', file, '?dryRun=true');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'completed',
      dryRun: true,
      processed: 6,
      created: 2,
      updated: 1,
      rejected: 3,
    });
    expect((await t.call({ url: '/contacts?status=all' })).json().items).toEqual([]);
  });

  it('upserts on email then phone, rejects bad rows with reasons, and is idempotent per import id', async () => {
    const existing = await t.call({
      method: 'POST',
      url: '/contacts',
      payload: { name: { given: 'Charles' }, phones: [{ number: '+442079460958' }] },
    });
    const res = await upload('import-1', file);
    expect(res.json()).toMatchObject({
      status: 'completed',
      dryRun: false,
      processed: 6,
      created: 1,
      updated: 2,
      rejected: 3,
    });

    const rejected = (
      await t.call({ url: '/contacts/imports/import-1/rows?outcome=rejected' })
    ).json();
    expect(
      rejected.map((r: { row: number; reasons: { code: string; field: string }[] }) => [
        r.row,
        r.reasons[0].code,
        r.reasons[0].field,
      ]),
    ).toEqual([
      [2, 'InvalidEmail', 'emails[0].address'],
      [5, 'InvalidPhone', 'phones[0].number'],
      [6, 'NotAllowedValue', 'lifecycleStage'],
    ]);
    const rows = (await t.call({ url: '/contacts/imports/import-1/rows' })).json();
    expect(rows[2]).toMatchObject({ row: 3, outcome: 'updated', contactId: existing.json().id });
    expect(rows[3]).toMatchObject({ row: 4, outcome: 'updated', contactId: rows[0].contactId });

    const ada = (await t.call({ url: `/contacts/${rows[0].contactId}` })).json();
    expect(ada).toMatchObject({
      displayName: 'Ada Lovelace',
      lifecycleStage: 'opportunity',
      tags: ['vip', 'math', 'golf'],
    });
    expect(ada.phones.map((p: { number: string }) => p.number)).toEqual(['+4930123456']);

    const again = await upload('import-1', file);
    expect(again.headers['idempotent-replay']).toBe('true');
    expect(again.json()).toMatchObject({ processed: 6, created: 1 });
    expect((await t.call({ url: '/contacts/imports/import-1' })).json().status).toBe('completed');
  });

  it('matches rows on emails and phones earlier rows of the same import created or added, and answers once queries show them', async () => {
    const sameImport = [
      'email,phone,given_name,family_name,tags',
      'lin@example.com,,Lin,Wu,a',
      'LIN@example.com,,,,b', // the email row 1 created: the same contact
      ',+4930555000,Max,Muster,',
      'lin@example.com,+4930555001,,,c', // gives Lin a phone
      ',+4930555001,,,d', // that phone, added by this import: Lin again
      'max@example.com,+4930555000,,,', // Max by phone, gains an email
      'max@example.com,,,,e', // that email, added by this import: Max again
    ].join('\n');
    const res = await t.call({
      method: 'PUT',
      url: '/contacts/imports/same-import',
      tenant: 'tenant-c',
      headers: { 'content-type': 'text/csv' },
      payload: sameImport,
    });
    expect(res.json()).toMatchObject({ status: 'completed', created: 2, updated: 5, rejected: 0 });

    // No wait here: the import answered only once the read models showed its rows.
    const listed = (
      await t.call({ url: '/contacts?status=all&limit=10', tenant: 'tenant-c' })
    ).json().items;
    expect(listed).toHaveLength(2);
    const rows = (
      await t.call({ url: '/contacts/imports/same-import/rows', tenant: 'tenant-c' })
    ).json();
    const [lin, , max] = rows.map((r: { contactId: string }) => r.contactId);
    expect(rows.map((r: { contactId: string }) => r.contactId)).toEqual([
      lin,
      lin,
      max,
      lin,
      lin,
      max,
      max,
    ]);
    const linView = (await t.call({ url: `/contacts/${lin}`, tenant: 'tenant-c' })).json();
    expect(linView.tags).toEqual(['a', 'b', 'c', 'd']);
    expect(linView.phones.map((p: { number: string }) => p.number)).toEqual(['+4930555001']);
    const maxView = (await t.call({ url: `/contacts/${max}`, tenant: 'tenant-c' })).json();
    expect(maxView.emails.map((e: { address: string }) => e.address)).toEqual(['max@example.com']);
    expect(maxView.tags).toEqual(['e']);
  });

  it('falls back to one row at a time when a chunk is refused, so only the refused row is rejected', async () => {
    const kept = await t.call({
      method: 'POST',
      url: '/contacts',
      payload: { name: { given: 'Kim' }, emails: [{ address: 'kim@example.com' }] },
    });
    // The key shredded under a contact the directory still lists: its chunk's one append is
    // refused (SubjectErased), which nothing else in an import makes happen on demand.
    await t.app.get<SubjectKeyStore>(SUBJECT_KEYS).erase('tenant-a', kept.json().id);
    const res = await upload(
      'chunk-refused',
      [
        'email,phone,given_name,family_name,lifecycle_stage,tags',
        'lin@example.com,,Lin,Before,,',
        'kim@example.com,,Kim,Changed,,',
        'lin@example.com,+4930999888,,,,',
        'max@example.com,,Max,After,,',
      ].join('\n'),
    );
    expect(res.json()).toMatchObject({ processed: 4, created: 2, updated: 1, rejected: 1 });
    const rows = (await t.call({ url: '/contacts/imports/chunk-refused/rows' })).json();
    expect(rows.map((r: { outcome: string }) => r.outcome)).toEqual([
      'created',
      'rejected',
      'updated',
      'created',
    ]);
    expect(rows[1].reasons[0].code).toBe('SubjectErased');
    expect(rows[2].contactId).toBe(rows[0].contactId);
    const lin = (await t.call({ url: `/contacts/${rows[0].contactId}` })).json();
    expect(lin.phones).toEqual([expect.objectContaining({ number: '+4930999888' })]);
    expect((await t.call({ url: `/contacts/${rows[3].contactId}` })).statusCode).toBe(200);
  });

  it('keeps a dry run apart from the real import of the same id, and refuses the id with another file', async () => {
    const tenant = 'tenant-d';
    const put = (id: string, body: string, query = '') =>
      t.call({
        method: 'PUT',
        url: `/contacts/imports/${id}${query}`,
        tenant,
        headers: { 'content-type': 'text/csv' },
        payload: body,
      });
    const csv = 'email,given_name\nlin@example.com,Lin\nmax@example.com,Max\n';

    const dry = await put('try-then-run', csv, '?dryRun=true');
    expect(dry.json()).toMatchObject({ dryRun: true, status: 'completed', created: 2 });
    const real = await put('try-then-run', csv);
    expect(real.statusCode).toBe(200);
    expect(real.headers['idempotent-replay']).toBeUndefined();
    expect(real.json()).toMatchObject({ dryRun: false, status: 'completed', created: 2 });
    expect((await t.call({ url: '/contacts?status=all', tenant })).json().items).toHaveLength(2);

    const summary = (query: string) =>
      t.call({ url: `/contacts/imports/try-then-run${query}`, tenant }).then((r) => r.json());
    expect(await summary('')).toMatchObject({ dryRun: false });
    expect(await summary('?dryRun=true')).toMatchObject({ dryRun: true });
    const dryRows = await t.call({
      url: '/contacts/imports/try-then-run/rows?dryRun=true',
      tenant,
    });
    expect(dryRows.json()).toHaveLength(2);

    const again = await put('try-then-run', csv);
    expect(again.headers['idempotent-replay']).toBe('true');
    expect(again.json()).toMatchObject({ dryRun: false, created: 2 });

    const otherFile = 'email,given_name\ngrace@example.com,Grace\n';
    for (const query of ['', '?dryRun=true']) {
      const reused = await put('try-then-run', otherFile, query);
      expect(reused.statusCode).toBe(422);
      expect(reused.json()).toMatchObject({
        type: '/problems/import-id-reused',
        errors: [expect.objectContaining({ field: 'importId' })],
      });
    }
    expect((await t.call({ url: '/contacts?status=all', tenant })).json().items).toHaveLength(2);
  });

  it('rejects a file with an unknown column naming it, and a body that is not CSV', async () => {
    const res = await upload('bad-header', 'email,shoe_size\na@b.io,42\n');
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('shoe_size');
    const json = await t.call({
      method: 'PUT',
      url: '/contacts/imports/json-1',
      payload: { email: 'x' },
    });
    expect(json.statusCode).toBe(415);
  });
});

describe('CSV and JSON export (e2e)', () => {
  let t: ContactsTestApp;
  beforeAll(async () => {
    t = await startContactsTestApp();
  });
  afterAll(() => t?.close());

  it('exports what an import wrote, as CSV and as NDJSON, for the caller tenant only', async () => {
    const lines = [
      'email,given_name,family_name,tags',
      ...Array.from({ length: 30 }, (_, i) => `p${i}@example.com,Person,N${i},t${i % 3}`),
    ];
    await t.call({
      method: 'PUT',
      url: '/contacts/imports/x1',
      headers: { 'content-type': 'text/csv' },
      payload: lines.join('\n'),
    });
    await t.call({
      method: 'POST',
      url: '/contacts',
      tenant: 'tenant-b',
      payload: { name: { given: 'Other' } },
    });

    const csv = await t.call({ url: '/contacts/export?format=csv', roles: ['sales-manager'] });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const rows = csv.body.trim().split('\n');
    expect(rows[0]).toBe(
      'id,given_name,family_name,email,phone,emails,phones,company_id,company_name,owner_id,lifecycle_stage,tags,consent,status,created_at,updated_at',
    );
    expect(rows).toHaveLength(31);
    expect(csv.body).toContain('p7@example.com');
    expect(csv.body).not.toContain('Other');

    const ndjson = await t.call({ url: '/contacts/export?format=json', roles: ['sales-manager'] });
    const objects = ndjson.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(objects).toHaveLength(30);
    expect(objects.find((o) => o.emails[0] === 'p4@example.com')).toMatchObject({
      displayName: 'Person N4',
      tags: ['t1'],
    });
    expect(
      (await t.call({ url: '/contacts/export?format=xml', roles: ['sales-manager'] })).statusCode,
    ).toBe(400);
  });
});
