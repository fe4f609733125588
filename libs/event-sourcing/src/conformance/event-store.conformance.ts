/**
 * The behaviour every EventStore adapter must have, as jest tests. An adapter's integration spec
 * calls `eventStoreConformance(factory)` inside its own describe block. Every test works in its
 * own fresh tenant, so the tests share one store (and one database) without seeing each other.
 */
import { randomUUID } from 'node:crypto';
import { DomainError } from '../domain-error';
import {
  comparePositions,
  DuplicateEventIdError,
  MultiStreamAppendUnsupportedError,
  START,
  WrongExpectedVersionError,
  type EventStore,
  type NewEvent,
  type Position,
  type ReadAllOptions,
  type RecordedEvent,
  type StreamRef,
} from '../event-store';

export interface ConformanceOptions {
  /** Events per writer in the concurrent writers test (10 writers). Default 1,000. */
  readonly eventsPerWriter?: number;
  /**
   * Whether an event id already in the store is refused in a NEW append (true for PostgreSQL:
   * event_id is unique). EventStoreDB only deduplicates retries of the same append, so it
   * declares false and that one test is skipped for it.
   */
  readonly rejectsReusedEventIds?: boolean;
  /**
   * Whether the adapter appends to several streams in one atomic write (PostgreSQL: yes). One
   * that cannot (EventStoreDB's classic API) declares false: then the suite checks that it says so
   * and refuses a multi-stream call without writing anything.
   */
  readonly atomicMultiStreamAppend?: boolean;
}

