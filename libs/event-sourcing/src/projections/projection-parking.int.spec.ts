/**
 * One poison event never stops a projection: it is parked, everything else (other streams, other
 * tenants) is projected, and a retry after the fix applies it and clears the stale mark. A
 * transient failure is retried as it is and never parked.
 */
import { register } from 'prom-client';
import type { NewEvent, RecordedEvent } from '../event-store';
import type { PostgresEventStore } from '../postgres';
import { runParkedCli } from './cli/parked';
import type { Projection } from './projection';
import { rebuildProjection } from './rebuild-projection';
import { retryParkedEvents } from './retry-parked';
import { runnerSuite, unique } from './testing/runner-suite';
import { dumpTally, tallyProjection } from './testing/tally-projection';

const suite = runnerSuite('es_parking');
const { logFor } = suite;
const start = (store: PostgresEventStore, projection: Projection) =>
  suite.runner({ store, projection }).start();

const amount = (tenant: string, value: number, poison = false): NewEvent => ({
  type: 'AmountAdded',
  data: { amount: value, ...(poison ? { poison: true } : {}) },
  metadata: { tenant, occurredAt: '2026-01-01T00:00:00.000Z' },
});

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('a poison event', () => {
  it('is parked; other streams and tenants are projected; a retry after the fix applies it', async () => {
    const id = unique();
    const log = await logFor(id);
    let broken = true;
    const projection = tallyProjection({
      name: `tally_${id}`,
      schema: `rm_${id}`,
      // After the event's own writes: those must roll back with it.
      afterEvent: async (event: RecordedEvent) => {
        if (broken && (event.data as { poison?: boolean }).poison)
          throw pgError('22P02', 'invalid input syntax for type uuid: "poison"');
      },
    });
    const a1 = { tenant: 'tenant-a', id: `tally-a1${id}` };
    await log.append(a1, [amount('tenant-a', 1), amount('tenant-a', 2, true)]);
    await log.append({ tenant: 'tenant-b', id: `tally-b1${id}` }, [amount('tenant-b', 7)]);
    const last = await log.append({ tenant: 'tenant-a', id: `tally-a2${id}` }, [
      amount('tenant-a', 5),
    ]);
    const r = start(log, projection);

    expect(await r.waitForPosition(last.lastPosition, 10_000)).toBe(true);
    expect((await dumpTally(suite.t.pool, `rm_${id}`)).totals).toEqual([
      { stream_id: `tally-a1${id}`, events: 1, total: 1 },
      { stream_id: `tally-a2${id}`, events: 1, total: 5 },
      { stream_id: `tally-b1${id}`, events: 1, total: 7 },
    ]);
    const [poison] = (await log.readStream(a1)).events.slice(1);
    const parked = await r.parked.list({ projection: projection.name });
    expect(parked).toEqual([
      expect.objectContaining({
        eventId: poison.id,
        position: poison.position,
        tenant: 'tenant-a',
        streamId: a1.id,
        type: 'AmountAdded',
        errorMessage: 'invalid input syntax for type uuid: "poison"',
        sqlState: '22P02',
        blockedBy: null,
        attempts: 1,
      }),
    ]);
    expect(await r.parked.isStale(projection.name, a1)).toBe(true);
    expect(
      await r.parked.isStale(projection.name, { tenant: 'tenant-b', id: `tally-b1${id}` }),
    ).toBe(false);
    expect(await r.checkpoints.get(projection.name)).toMatchObject({
      status: 'live',
      stalledSince: null,
      position: last.lastPosition,
    });
    const metrics = await register.metrics();
    expect(metrics).toContain(`projection_parked_events{projection="tally_${id}"} 1`);
    expect(metrics).toContain(`projection_events_parked_total{projection="tally_${id}"} 1`);

    // Later events of the stale stream wait behind the poison event instead of skipping it.
    const later = await log.append(a1, [amount('tenant-a', 3)]);
    expect(await r.waitForPosition(later.lastPosition, 10_000)).toBe(true);
    expect((await dumpTally(suite.t.pool, `rm_${id}`)).totals[0]).toEqual({
      stream_id: `tally-a1${id}`,
      events: 1,
      total: 1,
    });
    const queued = await r.parked.list({ projection: projection.name });
    expect(queued.map((e) => [e.streamVersion, e.blockedBy])).toEqual([
      [2, null],
      [3, poison.id],
    ]);

    // Still broken: the retry applies nothing and counts the attempt.
    const failed = await retryParkedEvents({ pool: suite.t.pool, store: log, projection });
    expect(failed).toEqual([expect.objectContaining({ ok: false, streamId: a1.id })]);
    expect((await r.parked.list({ projection: projection.name }))[0].attempts).toBe(2);

    // Fixed: the CLI's retry (by event id, while the runner runs) applies the stream in order.
    broken = false;
    const out: string[] = [];
    const registry = {
      projections: [projection],
      openStore: async () => ({ store: log }),
    };
    const url = suite.t.db.url;
    expect(await runParkedCli(registry, ['--database-url', url, 'list'], (l) => out.push(l))).toBe(
      0,
    );
    expect(out.join('\n')).toContain(poison.id);
    expect(
      await runParkedCli(registry, ['--database-url', url, 'retry', poison.id], (l) => out.push(l)),
    ).toBe(0);
    expect(out.at(-1)).toBe(`applied tally_${id} tenant-a/${a1.id}: 2 event(s), no longer stale`);
    expect((await dumpTally(suite.t.pool, `rm_${id}`)).totals[0]).toEqual({
      stream_id: `tally-a1${id}`,
      events: 3,
      total: 6,
    });
    expect(await r.parked.isStale(projection.name, a1)).toBe(false);
    expect(await r.parked.list({ projection: projection.name })).toEqual([]);
    await r.sampleLag();
    expect(await register.metrics()).toContain(
      `projection_parked_events{projection="tally_${id}"} 0`,
    );

    // And the stream is projected live again.
    const after = await log.append(a1, [amount('tenant-a', 4)]);
    expect(await r.waitForPosition(after.lastPosition, 10_000)).toBe(true);
    expect((await dumpTally(suite.t.pool, `rm_${id}`)).totals[0]).toMatchObject({
      events: 4,
      total: 10,
    });
  });
});

