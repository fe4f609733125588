import { register } from 'prom-client';
import { applyBatch } from './apply-batch';
import { postgresLogHead } from './log-head';
import { ProjectionCheckpoints } from './projection-checkpoints';
import { assertReadModelReady, ReadModelUnavailableError } from './read-model-status';
import { ProjectionBusyError, rebuildProjection } from './rebuild-projection';
import { dumpTally, tallyProjection } from './testing/tally-projection';
import { runnerSuite, unique } from './testing/runner-suite';
import { seedAmounts } from './testing/seed';

const suite = runnerSuite('es_projections');
const { logFor, runner } = suite;

describe('ProjectionRunner', () => {
  it('catches up with the existing log, then follows it live, checkpointing as it goes', async () => {
    const id = unique();
    const log = await logFor(id);
    const projection = tallyProjection({ name: `tally_${id}`, schema: `rm_${id}` });
    const before = await seedAmounts(log, { count: 1_234, streams: 5, prefix: `${id}a` });
    const r = runner({ store: log, projection }).start();

    expect(await r.waitForPosition(before.last, 20_000)).toBe(true);
    expect((await dumpTally(suite.t.pool, `rm_${id}`)).totals).toEqual(before.expectedTotals);

    const live = await seedAmounts(log, { count: 60, streams: 2, prefix: `${id}b`, perAppend: 1 });
    // Events the projection does not handle still move its checkpoint (read-your-writes works for them).
    const other = await log.append({ tenant: 'acme', id: `other-${id}` }, [
      {
        type: 'SomethingElse',
        data: {},
        metadata: { tenant: 'acme', occurredAt: new Date().toISOString() },
      },
    ]);
    expect(await r.waitForPosition(other.lastPosition, 10_000)).toBe(true);

    const dump = await dumpTally(suite.t.pool, `rm_${id}`);
    expect(dump.totals).toEqual([...before.expectedTotals, ...live.expectedTotals]);
    expect(dump.log).toHaveLength(1_234 + 60);
    expect(await r.checkpoints.get(projection.name)).toMatchObject({
      status: 'live',
      version: 1,
      position: other.lastPosition,
    });
  });

  it('never applies a re-delivered event twice, and a failing batch leaves no trace', async () => {
    const id = unique();
    const log = await logFor(id);
    const projection = tallyProjection({ name: `tally_${id}`, schema: `rm_${id}` });
    const seeded = await seedAmounts(log, { count: 30, streams: 1, prefix: id });
    const r = runner({ store: log, projection }).start();
    expect(await r.waitForPosition(seeded.last, 10_000)).toBe(true);
    await r.stop();
    const { events: mine } = await log.readAll({ limit: 10_000 });
    expect(mine).toHaveLength(30);
    const snapshot = await dumpTally(suite.t.pool, `rm_${id}`);

    const client = await suite.t.pool.connect();
    try {
      const again = await applyBatch(client, projection, r.checkpoints, mine, { status: 'live' });
      expect(again.applied).toBe(0);
      expect(await dumpTally(suite.t.pool, `rm_${id}`)).toEqual(snapshot);

      // A handler that fails (transiently: a deterministic failure parks the one event) halfway
      // through a batch: its earlier writes roll back with it.
      const next = await seedAmounts(log, { count: 5, streams: 1, prefix: id });
      // readAll only shows events below the cluster's oldest open transaction: other suites'
      // transactions can hold them back for a moment.
      let fresh = (await log.readAll({ after: seeded.last, limit: 100 })).events;
      for (let tries = 0; fresh.length < 5 && tries < 200; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        fresh = (await log.readAll({ after: seeded.last, limit: 100 })).events;
      }
      expect(fresh).toHaveLength(5);
      let seen = 0;
      const failing = tallyProjection({
        name: projection.name,
        schema: `rm_${id}`,
        afterEvent: async () => {
          if (++seen === 3) throw Object.assign(new Error('boom'), { code: '40P01' });
        },
      });
      await expect(
        applyBatch(client, failing, r.checkpoints, fresh, { status: 'live' }),
      ).rejects.toThrow('boom');
      expect(await dumpTally(suite.t.pool, `rm_${id}`)).toEqual(snapshot);
      expect((await r.checkpoints.get(projection.name))!.position).toEqual(seeded.last);

      const applied = await applyBatch(client, projection, r.checkpoints, fresh, {
        status: 'live',
      });
      expect(applied.applied).toBe(fresh.length);
      expect(applied.checkpoint.position).toEqual(next.last);
    } finally {
      client.release();
    }
  });

  it('runs one instance at a time; the standby takes over when the active connection is killed', async () => {
    const id = unique();
    const log = await logFor(id);
    const projection = () => tallyProjection({ name: `tally_${id}`, schema: `rm_${id}` });
    const first = await seedAmounts(log, { count: 300, streams: 3, prefix: id });
    const a = runner({ store: log, projection: projection() }).start();
    await a.whenActive();
    const b = runner({ store: log, projection: projection() }).start();
    expect(await a.waitForPosition(first.last, 10_000)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 200)); // several lock retries by b
    expect(a.isActive).toBe(true);
    expect(b.isActive).toBe(false);

    const { rows } = await suite.t.pool.query('SELECT pg_terminate_backend($1) AS killed', [
      a.lockPid,
    ]);
    expect(rows[0].killed).toBe(true);
    await b.whenActive();
    // a learns of its dead session on its next use of it; under load b's lock retry can win that race.
    const deadline = Date.now() + 5_000;
    while (a.isActive && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(a.isActive).toBe(false);

    const second = await seedAmounts(log, { count: 200, streams: 3, prefix: id, perAppend: 10 });
    expect(await b.waitForPosition(second.last, 10_000)).toBe(true);
    const dump = await dumpTally(suite.t.pool, `rm_${id}`);
    expect(dump.totals).toEqual(
      first.expectedTotals.map((row, i) => ({
        stream_id: row.stream_id,
        events: row.events + second.expectedTotals[i].events,
        total: row.total + second.expectedTotals[i].total,
      })),
    );
    expect(dump.log).toHaveLength(500);
    expect(new Set(dump.log.map((row: any) => row.event_id)).size).toBe(500);
  });

  it('publishes lag in events and seconds on the default prom-client registry', async () => {
    const id = unique();
    const log = await logFor(id);
    const projection = () => tallyProjection({ name: `tally_${id}`, schema: `rm_${id}` });
    const seeded = await seedAmounts(log, { count: 50, streams: 1, prefix: id });
    const r = runner({ store: log, projection: projection() }).start();
    expect(await r.waitForPosition(seeded.last, 10_000)).toBe(true);
    expect(await r.sampleLag()).toEqual({ events: 0, seconds: 0 });
    await r.stop();

    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await seedAmounts(log, { count: 40, streams: 2, prefix: id, perAppend: 5 });
    const idle = runner({ store: log, projection: projection() }); // not started: measures only
    // The count only includes events visible to readers; other suites' open transactions can
    // briefly hide the newest ones.
    let lag = await idle.sampleLag();
    for (let tries = 0; lag.events < 40 && tries < 200; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      lag = await idle.sampleLag();
    }
    expect(lag.events).toBe(40);
    expect(lag.seconds).toBeGreaterThanOrEqual(1);
    const metrics = await register.metrics();
    expect(metrics).toContain(`projection_lag_events{projection="tally_${id}"} ${lag.events}`);
    expect(metrics).toContain(`projection_lag_seconds{projection="tally_${id}"} ${lag.seconds}`);

    // A projection that never ran is behind by the whole log.
    const never = runner({
      store: log,
      projection: tallyProjection({ name: `never_${id}`, schema: `rm_n${id}` }),
    });
    expect((await never.sampleLag()).events).toBe(90);
  });

  it('waitForPosition gives up after its timeout', async () => {
    const checkpoints = new ProjectionCheckpoints(suite.t.pool);
    const started = Date.now();
    expect(
      await checkpoints.waitForPosition(`never_${unique()}`, { commit: 1n, prepare: 1n }, 150),
    ).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('rebuilds by itself when the projection version is bumped', async () => {
    const id = unique();
    const log = await logFor(id);
    const seeded = await seedAmounts(log, { count: 120, streams: 2, prefix: id });
    const v1 = runner({
      store: log,
      projection: tallyProjection({ name: `tally_${id}`, schema: `rm_${id}` }),
    }).start();
    expect(await v1.waitForPosition(seeded.last, 10_000)).toBe(true);
    await v1.stop();

    const v2 = runner({
      store: log,
      projection: tallyProjection({
        name: `tally_${id}`,
        schema: `rm_${id}`,
        version: 2,
        factor: 10,
      }),
    }).start();
    expect(await v2.waitForPosition(seeded.last, 10_000)).toBe(true);
    const totals = (await dumpTally(suite.t.pool, `rm_${id}`)).totals;
    expect(totals).toEqual(seeded.expectedTotals.map((row) => ({ ...row, total: row.total * 10 })));
    expect(await v2.checkpoints.get(`tally_${id}`)).toMatchObject({ version: 2, status: 'live' });
    await v2.stop();

    // An older instance (rolling deploy) must not rebuild the newer read model back.
    const old = runner({
      store: log,
      projection: tallyProjection({ name: `tally_${id}`, schema: `rm_${id}` }),
    }).start();
    await old.whenActive();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await v2.checkpoints.get(`tally_${id}`)).toMatchObject({ version: 2, status: 'live' });
    expect((await dumpTally(suite.t.pool, `rm_${id}`)).totals).toEqual(totals);
  });
});

describe('rebuildProjection', () => {
  it('replays from the start with progress, says "rebuilding" meanwhile, and ends equal to the live build', async () => {
    const id = unique();
    const log = await logFor(id);
    const seeded = await seedAmounts(log, { count: 700, streams: 4, prefix: id });
    const live = runner({
      store: log,
      projection: tallyProjection({ name: `tally_${id}`, schema: `rm_${id}` }),
    }).start();
    expect(await live.waitForPosition(seeded.last, 10_000)).toBe(true);
    const built = await dumpTally(suite.t.pool, `rm_${id}`);

    // The runner holds the lock: a rebuild waits for it, then says who holds it.
    const busy = await rebuildProjection({
      pool: suite.t.pool,
      store: log,
      projection: tallyProjection({ name: `tally_${id}`, schema: `rm_${id}` }),
      lockTimeoutMs: 200,
    }).catch((e) => e);
    expect(busy).toBeInstanceOf(ProjectionBusyError);
    expect(busy.holder).toMatchObject({
      pid: live.lockPid,
      applicationName: `projection:tally_${id}`,
    });
    await live.stop();

    let seenWhileRebuilding: unknown;
    let applied = 0;
    const progress: Array<{ done: number; total: number; etaSeconds: number | null }> = [];
    const result = await rebuildProjection({
      pool: suite.t.pool,
      store: log,
      logHead: postgresLogHead(log),
      batchSize: 100,
      projection: tallyProjection({
        name: `tally_${id}`,
        schema: `rm_${id}`,
        afterEvent: async () => {
          if (++applied === 150) {
            seenWhileRebuilding = await assertReadModelReady(
              new ProjectionCheckpoints(suite.t.pool),
              `tally_${id}`,
            ).catch((e) => e);
          }
        },
      }),
      onProgress: (p) => progress.push({ done: p.done, total: p.total, etaSeconds: p.etaSeconds }),
    });

    expect(seenWhileRebuilding).toBeInstanceOf(ReadModelUnavailableError);
    expect(seenWhileRebuilding).toMatchObject({ reason: 'rebuilding', status: 503 });
    expect(result.events).toBe(progress.at(-1)!.done);
    expect(progress[0].done).toBe(0);
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);
    expect(progress.map((p) => p.done)).toEqual(
      [...progress.map((p) => p.done)].sort((a, b) => a - b),
    );
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)!.etaSeconds).toBe(0);
    expect(await dumpTally(suite.t.pool, `rm_${id}`)).toEqual(built);
    await expect(
      assertReadModelReady(new ProjectionCheckpoints(suite.t.pool), `tally_${id}`),
    ).resolves.toBeUndefined();
  });

  it('a fresh projection is "not built" until a runner or rebuild has run', async () => {
    await expect(
      assertReadModelReady(new ProjectionCheckpoints(suite.t.pool), `none_${unique()}`),
    ).rejects.toMatchObject({
      reason: 'not-built',
    });
  });
});