export function eventStoreConformance(
  createStore: () => Promise<EventStore>,
  options: ConformanceOptions = {},
): void {
  let store: EventStore;

  beforeAll(async () => {
    store = await createStore();
  });
  afterAll(async () => {
    await store?.close();
  });

  describe('expected version', () => {
    it('no-stream: succeeds on a new stream, fails on an existing one', async () => {
      const stream = newStream();
      await expect(store.append(stream, [event('A')], 'no-stream')).resolves.toMatchObject({
        nextExpectedVersion: 1,
      });
      const error = await store.append(stream, [event('B')], 'no-stream').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WrongExpectedVersionError);
      expect(error).toMatchObject({ expected: 'no-stream', actual: 1 });
      expect((await store.readStream(stream)).version).toBe(1);
    });

    it('exists: fails on a missing stream, succeeds on an existing one', async () => {
      const stream = newStream();
      const error = await store.append(stream, [event('A')], 'exists').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WrongExpectedVersionError);
      expect(error).toMatchObject({ expected: 'exists', actual: 0 });
      await store.append(stream, [event('A')], 'no-stream');
      await expect(store.append(stream, [event('B'), event('C')], 'exists')).resolves.toMatchObject(
        {
          nextExpectedVersion: 3,
        },
      );
    });

    it('exact: 0 means new; n must equal the current version, else expected and actual are reported', async () => {
      const stream = newStream();
      expect((await store.append(stream, [event('A')], 0)).nextExpectedVersion).toBe(1);
      expect((await store.append(stream, [event('B'), event('C')], 1)).nextExpectedVersion).toBe(3);
      for (const stale of [0, 1, 2, 4]) {
        const error = await store.append(stream, [event('X')], stale).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect(error).toMatchObject({ expected: stale, actual: 3 });
      }
      expect((await store.append(stream, [event('D')], 3)).nextExpectedVersion).toBe(4);
      const error = await store.append(newStream(), [event('A')], 2).catch((e: unknown) => e);
      expect(error).toMatchObject({ expected: 2, actual: 0 });
    });

    it('any: appends to new and existing streams', async () => {
      const stream = newStream();
      expect((await store.append(stream, [event('A')], 'any')).nextExpectedVersion).toBe(1);
      expect((await store.append(stream, [event('B')])).nextExpectedVersion).toBe(2);
      expect((await store.readStream(stream)).events.map((e) => e.type)).toEqual(['A', 'B']);
    });

    it('50 concurrent appends with the same expected version: exactly one succeeds', async () => {
      const stream = newStream();
      await store.append(stream, [event('Opened')], 'no-stream');
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) => store.append(stream, [event(`Racer${i}`)], 1)),
      );
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(49);
      for (const error of lost) {
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect(error).toMatchObject({ expected: 1, actual: 2 });
      }
      const { version, events } = await store.readStream(stream);
      expect(version).toBe(2);
      expect(events).toHaveLength(2);
    });

    it('concurrent appends with any: all succeed, versions stay dense and unique', async () => {
      const stream = newStream();
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          store.append(stream, [event(`Any${i}a`), event(`Any${i}b`)], 'any'),
        ),
      );
      expect(results.map((r) => r.nextExpectedVersion).sort((a, b) => a - b)).toEqual(
        range(1, 20).map((i) => i * 2),
      );
      const { version, events } = await store.readStream(stream);
      expect(version).toBe(40);
      expect(events.map((e) => e.streamVersion)).toEqual(range(1, 40));
      // Each append's two events stay adjacent.
      for (let i = 0; i < 40; i += 2)
        expect(events[i + 1].type).toBe(events[i].type.replace(/a$/, 'b'));
    });

    it('50 concurrent creations of one stream with no-stream: exactly one succeeds', async () => {
      const stream = newStream();
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, () => store.append(stream, [event('Created')], 'no-stream')),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect((await store.readStream(stream)).version).toBe(1);
    });
  });

  describe('streams', () => {
    it('keeps per-stream order, dense 1-based versions, and reads from a version with a limit', async () => {
      const stream = newStream();
      let expected = 0;
      for (let batch = 0; batch < 5; batch++) {
        const events = Array.from({ length: batch + 1 }, (_, i) => event(`E${batch}.${i}`));
        expected = (await store.append(stream, events, expected)).nextExpectedVersion;
      }
      const all = await store.readStream(stream);
      expect(all.version).toBe(15);
      expect(all.events.map((e) => e.streamVersion)).toEqual(range(1, 15));
      expect(all.events.map((e) => e.type)).toEqual([
        'E0.0', 'E1.0', 'E1.1', 'E2.0', 'E2.1', 'E2.2', 'E3.0', 'E3.1', 'E3.2', 'E3.3',
        'E4.0', 'E4.1', 'E4.2', 'E4.3', 'E4.4',
      ]); // prettier-ignore
      const page = await store.readStream(stream, { fromVersion: 4, limit: 3 });
      expect(page.version).toBe(15);
      expect(page.events.map((e) => e.streamVersion)).toEqual([4, 5, 6]);
      expect(await store.readStream(stream, { fromVersion: 16 })).toEqual({
        version: 15,
        events: [],
      });
      expect(await store.readStream(newStream())).toEqual({ version: 0, events: [] });
    });

    it('returns the envelope as appended (id, type, schema version, data, metadata, stream)', async () => {
      const stream = newStream();
      const appended = {
        ...event('ContactRegistered', { name: 'Ada', tags: ['a', 'b'] }),
        schemaVersion: 3,
      };
      const result = await store.append(stream, [appended]);
      const [recorded] = (await store.readStream(stream)).events;
      expect(recorded).toMatchObject({
        id: appended.id,
        type: 'ContactRegistered',
        schemaVersion: 3,
        data: { name: 'Ada', tags: ['a', 'b'] },
        metadata: appended.metadata,
        tenant: stream.tenant,
        streamId: stream.id,
        streamVersion: 1,
        position: result.lastPosition,
      });
      expect(recorded.createdAt).toBeInstanceOf(Date);
    });

    it('round-trips unicode and 1 MB payloads', async () => {
      const stream = newStream();
      const unicode = {
        text: 'Zoë Ångström — 東京 — مرحبا — 🚀👩‍💻 — NUL-free "quotes" \\ back\\slash',
        emoji: '🧪',
      };
      const big = { blob: 'x€😀'.repeat((1024 * 1024) / 8), nested: { list: range(1, 1000) } };
      expect(Buffer.byteLength(JSON.stringify(big))).toBeGreaterThan(1024 * 1024);
      await store.append(stream, [
        event('Unicode', unicode),
        event('Big', big),
        event('Plain', 'just a string'),
      ]);
      const { events } = await store.readStream(stream);
      expect(events.map((e) => e.data)).toEqual([unicode, big, 'just a string']);
      const global = await readAllEventually(store, { tenant: stream.tenant }, 3);
      expect(global.map((e) => e.data)).toEqual([unicode, big, 'just a string']);
    });
  });

  describe('idempotent append by event id', () => {
    it('appending the same events again is a no-op that reports the original result', async () => {
      const stream = newStream();
      const events = [event('A'), event('B')];
      const first = await store.append(stream, events, 'no-stream');
      const again = await store.append(stream, events, 'no-stream');
      expect(again.nextExpectedVersion).toBe(first.nextExpectedVersion);
      expect(comparePositions(again.lastPosition, first.lastPosition)).toBe(0);
      const viaAny = await store.append(stream, events, 'any');
      expect(viaAny.nextExpectedVersion).toBe(2);
      const { version, events: stored } = await store.readStream(stream);
      expect(version).toBe(2);
      expect(stored.map((e) => e.id)).toEqual(events.map((e) => e.id));
      expect(await readAllEventually(store, { tenant: stream.tenant }, 2)).toHaveLength(2);
    });

    const reuseIt = (options.rejectsReusedEventIds ?? true) ? it : it.skip;
    reuseIt(
      'reusing an event id in a different append is rejected and changes nothing',
      async () => {
        const stream = newStream();
        const a = event('A');
        await store.append(stream, [a], 'no-stream');
        const error = await store.append(stream, [a, event('New')], 1).catch((e: unknown) => e);
        expect(
          error instanceof DuplicateEventIdError || error instanceof WrongExpectedVersionError,
        ).toBe(true);
        expect((await store.readStream(stream)).version).toBe(1);
      },
    );
  });

  describe('multi-stream append (appendToStreams)', () => {
    it('one stream: the same as append (expected version, result)', async () => {
      const stream = newStream();
      const [first] = await store.appendToStreams([
        { stream, events: [event('A'), event('B')], expected: 'no-stream' },
      ]);
      expect(first.nextExpectedVersion).toBe(2);
      const error = await store
        .appendToStreams([{ stream, events: [event('C')], expected: 1 }])
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WrongExpectedVersionError);
      expect(error).toMatchObject({ expected: 1, actual: 2 });
      expect((await store.readStream(stream)).version).toBe(2);
    });

    it('a stream named twice in one call is refused before anything is written', async () => {
      const stream = newStream();
      const error = await store
        .appendToStreams([
          { stream, events: [event('A')] },
          { stream: { ...stream }, events: [event('B')] },
        ])
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'InvalidMultiStreamAppend', kind: 'invalid' });
      expect((await store.readStream(stream)).version).toBe(0);
    });

    if (!(options.atomicMultiStreamAppend ?? true)) {
      it('says it cannot append to several streams atomically, and refuses without writing', async () => {
        expect(store.atomicMultiStreamAppend).toBe(false);
        const a = newStream();
        const b = newStream(a.tenant);
        const error = await store
          .appendToStreams([
            { stream: a, events: [event('A')] },
            { stream: b, events: [event('B')] },
          ])
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(MultiStreamAppendUnsupportedError);
        expect((await store.readStream(a)).version).toBe(0);
        expect((await store.readStream(b)).version).toBe(0);
      });
      return;
    }

    it('appends to new and existing streams, each with its own expected version, results in order', async () => {
      const tenant = newTenant();
      const existing = newStream(tenant);
      const other = newStream(newTenant());
      await store.append(existing, [event('Old')], 'no-stream');
      await store.append(other, [event('Old')], 'no-stream');
      const fresh = newStream(tenant, 'company');
      const results = await store.appendToStreams([
        { stream: fresh, events: [event('F1'), event('F2')], expected: 'no-stream' },
        { stream: existing, events: [event('E2')], expected: 1 },
        { stream: other, events: [event('O2'), event('O3')], expected: 'exists' },
        { stream: newStream(tenant), events: [event('N1')] },
      ]);
      expect(results.map((r) => r.nextExpectedVersion)).toEqual([2, 2, 3, 1]);
      expect(store.atomicMultiStreamAppend).toBe(true);
      const read = await store.readStream(fresh);
      expect(read.events.map((e) => [e.type, e.streamVersion])).toEqual([
        ['F1', 1],
        ['F2', 2],
      ]);
      expect(comparePositions(results[0].lastPosition, read.events[1].position)).toBe(0);
      expect((await store.readStream(other)).events.map((e) => e.type)).toEqual([
        'Old',
        'O2',
        'O3',
      ]);
      const log = await readAllEventually(store, { tenant }, 5);
      expect(log.map((e) => e.type)).toEqual(['Old', 'F1', 'F2', 'E2', 'N1']);
    });

    it.each([
      ['exact version behind', 1],
      ['no-stream on an existing stream', 'no-stream'],
      ['exact 0 on an existing stream', 0],
    ] as const)('a conflict on one stream (%s) appends nothing on any', async (_, expected) => {
      const tenant = newTenant();
      const conflicting = newStream(tenant);
      await store.append(conflicting, [event('A'), event('B')], 'no-stream');
      const untouched = newStream(tenant);
      await store.append(untouched, [event('A')], 'no-stream');
      const fresh = newStream(tenant);
      const error = await store
        .appendToStreams([
          { stream: fresh, events: [event('X')], expected: 'no-stream' },
          { stream: untouched, events: [event('X')], expected: 1 },
          { stream: conflicting, events: [event('X')], expected },
        ])
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WrongExpectedVersionError);
      expect(error).toMatchObject({ stream: conflicting, expected, actual: 2 });
      expect((await store.readStream(fresh)).version).toBe(0);
      expect((await store.readStream(untouched)).version).toBe(1);
      expect((await store.readStream(conflicting)).version).toBe(2);
      // The next call, with the right versions, goes through (nothing was left locked or half done).
      const ok = await store.appendToStreams([
        { stream: fresh, events: [event('X')], expected: 'no-stream' },
        { stream: conflicting, events: [event('X')], expected: 2 },
      ]);
      expect(ok.map((r) => r.nextExpectedVersion)).toEqual([1, 3]);
    });

    it('exists on a missing stream, and a failing check-only stream (no events), append nothing', async () => {
      const tenant = newTenant();
      const present = newStream(tenant);
      await store.append(present, [event('A')], 'no-stream');
      const missing = newStream(tenant);
      const fresh = newStream(tenant);
      const exists = await store
        .appendToStreams([
          { stream: fresh, events: [event('X')] },
          { stream: missing, events: [event('X')], expected: 'exists' },
        ])
        .catch((e: unknown) => e);
      expect(exists).toMatchObject({ stream: missing, expected: 'exists', actual: 0 });
      const checkOnly = await store
        .appendToStreams([
          { stream: fresh, events: [event('X')] },
          { stream: present, events: [], expected: 5 },
        ])
        .catch((e: unknown) => e);
      expect(checkOnly).toBeInstanceOf(WrongExpectedVersionError);
      expect(checkOnly).toMatchObject({ stream: present, expected: 5, actual: 1 });
      expect((await store.readStream(fresh)).version).toBe(0);
      expect((await store.readStream(missing)).version).toBe(0);
      // A passing check-only stream reports its version and appends nothing to it.
      const results = await store.appendToStreams([
        { stream: fresh, events: [event('X')] },
        { stream: present, events: [], expected: 1 },
      ]);
      expect(results[0].nextExpectedVersion).toBe(1);
      expect(results[1]).toEqual({ nextExpectedVersion: 1, lastPosition: START });
    });

    it('retrying exactly the same call is a no-op that reports the original results', async () => {
      const tenant = newTenant();
      const a = newStream(tenant);
      const b = newStream(tenant);
      const call = [
        { stream: a, events: [event('A1'), event('A2')], expected: 'no-stream' as const },
        { stream: b, events: [event('B1')], expected: 'no-stream' as const },
      ];
      const first = await store.appendToStreams(call);
      const again = await store.appendToStreams(call);
      expect(again.map((r) => r.nextExpectedVersion)).toEqual([2, 1]);
      again.forEach((r, i) =>
        expect(comparePositions(r.lastPosition, first[i].lastPosition)).toBe(0),
      );
      const viaAny = await store.appendToStreams(
        call.map((c) => ({ ...c, expected: 'any' as const })),
      );
      expect(viaAny.map((r) => r.nextExpectedVersion)).toEqual([2, 1]);
      expect(await readAllEventually(store, { tenant }, 3)).toHaveLength(3);
    });

    if (options.rejectsReusedEventIds ?? true) {
      it('an event id of another append, in any of the streams, is refused and changes nothing', async () => {
        const tenant = newTenant();
        const used = event('Used');
        await store.append(newStream(tenant), [used]);
        const fresh = newStream(tenant);
        const error = await store
          .appendToStreams([
            { stream: fresh, events: [event('X')] },
            { stream: newStream(tenant), events: [used] },
          ])
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DuplicateEventIdError);
        expect((await store.readStream(fresh)).version).toBe(0);
      });
    }

    it('20 concurrent calls over overlapping streams with the same versions: one wins whole, the rest change nothing', async () => {
      const tenant = newTenant();
      const streams = range(1, 4).map(() => newStream(tenant));
      for (const s of streams) await store.append(s, [event('Seed')], 'no-stream');
      const outcomes = await Promise.allSettled(
        range(1, 20).map((n) => {
          // Each call names three of the four streams, in a rotated order (deadlock bait).
          const picked = [0, 1, 2].map((k) => streams[(n + k) % 4]);
          return store.appendToStreams(
            picked.map((stream) => ({ stream, events: [event(`W${n}`)], expected: 1 })),
          );
        }),
      );
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      expect(won).toHaveLength(1);
      for (const o of outcomes) {
        if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(WrongExpectedVersionError);
      }
      const versions = await Promise.all(
        streams.map(async (s) => (await store.readStream(s)).version),
      );
      expect(versions.filter((v) => v === 2)).toHaveLength(3);
      expect(versions.filter((v) => v === 1)).toHaveLength(1);
    });

    it('concurrent calls with any over the same streams in different orders: all succeed, versions dense', async () => {
      const tenant = newTenant();
      const streams = range(1, 5).map(() => newStream(tenant));
      const calls = 30;
      await Promise.all(
        range(1, calls).map((n) => {
          const order = n % 2 ? streams : [...streams].reverse();
          return store.appendToStreams(
            order.map((stream) => ({ stream, events: [event(`W${n}`)] })),
          );
        }),
      );
      for (const s of streams) {
        const { version, events } = await store.readStream(s);
        expect(version).toBe(calls);
        expect(events.map((e) => e.streamVersion)).toEqual(range(1, calls));
      }
    });
  });

  describe('global log', () => {
    it('reads every event of a tenant in append order, in pages that neither overlap nor skip', async () => {
      const tenant = newTenant();
      const appended: string[] = [];
      for (let i = 0; i < 7; i++) {
        const events = [event(`T${i}a`), event(`T${i}b`)];
        await store.append(newStream(tenant, i % 2 ? 'contact' : 'company'), events);
        appended.push(...events.map((e) => e.id));
      }
      await readAllEventually(store, { tenant }, appended.length);
      const read: RecordedEvent[] = [];
      let after: Position = START;
      for (let pages = 0; pages < 20; pages++) {
        const page = await store.readAll({ tenant, after, limit: 3 });
        expect(page.events.length).toBeLessThanOrEqual(3);
        read.push(...page.events);
        if (!page.events.length) break;
        after = page.last;
      }
      expect(read.map((e) => e.id)).toEqual(appended);
      expectStrictlyIncreasing(read.map((e) => e.position));
    });

    it('filters by category and by event type', async () => {
      const tenant = newTenant();
      await store.append(newStream(tenant, 'contact'), [
        event('ContactRegistered'),
        event('ContactRenamed'),
      ]);
      await store.append(newStream(tenant, 'company'), [event('CompanyRegistered')]);
      await store.append(newStream(tenant, 'lead'), [event('LeadOpened'), event('ContactRenamed')]);
      await readAllEventually(store, { tenant }, 5);
      const types = async (o: { categories?: string[]; types?: string[] }) =>
        (await store.readAll({ tenant, ...o })).events.map((e) => e.type);
      expect(await types({ categories: ['contact'] })).toEqual([
        'ContactRegistered',
        'ContactRenamed',
      ]);
      expect(await types({ categories: ['company', 'lead'] })).toEqual([
        'CompanyRegistered',
        'LeadOpened',
        'ContactRenamed',
      ]);
      expect(await types({ types: ['ContactRenamed'] })).toEqual([
        'ContactRenamed',
        'ContactRenamed',
      ]);
      expect(await types({ categories: ['lead'], types: ['ContactRenamed'] })).toEqual([
        'ContactRenamed',
      ]);
      expect(await types({ categories: ['opportunity'] })).toEqual([]);
    });

    it('isolates tenants: same stream id, separate streams; a tenant reader never sees another tenant', async () => {
      const [a, b] = [newTenant(), newTenant()];
      const id = `contact-${randomUUID()}`;
      await store.append({ tenant: a, id }, [event('InA', {}, a)], 'no-stream');
      await store.append(
        { tenant: b, id },
        [event('InB1', {}, b), event('InB2', {}, b)],
        'no-stream',
      );
      expect((await store.readStream({ tenant: a, id })).events.map((e) => e.type)).toEqual([
        'InA',
      ]);
      expect((await store.readStream({ tenant: b, id })).version).toBe(2);
      await readAllEventually(store, { tenant: b }, 2);
      const fromA = await readAllEventually(store, { tenant: a }, 1);
      expect(fromA.map((e) => [e.tenant, e.type])).toEqual([[a, 'InA']]);
      const seen = await collect(store, { tenant: b }, 2);
      expect(seen.map((e) => e.tenant)).toEqual([b, b]);
    });
  });

  describe('subscribe', () => {
    it('catches up, then goes live, one batch at a time', async () => {
      const tenant = newTenant();
      const stream = newStream(tenant);
      await store.append(
        stream,
        range(1, 5).map((i) => event(`Before${i}`)),
      );
      let inFlight = 0;
      let maxInFlight = 0;
      const seen: string[] = [];
      const subscription = store.subscribe({ tenant, batchSize: 2 }, async (events) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        expect(events.length).toBeLessThanOrEqual(2);
        await sleep(5);
        seen.push(...events.map((e) => e.type));
        inFlight--;
      });
      await waitFor(() => seen.length === 5);
      await store.append(stream, [event('Live1'), event('Live2')]);
      await waitFor(() => seen.length === 7);
      await subscription.stop();
      expect(seen).toEqual([
        'Before1',
        'Before2',
        'Before3',
        'Before4',
        'Before5',
        'Live1',
        'Live2',
      ]);
      expect(maxInFlight).toBe(1);
    });

    it('resumes after a checkpoint without repeating or skipping', async () => {
      const tenant = newTenant();
      const stream = newStream(tenant);
      await store.append(
        stream,
        range(1, 4).map((i) => event(`E${i}`)),
      );
      const first = await collect(store, { tenant }, 4);
      const checkpoint = first[first.length - 1].position;
      await store.append(stream, [event('E5'), event('E6')]);
      const resumed = await collect(store, { tenant, from: checkpoint }, 2);
      expect(resumed.map((e) => e.type)).toEqual(['E5', 'E6']);
      const middle = await collect(store, { tenant, from: first[1].position }, 4);
      expect(middle.map((e) => e.type)).toEqual(['E3', 'E4', 'E5', 'E6']);
    });

    it('stop() waits for the batch in flight; a failing handler ends the subscription', async () => {
      const tenant = newTenant();
      await store.append(newStream(tenant), [event('Slow')]);
      let finished = false;
      let started!: () => void;
      const handlerStarted = new Promise<void>((resolve) => (started = resolve));
      const slow = store.subscribe({ tenant }, async () => {
        started();
        await sleep(300);
        finished = true;
      });
      await handlerStarted;
      await slow.stop();
      expect(finished).toBe(true);
      await expect(slow.done).resolves.toBeUndefined();

      const failing = store.subscribe({ tenant }, async () => {
        throw new Error('projection bug');
      });
      await expect(failing.done).rejects.toThrow('projection bug');
    });

    it(`10 concurrent writers x ${options.eventsPerWriter ?? 1000} events: a live subscriber sees each exactly once`, async () => {
      const tenant = newTenant();
      const perWriter = options.eventsPerWriter ?? 1000;
      const total = 10 * perWriter;
      const seen = new Map<string, number>();
      const order: RecordedEvent[] = [];
      const subscription = store.subscribe({ tenant, batchSize: 250 }, async (events) => {
        for (const e of events) {
          seen.set(e.id, (seen.get(e.id) ?? 0) + 1);
          order.push(e);
        }
      });
      const appended = new Set<string>();
      await Promise.all(
        range(1, 10).map(async (writer) => {
          const stream = newStream(tenant);
          for (let version = 0; version < perWriter; version++) {
            const e = event(`W${writer}`);
            appended.add(e.id);
            await store.append(stream, [e], version);
          }
        }),
      );
      await waitFor(() => order.length >= total, 60_000);
      await sleep(200); // anything delivered twice would show up now
      await subscription.stop();
      expect(order).toHaveLength(total);
      expect(seen.size).toBe(total);
      expect([...seen.values()].every((n) => n === 1)).toBe(true);
      expect([...appended].every((id) => seen.has(id))).toBe(true);
      expectStrictlyIncreasing(order.map((e) => e.position));
      const lastVersionPerStream = new Map<string, number>();
      for (const e of order) {
        expect(e.streamVersion).toBe((lastVersionPerStream.get(e.streamId) ?? 0) + 1);
        lastVersionPerStream.set(e.streamId, e.streamVersion);
      }
    }, 120_000);
  });
}

