import type { Decider } from '../decider';
import { aggregateStream } from '../command/aggregate-stream';
import { handleCommand } from '../command/handle-command';
import type { RecordedEvent } from '../event-store';
import { openTestStore, readAllVisible, type TestStore } from '../testing/postgres-test-store';
import { UpcasterChain } from './upcasters';
import { withUpcasters } from './with-upcasters';

// ContactRegistered v1 { name } -> v2 { firstName, lastName }; EmailChanged v1 { email } -> v2 { emails }.
const chain = new UpcasterChain([
  {
    type: 'ContactRegistered',
    fromVersion: 1,
    upcast: (data) => {
      const [firstName, ...rest] = String(data.name).split(' ');
      return { contactId: data.contactId, firstName, lastName: rest.join(' ') };
    },
  },
  { type: 'EmailChanged', fromVersion: 1, upcast: (data) => ({ emails: [data.email] }) },
]);

const meta = { tenant: 'acme', occurredAt: '2024-01-01T00:00:00.000Z' };
const stream = { tenant: 'acme', id: 'contact-c1' };

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore('es_upcasting');
  // What an old version of the service wrote.
  await t.store.append(stream, [
    {
      type: 'ContactRegistered',
      schemaVersion: 1,
      data: { contactId: 'c1', name: 'Ada King Lovelace' },
      metadata: meta,
    },
    { type: 'EmailChanged', schemaVersion: 1, data: { email: 'ada@old.example' }, metadata: meta },
  ]);
  // What the current version writes.
  await t.store.append(stream, [
    {
      type: 'EmailChanged',
      schemaVersion: 2,
      data: { emails: ['ada@new.example', 'a@x.io'] },
      metadata: meta,
    },
  ]);
});
afterAll(() => t.close());

const v2Shapes = [
  {
    type: 'ContactRegistered',
    schemaVersion: 2,
    data: { contactId: 'c1', firstName: 'Ada', lastName: 'King Lovelace' },
  },
  { type: 'EmailChanged', schemaVersion: 2, data: { emails: ['ada@old.example'] } },
  { type: 'EmailChanged', schemaVersion: 2, data: { emails: ['ada@new.example', 'a@x.io'] } },
];
const shape = (events: RecordedEvent[]) =>
  events.map(({ type, schemaVersion, data }) => ({ type, schemaVersion, data }));

describe('withUpcasters over PostgreSQL', () => {
  const store = () => withUpcasters(t.store, chain);

  it('stores v1 untouched and reads it as v2 on readStream', async () => {
    const raw = await t.pool.query(
      `SELECT schema_version, data FROM event_store.events ORDER BY global_position`,
    );
    expect(raw.rows[0]).toEqual({
      schema_version: 1,
      data: { contactId: 'c1', name: 'Ada King Lovelace' },
    });
    expect(shape((await store().readStream(stream)).events)).toEqual(v2Shapes);
  });

  it('reads v2 on readAll and on subscribe', async () => {
    expect(shape(await readAllVisible(store(), 3))).toEqual(v2Shapes);
    const seen: RecordedEvent[] = [];
    const subscription = store().subscribe({}, async (events) => {
      seen.push(...events);
    });
    const deadline = Date.now() + 15_000;
    while (seen.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await subscription.stop();
    expect(shape(seen)).toEqual(v2Shapes);
  });

  it('lets a decider that only knows v2 fold a stream written in v1', async () => {
    type Event =
      | { type: 'ContactRegistered'; data: { firstName: string } }
      | { type: 'EmailChanged'; data: { emails: string[] } };
    const decider: Decider<
      { type: 'AddEmail'; email: string },
      Event,
      { firstName?: string; emails: string[] }
    > = {
      initialState: () => ({ emails: [] }),
      evolve: (state, event) =>
        event.type === 'ContactRegistered'
          ? { ...state, firstName: event.data.firstName }
          : { ...state, emails: event.data.emails },
      decide: (command, state) => [
        { type: 'EmailChanged', data: { emails: [...state.emails, command.email] } },
      ],
    };
    expect(await aggregateStream(store(), decider, stream)).toEqual({
      state: { firstName: 'Ada', emails: ['ada@new.example', 'a@x.io'] },
      version: 3,
    });
    const result = await handleCommand(
      store(),
      decider,
      stream,
      { type: 'AddEmail', email: 'b@y.io' },
      {
        tenant: 'acme',
        schemaVersions: { EmailChanged: chain.latestVersion('EmailChanged') },
      },
    );
    expect(result.events[0]).toMatchObject({
      schemaVersion: 2,
      data: { emails: ['ada@new.example', 'a@x.io', 'b@y.io'] },
    });
  });
  it('passes appendToStreams through untouched (atomic, as the inner store)', async () => {
    const store = withUpcasters(t.store, chain);
    expect(store.atomicMultiStreamAppend).toBe(true);
    const a = { tenant: 'other', id: 'contact-u1' };
    const b = { tenant: 'other', id: 'contact-u2' };
    const old = {
      type: 'EmailChanged',
      schemaVersion: 1,
      data: { email: 'u@old.example' },
      metadata: meta,
    };
    await store.appendToStreams([
      { stream: a, events: [old] },
      { stream: b, events: [old] },
    ]);
    // Stored as given (v1), read as v2.
    expect((await t.store.readStream(a)).events[0]).toMatchObject({ schemaVersion: 1 });
    expect(shape((await store.readStream(b)).events)).toEqual([
      { type: 'EmailChanged', schemaVersion: 2, data: { emails: ['u@old.example'] } },
    ]);
    await expect(
      store.appendToStreams([
        { stream: a, events: [old], expected: 1 },
        { stream: b, events: [old], expected: 'no-stream' },
      ]),
    ).rejects.toMatchObject({ code: 'WrongExpectedVersion' });
    expect((await t.store.readStream(a)).version).toBe(1);
  });
});
