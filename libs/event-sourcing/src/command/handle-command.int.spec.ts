import { randomUUID } from 'node:crypto';
import type { Decider } from '../decider';
import { DomainError } from '../domain-error';
import { type EventStore, type StreamRef, WrongExpectedVersionError } from '../event-store';
import { openTestStore, type TestStore } from '../testing/postgres-test-store';
import { aggregateStream } from './aggregate-stream';
import { handleCommand, PreconditionFailedError } from './handle-command';

// A counter whose events record the value they moved to: a decision on stale state shows up as a
// repeated or skipped value.
type CounterEvent = { type: 'Incremented'; data: { to: number } };
type CounterCommand = { type: 'Increment' } | { type: 'IncrementIfBelow'; limit: number };
const counter: Decider<CounterCommand, CounterEvent, { value: number }> = {
  initialState: () => ({ value: 0 }),
  evolve: (_state, event) => ({ value: event.data.to }),
  decide: (command, state) => {
    if (command.type === 'IncrementIfBelow' && state.value >= command.limit) {
      if (command.limit < 0)
        throw new DomainError('NegativeLimit', 'limit must be >= 0', 'invalid');
      return [];
    }
    return [{ type: 'Incremented', data: { to: state.value + 1 } }];
  },
};

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore('es_command', 25);
});
afterAll(() => t.close());

const newStream = (): StreamRef => ({ tenant: 'acme', id: `counter-${randomUUID()}` });
const ctx = { tenant: 'acme', actor: 'user-1', causationId: 'req-1' };
const values = async (stream: StreamRef) =>
  (await t.store.readStream(stream)).events.map((e) => (e.data as { to: number }).to);

/** The real store, plus a competing writer that appends right after our read (a real conflict). */
function withInterleavedWriter(store: EventStore, times: number): EventStore & { reads: number } {
  const wrapped = {
    ...store,
    reads: 0,
    append: store.append.bind(store),
    appendToStreams: store.appendToStreams.bind(store),
    readAll: store.readAll.bind(store),
    subscribe: store.subscribe.bind(store),
    close: store.close.bind(store),
    async readStream(...args: Parameters<EventStore['readStream']>) {
      const result = await store.readStream(...args);
      if (wrapped.reads++ < times) {
        await handleCommand(store, counter, args[0], { type: 'Increment' }, { tenant: 'acme' });
      }
      return result;
    },
  };
  return wrapped;
}

