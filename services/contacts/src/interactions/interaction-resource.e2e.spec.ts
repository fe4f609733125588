/**
 * One interaction as a resource (issue 12): read, corrected with a JSON Merge Patch under
 * If-Match, deleted; the timeline follows and both facts are published on crm.contacts.v1.
 */
import { ManualClock } from '@crm/platform';
import { Client } from 'pg';
import { startContactsTestApp, type ContactsTestApp } from '../testing/contacts-test-app';

// "Now" is pinned; every date below is built from it, so the test holds a year ahead or behind.
const clock = new ManualClock('2026-06-15T12:00:00Z');
const hoursAgo = (h: number) => new Date(clock.now().getTime() - h * 3_600_000).toISOString();

describe('GET/PATCH/DELETE /interactions/{id} (e2e, real PostgreSQL)', () => {
  let t: ContactsTestApp;
  let sql: Client;

  beforeAll(async () => {
    t = await startContactsTestApp({}, { clock });
    sql = new Client({ connectionString: t.db.url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await t?.close();
  });

  const createContact = async (given: string, tenant?: string) => {
    const res = await t.call({
      method: 'POST',
      url: '/contacts',
      payload: { name: { given, family: 'Tester' } },
      tenant,
    });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const logCall = async (contactId: string, otherContactIds: string[] = []) => {
    const res = await t.call({
      method: 'POST',
      url: `/contacts/${contactId}/interactions`,
      payload: {
        kind: 'call',
        occurredAt: hoursAgo(2),
        subject: 'Renewal call',
        otherContactIds,
        call: {
          direction: 'outbound',
          from: '+4930123456',
          to: '+14155552671',
          startedAt: hoursAgo(2),
          durationSeconds: 300,
          outcome: 'connected',
        },
      },
    });
    expect(res.statusCode).toBe(201);
    // The log answers the interaction as GET shows it (id, ETag), its id also as interactionId.
    expect(res.headers.location).toBe(`/interactions/${res.json().id}`);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toMatchObject({ interactionId: res.json().id, version: 1, kind: 'call' });
    return res.json().id as string;
  };
  const timeline = async (contactId: string) =>
    (await t.call({ url: `/contacts/${contactId}/timeline` })).json().items as {
      entryId: string;
      kind: string;
      subject: string | null;
      details: { call?: { outcome: string } };
    }[];
  /** The timeline is a read model: under load a command may answer before it caught up. */
  const timelineUntil = async (
    contactId: string,
    done: (items: Awaited<ReturnType<typeof timeline>>) => boolean,
  ) => {
    const until = Date.now() + 10_000;
    let items = await timeline(contactId);
    while (!done(items) && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      items = await timeline(contactId);
    }
    return items;
  };
  const patch = (id: string, payload: object, headers: Record<string, string> = {}) =>
    t.call({
      method: 'PATCH',
      url: `/interactions/${id}`,
      headers: { 'content-type': 'application/merge-patch+json', ...headers },
      payload: JSON.stringify(payload),
    });
  /** What the relay published about this interaction, oldest first. */
  const published = async (interactionId: string, fact: string, count: number) => {
    const type = `crm.contacts.contact.${fact}.v1`;
    for (let waited = 0; ; waited += 100) {
      const { rows } = await sql.query<{ subject: string; body: string }>(
        `SELECT headers ->> 'ce_subject' AS subject, convert_from(value, 'UTF8') AS body
           FROM messaging_log.messages
          WHERE headers ->> 'ce_type' = $1 AND convert_from(value, 'UTF8')::jsonb ->> 'interactionId' = $2
          ORDER BY created_at`,
        [type, interactionId],
      );
      if (rows.length >= count || waited > 15_000) {
        return rows.map((r) => ({ subject: r.subject, data: JSON.parse(r.body) }));
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  it('reads one interaction with its ETag; unknown ids are 404, another tenant sees nothing', async () => {
    const contactId = await createContact('Grace');
    const id = await logCall(contactId);
    const res = await t.call({ url: `/interactions/${id}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toMatchObject({
      id,
      version: 1,
      kind: 'call',
      channel: 'phone',
      direction: 'outbound',
      contactIds: [contactId],
      subject: 'Renewal call',
      userId: 'user-1',
      call: { outcome: 'connected', durationSeconds: 300 },
    });
    expect((await t.call({ url: '/interactions/not-a-uuid' })).statusCode).toBe(404);
    const other = await t.call({ url: `/interactions/${id}`, tenant: 'globex' });
    expect(other.statusCode).toBe(404);
    expect(other.headers['content-type']).toContain('application/problem+json');
  });

  it('a correction merges into the interaction, checks If-Match, and the timeline follows', async () => {
    const contactId = await createContact('Ada');
    const id = await logCall(contactId);

    const stale = await patch(id, { subject: 'x' }, { 'if-match': '"7"' });
    expect(stale.statusCode).toBe(412);

    const res = await patch(
      id,
      { subject: 'Renewal call (voicemail)', call: { outcome: 'voicemail' } },
      { 'if-match': '"1"' },
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    // The call's other members stayed: a merge patch, not a replacement.
    expect(res.json().call).toMatchObject({ outcome: 'voicemail', durationSeconds: 300 });
    expect(res.json().subject).toBe('Renewal call (voicemail)');

    const [entry] = await timelineUntil(
      contactId,
      ([e]) => e?.details.call?.outcome === 'voicemail',
    );
    expect(entry).toMatchObject({ entryId: id, subject: 'Renewal call (voicemail)' });
    expect(entry.details.call?.outcome).toBe('voicemail');

    const [fact] = await published(id, 'interaction_corrected', 1);
    expect(fact.subject).toBe(contactId);
    expect(fact.data).toMatchObject({
      contactId,
      interactionId: id,
      kind: 'call',
      subject: 'Renewal call (voicemail)',
      changed: ['subject', 'call'],
    });
  });

  it('a correction is checked like a log: not in the future, call details only on calls, naming the field', async () => {
    const contactId = await createContact('Hedy');
    const id = await logCall(contactId);
    const future = await patch(id, {
      occurredAt: new Date(clock.now().getTime() + 86_400_000).toISOString(),
    });
    expect(future.statusCode).toBe(422);
    expect(JSON.stringify(future.json())).toContain('occurredAt');
    const note = await patch(id, { kind: 'note' });
    expect(note.statusCode).toBe(422);
    expect(note.json().type).toContain('call-details-only-for-calls');
    expect(JSON.stringify(note.json())).toContain('"call"');
    // Dropping the call details with the kind makes it a note on the internal channel.
    const ok = await patch(id, { kind: 'note', call: null });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ kind: 'note', channel: 'internal' });
    expect(ok.json().call).toBeUndefined();
    expect((await t.call({ url: `/interactions/${id}` })).json().version).toBe(2);
  });

  it("delete takes it off every participant's timeline, reads answer 410, the deletion is published", async () => {
    const first = await createContact('Katherine');
    const second = await createContact('Dorothy');
    const id = await logCall(first, [second]);
    const shown = await timelineUntil(second, (items) => items.some((e) => e.entryId === id));
    expect(shown.map((e) => e.entryId)).toContain(id);

    const analyst = await t.call({
      method: 'DELETE',
      url: `/interactions/${id}`,
      roles: ['analyst'],
    });
    expect(analyst.statusCode).toBe(403);
    const res = await t.call({
      method: 'DELETE',
      url: `/interactions/${id}`,
      headers: { 'if-match': '"1"' },
    });
    expect(res.statusCode).toBe(204);

    expect((await t.call({ url: `/interactions/${id}` })).statusCode).toBe(410);
    expect((await patch(id, { subject: 'again' })).statusCode).toBe(410);
    expect((await t.call({ method: 'DELETE', url: `/interactions/${id}` })).statusCode).toBe(410);
    const gone = (items: { entryId: string }[]) => !items.some((e) => e.entryId === id);
    expect(gone(await timelineUntil(first, gone))).toBe(true);
    expect(gone(await timelineUntil(second, gone))).toBe(true);

    const facts = await published(id, 'interaction_deleted', 2);
    expect(facts.map((f) => f.subject).sort()).toEqual([first, second].sort());
    expect(facts[0].data.deletedAt).toBe(clock.now().toISOString());
  });
});
