import type { EventStore, NewEvent, RecordedEvent } from '../event-store';
import { openTestStore, readAllVisible, type TestStore } from '../testing/postgres-test-store';
import { PostgresSubjectKeyStore, SubjectErasedError } from './subject-key-store';
import {
  encryptPersonalData,
  ERASED,
  type PersonalDataSpec,
  withCryptoShredding,
} from './with-crypto-shredding';

const spec: PersonalDataSpec = {
  ContactRegistered: { subject: (e) => e.data.contactId, fields: ['name', 'emails'] },
};
const registered = (contactId: string, name: string, emails: string[]): NewEvent => ({
  type: 'ContactRegistered',
  data: { contactId, name, emails, source: 'web-form' },
  metadata: { tenant: 'acme', occurredAt: '2026-01-01T00:00:00.000Z' },
});
const noted = (contactId: string): NewEvent => ({
  type: 'ContactNoted',
  data: { contactId, note: 'called back' },
  metadata: { tenant: 'acme', occurredAt: '2026-01-01T00:00:00.000Z' },
});

let t: TestStore;
let keys: PostgresSubjectKeyStore;
let store: EventStore;
beforeAll(async () => {
  t = await openTestStore('es_shredding');
  keys = new PostgresSubjectKeyStore(t.pool, { schema: 'privacy' });
  await keys.migrate();
  await keys.migrate(); // idempotent
  store = withCryptoShredding(t.store, keys, spec);
  await store.append({ tenant: 'acme', id: 'contact-c1' }, [
    registered('c1', 'Ann Example', ['ann@example.org']),
    noted('c1'),
  ]);
  await store.append({ tenant: 'acme', id: 'contact-c2' }, [
    registered('c2', 'Bob Other', ['bob@example.org']),
  ]);
});
afterAll(() => t.close());

async function rawEventsMentioning(text: string): Promise<number> {
  const { rows } = await t.pool.query(
    `SELECT count(*)::int AS n FROM event_store.events WHERE data::text ILIKE '%' || $1 || '%'`,
    [text],
  );
  return rows[0].n;
}