describe('handleCommand against PostgreSQL', () => {
  it('appends the decided events with the envelope and returns the new version and state', async () => {
    const stream = newStream();
    const first = await handleCommand(t.store, counter, stream, { type: 'Increment' }, ctx);
    const second = await handleCommand(
      t.store,
      counter,
      stream,
      { type: 'Increment' },
      {
        ...ctx,
        correlationId: 'corr-7',
        expectedVersion: 1,
      },
    );
    expect(first.nextExpectedVersion).toBe(1);
    expect(second).toMatchObject({ nextExpectedVersion: 2, state: { value: 2 } });
    expect(second.events).toEqual([
      expect.objectContaining({
        type: 'Incremented',
        data: { to: 2 },
        streamVersion: 2,
        schemaVersion: 1,
      }),
    ]);

    const recorded = (await t.store.readStream(stream)).events;
    expect(recorded.map((e) => e.id)).toEqual([first.events[0].id, second.events[0].id]);
    expect(recorded[1].metadata).toEqual({
      tenant: 'acme',
      actor: 'user-1',
      causationId: 'req-1',
      correlationId: 'corr-7',
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(recorded[0].metadata.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.lastPosition).toEqual(recorded[1].position);
    expect(await aggregateStream(t.store, counter, stream)).toEqual({
      state: { value: 2 },
      version: 2,
    });
  });

  it('appends nothing when the decider decides nothing', async () => {
    const stream = newStream();
    await handleCommand(t.store, counter, stream, { type: 'Increment' }, ctx);
    const result = await handleCommand(
      t.store,
      counter,
      stream,
      { type: 'IncrementIfBelow', limit: 1 },
      ctx,
    );
    expect(result).toEqual({ events: [], nextExpectedVersion: 1, state: { value: 1 } });
    expect(await values(stream)).toEqual([1]);
  });

  it('lets domain errors through untouched', async () => {
    const stream = newStream();
    await handleCommand(t.store, counter, stream, { type: 'Increment' }, ctx);
    await expect(
      handleCommand(t.store, counter, stream, { type: 'IncrementIfBelow', limit: -1 }, ctx),
    ).rejects.toMatchObject({ code: 'NegativeLimit', kind: 'invalid' });
  });

  it('re-reads and re-decides after a concurrent write when the client sent no version', async () => {
    const stream = newStream();
    const racing = withInterleavedWriter(t.store, 2);
    const result = await handleCommand(racing, counter, stream, { type: 'Increment' }, ctx);
    expect(racing.reads).toBe(3);
    expect(result).toMatchObject({ nextExpectedVersion: 3, state: { value: 3 } });
    expect(await values(stream)).toEqual([1, 2, 3]);
  });

  it('gives up after maxRetries and surfaces the conflict (409)', async () => {
    const stream = newStream();
    const racing = withInterleavedWriter(t.store, 10);
    const error = await handleCommand(
      racing,
      counter,
      stream,
      { type: 'Increment' },
      { ...ctx, maxRetries: 2 },
    ).catch((e) => e);
    expect(error).toBeInstanceOf(WrongExpectedVersionError);
    expect(error.kind).toBe('conflict');
    expect(racing.reads).toBe(3);
    expect(await values(stream)).toEqual([1, 2, 3]); // only the competing writer's events
  });

  it('answers a stale If-Match with 412 before deciding, and never retries', async () => {
    const stream = newStream();
    await handleCommand(t.store, counter, stream, { type: 'Increment' }, ctx);
    await handleCommand(t.store, counter, stream, { type: 'Increment' }, ctx);
    const error = await handleCommand(
      t.store,
      counter,
      stream,
      { type: 'Increment' },
      {
        ...ctx,
        expectedVersion: 1,
      },
    ).catch((e) => e);
    expect(error).toBeInstanceOf(PreconditionFailedError);
    expect(error).toMatchObject({ kind: 'precondition-failed', expected: 1, actual: 2 });
    expect(await values(stream)).toEqual([1, 2]);
  });

  it('turns a conflict at append time into 412 when the client sent If-Match', async () => {
    const stream = newStream();
    await handleCommand(t.store, counter, stream, { type: 'Increment' }, ctx);
    const racing = withInterleavedWriter(t.store, 1);
    const error = await handleCommand(
      racing,
      counter,
      stream,
      { type: 'Increment' },
      {
        ...ctx,
        expectedVersion: 1,
      },
    ).catch((e) => e);
    expect(error).toBeInstanceOf(PreconditionFailedError);
    expect(error).toMatchObject({ expected: 1, actual: 2 });
    expect(racing.reads).toBe(1);
    expect(await values(stream)).toEqual([1, 2]);
  });

  it('20 concurrent commands on one stream all land, each decided on fresh state', async () => {
    const stream = newStream();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        handleCommand(t.store, counter, stream, { type: 'Increment' }, { ...ctx, maxRetries: 20 }),
      ),
    );
    expect(await values(stream)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(results.map((r) => r.nextExpectedVersion).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    for (const r of results) expect(r.state.value).toBe(r.nextExpectedVersion);
    expect((await aggregateStream(t.store, counter, stream)).state).toEqual({ value: 20 });
  });

  it('refuses a stream of another tenant', async () => {
    await expect(
      handleCommand(
        t.store,
        counter,
        { tenant: 'other', id: 'counter-1' },
        { type: 'Increment' },
        ctx,
      ),
    ).rejects.toThrow(/does not own/);
  });
});
