import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '@crm/testing';
import {
  eventStoreConformance,
  readAllEventually,
  sleep,
  waitFor,
} from '../conformance/event-store.conformance';
import {
  START,
  WrongExpectedVersionError,
  type NewEvent,
  type RecordedEvent,
} from '../event-store';
import { MIGRATIONS } from './migrations';
import { PostgresEventStore } from './postgres-event-store';
import { inTransaction } from './transaction';

let db: TestDatabase;
let pool: Pool;

beforeAll(async () => {
  db = await createTestDatabase('event_store');
  pool = new Pool({ connectionString: db.url, max: 20 });
  // The pool's owner decides what an idle connection killed by the server means; here (a shared
  // test server) it is nothing: the pool replaces it.
  pool.on('error', () => undefined);
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

describe('PostgresEventStore conformance', () => {
  eventStoreConformance(() => PostgresEventStore.open(pool, { schema: 'conformance' }));
});

describe('PostgresEventStore (PostgreSQL specifics)', () => {
  let store: PostgresEventStore;
  beforeAll(async () => {
    store = await PostgresEventStore.open(pool, { schema: 'specifics' });
  });
  afterAll(() => store.close());

  it('migrate() is idempotent and safe to run concurrently', async () => {
    const schema = `migrate_${randomUUID().slice(0, 8)}`;
    const stores = Array.from({ length: 4 }, () => new PostgresEventStore(pool, { schema }));
    const applied = await Promise.all(stores.map((s) => s.migrate()));
    expect(applied.flat().sort()).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await stores[0].migrate()).toEqual([]);
    const { rows } = await pool.query(
      `SELECT version FROM ${schema}.event_store_migrations ORDER BY version`,
    );
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    await stores[0].append({ tenant: 't', id: 'contact-1' }, [event('Works')], 'no-stream');
  });

  it('appends in one statement on one pooled connection (one round trip, one transaction)', async () => {
    const stream = { tenant: 't', id: `contact-${randomUUID()}` };
    await store.append(stream, [event('Warm')]); // prepared statements are per connection; not the point here
    const query = jest.spyOn(pool, 'query');
    try {
      await store.append(stream, [event('A'), event('B'), event('C')], 1);
      // Everything except the after-commit wake-up NOTIFY: the append itself is one statement.
      const statements = query.mock.calls.filter(([q]) => !JSON.stringify(q).includes('pg_notify'));
      expect(statements).toHaveLength(1);
      expect(JSON.stringify(statements[0][0])).toContain('INSERT INTO specifics.events');
    } finally {
      query.mockRestore();
    }
    expect((await store.readStream(stream)).version).toBe(4);
  });

  it('appendToStreams writes any number of streams in one statement on one pooled connection', async () => {
    const tenant = `t${randomUUID().slice(0, 8)}`;
    const streams = Array.from({ length: 50 }, (_, i) => ({
      tenant,
      id: `contact-${i}-${randomUUID()}`,
    }));
    await store.appendToStreams([{ stream: streams[0], events: [event('Warm')] }]);
    const query = jest.spyOn(pool, 'query');
    try {
      const results = await store.appendToStreams(
        streams.map((stream, i) => ({
          stream,
          events: [event('A'), event('B')],
          expected: i === 0 ? 1 : 'no-stream',
        })),
      );
      expect(results.map((r) => r.nextExpectedVersion)).toEqual(streams.map((_, i) => (i ? 2 : 3)));
      const statements = query.mock.calls.filter(([q]) => !JSON.stringify(q).includes('pg_notify'));
      expect(statements).toHaveLength(1);
      // One transaction: every event of the call carries the same transaction id.
      expect(new Set(results.map((r) => r.lastPosition.commit)).size).toBe(1);
    } finally {
      query.mockRestore();
    }
  });

  it("appendToStreamsInTransaction: nothing shows before commit; a conflict aborts the caller's transaction and leaves no trace", async () => {
    const tenant = `t${randomUUID().slice(0, 8)}`;
    const a = { tenant, id: 'contact-a' };
    const b = { tenant, id: 'contact-b' };
    const outbox = `specifics.outbox_${randomUUID().replace(/-/g, '')}`;
    await pool.query(`CREATE TABLE ${outbox} (note text)`);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`INSERT INTO ${outbox} VALUES ('with the appends')`);
      await store.appendToStreamsInTransaction(client, [
        { stream: a, events: [event('A1')], expected: 'no-stream' },
        { stream: b, events: [event('B1')], expected: 'no-stream' },
      ]);
      expect((await store.readStream(a)).version).toBe(0); // not committed yet
      await client.query('COMMIT');
      expect((await store.readStream(a)).version).toBe(1);
      expect((await store.readStream(b)).version).toBe(1);

      await client.query('BEGIN');
      await client.query(`INSERT INTO ${outbox} VALUES ('never')`);
      const error = await store
        .appendToStreamsInTransaction(client, [
          { stream: a, events: [event('A2')], expected: 1 },
          { stream: b, events: [event('B2')], expected: 'no-stream' },
        ])
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WrongExpectedVersionError);
      expect(error).toMatchObject({ stream: b, actual: 1 });
      await expect(client.query('SELECT 1')).rejects.toThrow(/current transaction is aborted/);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    expect((await store.readStream(a)).version).toBe(1);
    expect((await pool.query(`SELECT note FROM ${outbox}`)).rows).toEqual([
      { note: 'with the appends' },
    ]);
  });

  it('rejects a schema name that is not a plain identifier', () => {
    expect(() => new PostgresEventStore(pool, { schema: 'x; DROP TABLE y' })).toThrow(
      /Invalid event store schema/,
    );
  });

  it('a global reader waits for an older open transaction, then sees both events in order', async () => {
    const tenant = `t${randomUUID().slice(0, 8)}`;
    const seen: RecordedEvent[] = [];
    const subscription = store.subscribe({ tenant }, async (events) => {
      seen.push(...events);
    });
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await store.appendInTransaction(client, { tenant, id: 'contact-early' }, [event('Earlier')]);
      await store.append({ tenant, id: 'contact-late' }, [event('Later')]); // committed first

      const whileOpen = await store.readAll({ tenant });
      expect(whileOpen.events).toEqual([]);
      await sleep(300);
      expect(seen).toEqual([]);

      await client.query('COMMIT');
    } finally {
      client.release();
    }
    await waitFor(() => seen.length === 2);
    await subscription.stop();
    expect(seen.map((e) => e.type)).toEqual(['Earlier', 'Later']);
    const events = await readAllEventually(store, { tenant }, 2);
    expect(events.map((e) => e.type)).toEqual(['Earlier', 'Later']);
    expect(events[0].position.commit < events[1].position.commit).toBe(true);
  });

  it('orders by transaction, not by global position: a later position in an earlier transaction comes first', async () => {
    const tenant = `t${randomUUID().slice(0, 8)}`;
    const early = await pool.connect();
    const late = await pool.connect();
    try {
      await early.query('BEGIN');
      await early.query('SELECT pg_current_xact_id()'); // takes the lower transaction id now
      await late.query('BEGIN');
      await store.appendInTransaction(late, { tenant, id: 'contact-b' }, [
        event('SecondTransaction'),
      ]);
      await store.appendInTransaction(early, { tenant, id: 'contact-a' }, [
        event('FirstTransaction'),
      ]);
      await late.query('COMMIT');
      expect((await store.readAll({ tenant })).events).toEqual([]);
      await early.query('COMMIT');
    } finally {
      early.release();
      late.release();
    }
    // Visible once every older transaction in the cluster has ended (other suites run too).
    const events = await readAllEventually(store, { tenant }, 2);
    expect(events.map((e) => e.type)).toEqual(['FirstTransaction', 'SecondTransaction']);
    expect(events[0].position.prepare > events[1].position.prepare).toBe(true);
  });

  it('an append rolled back with its transaction leaves no trace', async () => {
    const stream = { tenant: `t${randomUUID().slice(0, 8)}`, id: 'contact-rolled-back' };
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await store.appendInTransaction(client, stream, [event('Never')], 'no-stream');
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    expect(await store.readStream(stream)).toEqual({ version: 0, events: [] });
    await expect(store.append(stream, [event('First')], 'no-stream')).resolves.toMatchObject({
      nextExpectedVersion: 1,
    });
  });

  it('a filtered reader moves its cursor past events it does not want', async () => {
    await store.append({ tenant: 'someone-else', id: 'contact-x' }, [event('NotMine')]);
    const { events, last } = await store.readAll({ tenant: `t${randomUUID().slice(0, 8)}` });
    expect(events).toEqual([]);
    expect(last.commit > START.commit && last.prepare > 0n).toBe(true);
  });

  it.each([
    'append',
    'appendInTransaction',
    'appendToStreams',
    'appendToStreamsInTransaction',
  ] as const)(
    'wakes a subscriber in another process through NOTIFY, not by polling (%s)',
    async (how) => {
      const otherPool = new Pool({ connectionString: db.url, max: 3 });
      // Idle polls at 0.1, 0.3, 0.7, 1.5, 3.1, 6.3 s: after the append at ~2 s, polling alone
      // would deliver at ~3.1 s at the earliest, so delivery well before that is the NOTIFY.
      const listener = new PostgresEventStore(otherPool, {
        schema: 'specifics',
        polling: { minDelayMs: 100, maxDelayMs: 20_000 },
      });
      const tenant = `t${randomUUID().slice(0, 8)}`;
      const seen: string[] = [];
      const started = Date.now();
      const subscription = listener.subscribe({ tenant }, async (events) => {
        seen.push(...events.map((e) => e.type));
      });
      try {
        await sleep(2_000);
        const appendedAt = Date.now();
        const stream = { tenant, id: 'contact-n' };
        const events = [event('Notified')];
        if (how === 'append') await store.append(stream, events);
        else if (how === 'appendToStreams') await store.appendToStreams([{ stream, events }]);
        // The NOTIFY rides on the append statement, delivered when the caller commits.
        else if (how === 'appendInTransaction')
          await inTransaction(pool, (client) => store.appendInTransaction(client, stream, events));
        else
          await inTransaction(pool, (client) =>
            store.appendToStreamsInTransaction(client, [{ stream, events }]),
          );
        await waitFor(() => seen.length === 1, 5_000);
        const delivery = Date.now() - appendedAt;
        expect(seen).toEqual(['Notified']);
        expect(Date.now() - started).toBeLessThan(2_900);
        expect(delivery).toBeLessThan(800);
      } finally {
        await subscription.stop();
        await listener.close();
        await otherPool.end();
      }
    },
  );

  it('re-establishes LISTEN after its connection is killed', async () => {
    const otherPool = new Pool({ connectionString: db.url, max: 3 });
    otherPool.on('error', () => undefined);
    const listener = new PostgresEventStore(otherPool, {
      schema: 'specifics',
      polling: { minDelayMs: 20_000, maxDelayMs: 20_000 }, // only a NOTIFY can deliver in time
    });
    const tenant = `t${randomUUID().slice(0, 8)}`;
    const seen: string[] = [];
    const subscription = listener.subscribe({ tenant }, async (events) => {
      seen.push(...events.map((e) => e.type));
    });
    try {
      await sleep(300);
      const { rows } = await pool.query(
        `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity
         WHERE datname = current_database() AND query = 'LISTEN "specifics_events"' AND pid <> pg_backend_pid()`,
      );
      expect(rows.length).toBeGreaterThanOrEqual(1);
      await sleep(1_800); // the notifier retries LISTEN after 1 s
      await store.append({ tenant, id: 'contact-after-kill' }, [event('AfterKill')]);
      await waitFor(() => seen.length === 1, 3_000);
      expect(seen).toEqual(['AfterKill']);
    } finally {
      await subscription.stop();
      await listener.close();
      await otherPool.end();
    }
  });

  it('rejects malformed event ids and expected versions as invalid input', async () => {
    const stream = { tenant: 't', id: 'contact-bad' };
    await expect(store.append(stream, [{ ...event('A'), id: 'not-a-uuid' }])).rejects.toMatchObject(
      {
        code: 'InvalidEventId',
        kind: 'invalid',
      },
    );
    await expect(store.append(stream, [event('A')], -1)).rejects.toMatchObject({ kind: 'invalid' });
  });
});

function event(type: string): NewEvent {
  return {
    id: randomUUID(),
    type,
    data: { type },
    metadata: { tenant: 't', occurredAt: new Date().toISOString() },
  };
}