describe('a rebuild', () => {
  it('starts the parked rows over: what still fails is parked again, what is fixed is applied', async () => {
    const id = unique();
    const log = await logFor(id);
    const poisoned = new Set<number>([2, 3]);
    const projection = tallyProjection({
      name: `tally_${id}`,
      schema: `rm_${id}`,
      afterEvent: async (event: RecordedEvent) => {
        const value = (event.data as { amount: number }).amount;
        if (poisoned.has(value)) throw new Error(`cannot handle ${value}`);
      },
    });
    await log.append({ tenant: 'acme', id: `tally-p${id}` }, [amount('acme', 2)]);
    const last = await log.append({ tenant: 'acme', id: `tally-q${id}` }, [amount('acme', 3)]);
    const r = start(log, projection);
    expect(await r.waitForPosition(last.lastPosition, 10_000)).toBe(true);
    expect((await r.parked.list({ projection: projection.name })).map((e) => e.type)).toEqual([
      'AmountAdded',
      'AmountAdded',
    ]);
    await r.stop();

    poisoned.delete(2);
    await rebuildProjection({ pool: suite.t.pool, store: log, projection, lockTimeoutMs: 5_000 });
    expect((await r.parked.list({ projection: projection.name })).map((e) => e.streamId)).toEqual([
      `tally-q${id}`,
    ]);
    expect((await dumpTally(suite.t.pool, `rm_${id}`)).totals).toEqual([
      { stream_id: `tally-p${id}`, events: 1, total: 2 },
    ]);
  });
});

describe('a transient failure', () => {
  it('(40001 from a handler) is retried, recorded as a stall meanwhile, and never parked', async () => {
    const id = unique();
    const log = await logFor(id);
    let failures = 0;
    let stalledWhileFailing: unknown;
    const projection = tallyProjection({
      name: `tally_${id}`,
      schema: `rm_${id}`,
      afterEvent: async () => {
        if (failures >= 2) return;
        if (++failures === 2) {
          const { rows } = await suite.t.pool.query(
            `SELECT stalled_since, last_error FROM projection_checkpoints WHERE name = $1`,
            [`tally_${id}`],
          );
          stalledWhileFailing = rows[0];
        }
        throw pgError('40001', 'could not serialize access due to concurrent update');
      },
    });
    const last = await log.append({ tenant: 'acme', id: `tally-x${id}` }, [
      amount('acme', 1),
      amount('acme', 2),
    ]);
    const r = start(log, projection);
    expect(await r.waitForPosition(last.lastPosition, 10_000)).toBe(true);
    expect(stalledWhileFailing).toEqual({
      stalled_since: expect.any(Date),
      last_error: 'could not serialize access due to concurrent update',
    });
    expect((await dumpTally(suite.t.pool, `rm_${id}`)).totals).toEqual([
      { stream_id: `tally-x${id}`, events: 2, total: 3 },
    ]);
    expect(await r.parked.list({ projection: projection.name })).toEqual([]);
    expect(await r.checkpoints.get(projection.name)).toMatchObject({
      stalledSince: null,
      lastError: null,
    });
  });

  it('(the lock connection terminated mid-batch) is retried and never parked', async () => {
    const id = unique();
    const log = await logFor(id);
    const base = tallyProjection({ name: `tally_${id}`, schema: `rm_${id}` });
    let killed = false;
    const projection: Projection = {
      ...base,
      handlers: {
        AmountAdded: async (event, tx) => {
          await base.handlers.AmountAdded(event, tx);
          if (killed) return;
          killed = true;
          await tx.query('SELECT pg_terminate_backend(pg_backend_pid())');
        },
      },
    };
    const last = await log.append({ tenant: 'acme', id: `tally-k${id}` }, [
      amount('acme', 1),
      amount('acme', 2),
      amount('acme', 3),
    ]);
    const r = start(log, projection);
    expect(await r.waitForPosition(last.lastPosition, 15_000)).toBe(true);
    expect(killed).toBe(true);
    expect((await dumpTally(suite.t.pool, `rm_${id}`)).totals).toEqual([
      { stream_id: `tally-k${id}`, events: 3, total: 6 },
    ]);
    expect(await r.parked.list({ projection: projection.name })).toEqual([]);
  });
});