async function viaSubscribe(): Promise<RecordedEvent[]> {
  const seen: RecordedEvent[] = [];
  const subscription = store.subscribe({}, async (events) => {
    seen.push(...events);
  });
  const deadline = Date.now() + 15_000;
  while (seen.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  await subscription.stop();
  return seen;
}

const dataOf = (events: RecordedEvent[], type: string, contactId: string) =>
  events.find((e) => e.type === type && (e.data as { contactId: string }).contactId === contactId)!
    .data;

describe('withCryptoShredding over PostgreSQL', () => {
  it('never writes the personal fields in clear; ids and other fields stay queryable', async () => {
    expect(await rawEventsMentioning('Ann Example')).toBe(0);
    expect(await rawEventsMentioning('ann@example.org')).toBe(0);
    expect(await rawEventsMentioning('Bob Other')).toBe(0);
    expect(await rawEventsMentioning('web-form')).toBe(2);
    const { rows } = await t.pool.query(
      `SELECT data->>'contactId' AS id, data->>'name' AS name FROM event_store.events WHERE type = 'ContactRegistered'`,
    );
    expect(rows.map((r) => r.id).sort()).toEqual(['c1', 'c2']);
    for (const row of rows) expect(row.name).toMatch(/^pii:v1:/);
    const stored = await t.pool.query(
      `SELECT tenant, subject_id, length(key) AS bytes FROM privacy.subject_keys`,
    );
    expect(stored.rows).toEqual(
      expect.arrayContaining([
        { tenant: 'acme', subject_id: 'c1', bytes: 32 },
        { tenant: 'acme', subject_id: 'c2', bytes: 32 },
      ]),
    );
  });

  it('decrypts on readStream, readAll and subscribe', async () => {
    const expected = {
      contactId: 'c1',
      name: 'Ann Example',
      emails: ['ann@example.org'],
      source: 'web-form',
    };
    expect(
      dataOf(
        (await store.readStream({ tenant: 'acme', id: 'contact-c1' })).events,
        'ContactRegistered',
        'c1',
      ),
    ).toEqual(expected);
    expect(dataOf(await readAllVisible(store, 3), 'ContactRegistered', 'c1')).toEqual(expected);
    expect(dataOf(await viaSubscribe(), 'ContactRegistered', 'c1')).toEqual(expected);
  });

  it('after erase, the person is gone from every read path; everything else reads normally', async () => {
    await keys.erase('acme', 'c1');
    await keys.erase('acme', 'c1'); // idempotent
    const erased = { contactId: 'c1', name: ERASED, emails: ERASED, source: 'web-form' };
    const bob = {
      contactId: 'c2',
      name: 'Bob Other',
      emails: ['bob@example.org'],
      source: 'web-form',
    };

    const fromStream = (await store.readStream({ tenant: 'acme', id: 'contact-c1' })).events;
    const fromAll = await readAllVisible(store, 3);
    const fromSubscription = await viaSubscribe();
    for (const events of [fromStream, fromAll, fromSubscription]) {
      expect(dataOf(events, 'ContactRegistered', 'c1')).toEqual(erased);
      expect(dataOf(events, 'ContactNoted', 'c1')).toEqual({
        contactId: 'c1',
        note: 'called back',
      });
      expect(JSON.stringify(events.map((e) => e.data))).not.toContain('Ann Example');
    }
    for (const events of [fromAll, fromSubscription])
      expect(dataOf(events, 'ContactRegistered', 'c2')).toEqual(bob);

    const key = await t.pool.query(
      `SELECT key, erased_at FROM privacy.subject_keys WHERE subject_id = 'c1'`,
    );
    expect(key.rows[0].key).toBeNull();
    expect(key.rows[0].erased_at).toBeInstanceOf(Date);
  });

  it('refuses to write personal data of an erased subject again', async () => {
    await expect(
      store.append({ tenant: 'acme', id: 'contact-c1' }, [registered('c1', 'Ann Again', [])]),
    ).rejects.toBeInstanceOf(SubjectErasedError);
    expect(await rawEventsMentioning('Ann Again')).toBe(0);
  });

  it('keys are per tenant and agreed on by concurrent first writers', async () => {
    const [a, b, c] = await Promise.all([
      keys.keyFor('acme', 'c9'),
      keys.keyFor('acme', 'c9'),
      keys.keyFor('acme', 'c9'),
    ]);
    expect(a.equals(b) && b.equals(c)).toBe(true);
    expect((await keys.keyFor('globex', 'c9')).equals(a)).toBe(false);
    await keys.erase('globex', 'c9');
    expect((await keys.findKeys('acme', ['c9'])).get('c9')!.equals(a)).toBe(true);
  });

  it('keysFor creates many keys in one call, agrees with keyFor and concurrent batches, refuses an erased subject', async () => {
    const existing = await keys.keyFor('acme', 'b1');
    const [first, second] = await Promise.all([
      keys.keysFor('acme', ['b1', 'b2', 'b3', 'b2']),
      keys.keysFor('acme', ['b3', 'b2', 'b4']),
    ]);
    expect([...first.keys()].sort()).toEqual(['b1', 'b2', 'b3']);
    expect(first.get('b1')!.equals(existing)).toBe(true);
    expect(first.get('b2')!.equals(second.get('b2')!)).toBe(true);
    expect(first.get('b3')!.equals(second.get('b3')!)).toBe(true);
    expect((await keys.keyFor('acme', 'b4')).equals(second.get('b4')!)).toBe(true);
    await keys.erase('acme', 'b5');
    await expect(keys.keysFor('acme', ['b6', 'b5'])).rejects.toBeInstanceOf(SubjectErasedError);
  });

  it('appendToStreams encrypts every stream under its subject key, refusing all if one subject was erased', async () => {
    await store.appendToStreams([
      { stream: { tenant: 'acme', id: 'contact-m1' }, events: [registered('m1', 'Multi One', [])] },
      { stream: { tenant: 'acme', id: 'contact-m2' }, events: [registered('m2', 'Multi Two', [])] },
    ]);
    expect(await rawEventsMentioning('Multi ')).toBe(0);
    const read = await store.readStream({ tenant: 'acme', id: 'contact-m2' });
    expect((read.events[0].data as { name: string }).name).toBe('Multi Two');
    await keys.erase('acme', 'm4');
    await expect(
      store.appendToStreams([
        {
          stream: { tenant: 'acme', id: 'contact-m3' },
          events: [registered('m3', 'Multi Three', [])],
        },
        {
          stream: { tenant: 'acme', id: 'contact-m4' },
          events: [registered('m4', 'Multi Four', [])],
        },
      ]),
    ).rejects.toBeInstanceOf(SubjectErasedError);
    expect((await t.store.readStream({ tenant: 'acme', id: 'contact-m3' })).version).toBe(0);
  });

  it('encryptPersonalData covers appends that bypass the decorator (appendInTransaction)', async () => {
    const stream = { tenant: 'acme', id: 'contact-c5' };
    const client = await t.pool.connect();
    try {
      await client.query('BEGIN');
      const events = await encryptPersonalData(
        'acme',
        [registered('c5', 'Cy Outbox', [])],
        keys,
        spec,
      );
      await t.store.appendInTransaction(client, stream, events);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    expect(await rawEventsMentioning('Cy Outbox')).toBe(0);
    expect((await store.readStream(stream)).events[0].data).toMatchObject({ name: 'Cy Outbox' });
  });
  it("appendToStreams encrypts each stream under its own tenant's keys and stays all or nothing", async () => {
    expect(store.atomicMultiStreamAppend).toBe(true);
    const inUmbrella = { tenant: 'umbrella', id: 'contact-m1' };
    const inInitech = { tenant: 'initech', id: 'contact-m2' };
    await store.appendToStreams([
      { stream: inUmbrella, events: [registered('m1', 'Mia Multi', [])], expected: 'no-stream' },
      { stream: inInitech, events: [registered('m2', 'Max Multi', [])], expected: 'no-stream' },
    ]);
    expect(await rawEventsMentioning('Multi')).toBe(0);
    expect((await store.readStream(inInitech)).events[0].data).toMatchObject({ name: 'Max Multi' });
    await keys.erase('umbrella', 'm1');
    expect((await store.readStream(inUmbrella)).events[0].data).toMatchObject({ name: ERASED });
    expect((await store.readStream(inInitech)).events[0].data).toMatchObject({ name: 'Max Multi' });
    // An erased subject in one stream refuses the whole call: the other stream gets nothing.
    const fresh = { tenant: 'initech', id: 'contact-m3' };
    await expect(
      store.appendToStreams([
        { stream: fresh, events: [registered('m3', 'Never Written', [])] },
        { stream: inUmbrella, events: [registered('m1', 'Mia Again', [])] },
      ]),
    ).rejects.toBeInstanceOf(SubjectErasedError);
    expect((await store.readStream(fresh)).version).toBe(0);
  });
});
