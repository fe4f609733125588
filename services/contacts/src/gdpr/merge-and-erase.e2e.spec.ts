import { ManualClock } from '@crm/platform';
import { Client } from 'pg';
import { startContactsTestApp, type ContactsTestApp } from '../testing/contacts-test-app';

// Interactions must not lie in the future: the literal dates below are in the past of this
// pinned "now", whatever today's date is.
const clock = new ManualClock('2026-06-15T12:00:00Z');

describe('duplicates, merge, erase and export (e2e, real PostgreSQL)', () => {
  let t: ContactsTestApp;
  let sql: Client;
  const manager = { roles: ['sales-manager' as const] };
  const create = async (payload: object) => {
    const res = await t.call({ method: 'POST', url: '/contacts', payload });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  /** Every text column of the service's schemas that could still hold the needle. */
  const occurrences = async (needle: string) => {
    const { rows } = await sql.query(
      `SELECT 'events' AS at, count(*)::int AS n FROM contacts.events WHERE data::text ILIKE $1
       UNION ALL SELECT 'contact_list', count(*)::int FROM contacts.contact_list WHERE state::text ILIKE $1 OR search_text ILIKE $1
       UNION ALL SELECT 'timeline', count(*)::int FROM contacts.timeline_entries WHERE concat(subject, body, details::text) ILIKE $1
       UNION ALL SELECT 'idempotency', count(*)::int FROM contacts.idempotency_keys WHERE response_body::text ILIKE $1`,
      [`%${needle}%`],
    );
    return Object.fromEntries(rows.map((r) => [r.at, r.n]));
  };

  beforeAll(async () => {
    t = await startContactsTestApp({}, { clock });
    sql = new Client({ connectionString: t.db.url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await t?.close();
  });

  it('detects duplicates on email, phone and name, merges them, and the old id redirects to the survivor', async () => {
    const survivor = await create({
      name: { given: 'Katherine', family: 'Johnson' },
      emails: [{ address: 'kj@nasa.example' }],
      tags: ['math'],
    });
    const duplicate = await create({
      name: { given: 'Katherine', family: 'Johnsen' },
      emails: [{ address: 'KJ@nasa.example' }, { address: 'katherine@home.example' }],
      phones: [{ number: '+17575550100' }],
      tags: ['orbit'],
    });
    await create({ name: { given: 'Dorothy', family: 'Vaughan' } });
    await t.call({
      method: 'PUT',
      url: `/contacts/${survivor}/consent/email`,
      payload: { status: 'granted', legalBasis: 'consent', source: 'form' },
    });
    await t.call({
      method: 'PUT',
      url: `/contacts/${duplicate}/consent/email`,
      payload: { status: 'withdrawn', source: 'unsubscribe' },
    });
    await t.call({
      method: 'POST',
      url: `/contacts/${duplicate}/interactions`,
      payload: { kind: 'note', occurredAt: '2026-03-01T10:00:00Z', subject: 'Trajectory' },
    });

    const pairs = (await t.call({ url: '/contacts/duplicates' })).json();
    expect(pairs).toHaveLength(1);
    expect(new Set([pairs[0].contactId, pairs[0].duplicateId])).toEqual(
      new Set([survivor, duplicate]),
    );
    expect(pairs[0].reasons).toEqual(['same-email', 'similar-name']);
    expect(pairs[0].score).toBeGreaterThan(0.9);

    expect(
      (
        await t.call({
          method: 'POST',
          url: `/contacts/${survivor}/merge`,
          payload: { duplicateId: duplicate },
        })
      ).statusCode,
    ).toBe(403);
    const merged = await t.call({
      method: 'POST',
      url: `/contacts/${survivor}/merge`,
      payload: { duplicateId: duplicate },
      ...manager,
    });
    expect(merged.statusCode).toBe(200);
    expect(merged.json().emails.map((e: { address: string }) => e.address)).toEqual([
      'kj@nasa.example',
      'katherine@home.example',
    ]);
    expect(merged.json().phones.map((p: { number: string }) => p.number)).toEqual(['+17575550100']);
    expect(merged.json().tags).toEqual(['math', 'orbit']);

    const old = await t.call({ url: `/contacts/${duplicate}` });
    expect(old.statusCode).toBe(308);
    expect(old.headers.location).toBe(`/contacts/${survivor}`);
    // The stricter consent wins: the duplicate had withdrawn email.
    expect(
      (await t.call({ url: `/contacts/${survivor}/consent` })).json().channels.email.status,
    ).toBe('withdrawn');
    expect(
      (await t.call({ url: `/contacts/${survivor}/timeline` }))
        .json()
        .items.map((e: { subject: string }) => e.subject),
    ).toEqual(['Trajectory']);
    expect((await t.call({ url: '/contacts/duplicates' })).json()).toEqual([]);
    // Repeating the merge changes nothing and still succeeds (safe retry).
    const again = await t.call({
      method: 'POST',
      url: `/contacts/${survivor}/merge`,
      payload: { duplicateId: duplicate },
      ...manager,
    });
    expect(again.statusCode).toBe(200);
    expect(again.headers.etag).toBe(merged.headers.etag);
    const self = await t.call({
      method: 'POST',
      url: `/contacts/${survivor}/merge`,
      payload: { duplicateId: survivor },
      ...manager,
    });
    expect(self.statusCode).toBe(422);
  });

  it('exports everything held about a person, then erases them from the log and every read model', async () => {
    const created = await t.call({
      method: 'POST',
      url: '/contacts',
      headers: { 'idempotency-key': 'hedy-once' },
      payload: {
        name: { given: 'Hedy', family: 'Lamarrzz' },
        emails: [{ address: 'hedy@spread.example' }],
        phones: [{ number: '+4930901820' }],
        addresses: [{ lines: ['Mariahilfer Strasse 1'], city: 'Wien', country: 'AT' }],
      },
    });
    const id = created.json().id as string;
    await t.call({
      method: 'PUT',
      url: `/contacts/${id}/consent/sms`,
      payload: { status: 'withdrawn', source: 'sms', reason: 'Hedy Lamarrzz asked' },
    });
    await t.call({
      method: 'POST',
      url: `/contacts/${id}/interactions`,
      payload: {
        kind: 'note',
        occurredAt: '2026-03-01T10:00:00Z',
        subject: 'Frequency hopping',
        body: 'Lamarrzz patent',
      },
    });

    const exported = await t.call({ url: `/contacts/${id}/export`, ...manager });
    expect(exported.statusCode).toBe(200);
    expect(exported.json()).toMatchObject({
      contact: { displayName: 'Hedy Lamarrzz', emails: [{ address: 'hedy@spread.example' }] },
      consent: { channels: { sms: { status: 'withdrawn' } } },
      timeline: [{ subject: 'Frequency hopping' }],
    });
    expect(exported.json().events.map((e: { type: string }) => e.type)).toEqual([
      'ContactRegistered',
      'ConsentWithdrawn',
    ]);
    // Personal fields are encrypted at rest: the raw log never held the name in clear.
    expect((await occurrences('Lamarrzz')).events).toBe(0);
    expect((await occurrences('Lamarrzz')).contact_list).toBe(1);
    expect((await occurrences('Lamarrzz')).idempotency).toBe(1); // the stored POST response

    const erased = await t.call({ method: 'POST', url: `/contacts/${id}/erase`, ...manager });
    expect(erased.statusCode).toBe(200);
    expect(erased.json().erased).toEqual([id]);
    expect(await occurrences('Lamarrzz')).toEqual({
      events: 0,
      contact_list: 0,
      timeline: 0,
      idempotency: 0,
    });
    expect(await occurrences('hedy@spread')).toEqual({
      events: 0,
      contact_list: 0,
      timeline: 0,
      idempotency: 0,
    });
    expect((await t.call({ url: `/contacts/${id}` })).statusCode).toBe(410);
    expect((await t.call({ url: `/contacts/${id}/export`, ...manager })).statusCode).toBe(410);
    expect((await t.call({ url: `/contacts/search?q=lamarrzz` })).json()).toEqual([]);
    expect((await t.call({ url: `/contacts/${id}/timeline` })).statusCode).toBe(410);
    expect(
      (await t.call({ method: 'PATCH', url: `/contacts/${id}`, payload: { ownerId: 'x' } }))
        .statusCode,
    ).toBe(410);
    // Decrypting the log now yields no personal data at all, and erasing again is harmless.
    const { rows } = await sql.query(
      `SELECT count(*)::int AS n FROM contacts_keys.subject_keys WHERE subject_id = $1 AND key IS NULL`,
      [id],
    );
    expect(rows[0].n).toBe(1);
    expect(
      (await t.call({ method: 'POST', url: `/contacts/${id}/erase`, ...manager })).statusCode,
    ).toBe(200);
  });
});