function newTenant(): string {
  return `t${randomUUID().replace(/-/g, '').slice(0, 16)}`;
}

function newStream(tenant = newTenant(), category = 'contact'): StreamRef {
  return { tenant, id: `${category}-${randomUUID()}` };
}

function event(
  type: string,
  data: unknown = { at: Date.now() },
  tenant = 'any',
): NewEvent & { id: string } {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: { tenant, correlationId: randomUUID(), occurredAt: new Date().toISOString() },
  };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function expectStrictlyIncreasing(positions: Position[]): void {
  for (let i = 1; i < positions.length; i++) {
    if (comparePositions(positions[i - 1], positions[i]) >= 0) {
      throw new Error(
        `positions not strictly increasing at ${i}: ${fmt(positions[i - 1])} then ${fmt(positions[i])}`,
      );
    }
  }
}

function fmt(p: Position): string {
  return `(${p.commit}, ${p.prepare})`;
}

/**
 * The global log is eventually consistent: a committed event becomes readable once every OLDER
 * transaction has finished (PostgreSQL: cluster-wide, so anyone's open transaction delays it).
 * Reads the whole filtered log until it holds at least `count` events, then returns all of them.
 */
export async function readAllEventually(
  store: EventStore,
  options: Omit<ReadAllOptions, 'after' | 'limit'>,
  count: number,
  timeoutMs = 10_000,
): Promise<RecordedEvent[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const events: RecordedEvent[] = [];
    let after: Position = START;
    for (;;) {
      const page = await store.readAll({ ...options, after, limit: 500 });
      events.push(...page.events);
      if (!page.events.length) break;
      after = page.last;
    }
    if (events.length >= count || Date.now() > deadline) return events;
    await sleep(20);
  }
}

/** Subscribes until `count` events arrived, then stops. */
async function collect(
  store: EventStore,
  options: Parameters<EventStore['subscribe']>[0],
  count: number,
): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  const subscription = store.subscribe(options, async (batch) => {
    events.push(...batch);
  });
  try {
    await waitFor(() => events.length >= count);
    await sleep(100); // a surplus event would arrive now
  } finally {
    await subscription.stop();
  }
  expect(events).toHaveLength(count);
  return events;
}

export async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(10);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
