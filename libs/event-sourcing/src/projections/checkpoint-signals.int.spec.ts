/**
 * Read-your-writes waits end when the checkpoint commits, not at the next poll. Each case makes
 * the commit land well after the wait's first read (so a poll-only wait, every 250 ms, would
 * answer 100+ ms late) and asserts the wait ended within a few ms of the commit.
 */
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { amountAdded, tallyProjection } from './testing/tally-projection';
import { runnerSuite, unique } from './testing/runner-suite';
import { onAnyCheckpointMoved, stopCheckpointListener } from './checkpoint-signals';
import { ProjectionCheckpoints } from './projection-checkpoints';
import { inBatchTransaction } from './apply-batch';
import { START } from '../event-store';

const suite = runnerSuite('es_ckpt_signals');
// Generous for a shared 2-core machine, still far below the 250 ms fallback poll.
const WAKE_WITHIN_MS = 60;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('checkpoint signals', () => {
  it("wakes a waiter in this process at once when this process's runner commits the batch", async () => {
    const id = unique();
    const log = await suite.logFor(id);
    const tally = tallyProjection({ name: `tally_${id}`, schema: `rm_${id}` });
    // The handler holds the batch 400 ms: the waiter's first read surely misses the write.
    const slow = {
      ...tally,
      handlers: {
        AmountAdded: async (...args: Parameters<(typeof tally.handlers)['AmountAdded']>) => {
          await sleep(400);
          await tally.handlers.AmountAdded(...args);
        },
      },
    };
    const r = suite.runner({ store: log, projection: slow }).start();
    await r.whenActive();
    const warm = await log.append({ tenant: 'acme', id: `warm-${id}` }, [amountAdded(1)]);
    expect(await r.waitForPosition(warm.lastPosition, 10_000)).toBe(true);

    let committedAt = 0;
    const off = onAnyCheckpointMoved(r.checkpoints.schema, [slow.name], () => {
      committedAt = performance.now();
    });
    try {
      const write = await log.append({ tenant: 'acme', id: `w-${id}` }, [amountAdded(3)]);
      const started = performance.now();
      expect(await r.waitForPosition(write.lastPosition, 10_000)).toBe(true);
      const resolvedAt = performance.now();
      expect(committedAt).toBeGreaterThan(started + 300);
      expect(resolvedAt - committedAt).toBeLessThan(WAKE_WITHIN_MS);
    } finally {
      off();
    }
  });

  it('wakes a waiter on another pool by NOTIFY when another replica commits a checkpoint', async () => {
    const name = `remote_${unique()}`;
    const schema = `ckpt_${unique()}`;
    const writer = new ProjectionCheckpoints(suite.t.pool, schema);
    await writer.migrate();
    // The other "replica": its own pool, so its LISTEN connection is its own too.
    const otherPool = new Pool({ connectionString: suite.t.db.url, max: 2 });
    otherPool.on('error', () => undefined);
    const reader = new ProjectionCheckpoints(otherPool, schema);
    const position = { commit: 10n, prepare: 10n };
    try {
      const started = performance.now();
      const waiting = reader.waitForPosition(name, position, 10_000).then((ok) => ({
        ok,
        at: performance.now(),
      }));
      // 600 ms: between the fallback polls at 500 and 750 ms; a poll-only wait answers at 750.
      await sleep(600);
      const client = await suite.t.pool.connect();
      try {
        // What a runner's batch does, without this process's in-process signal (checkpointMoved).
        await inBatchTransaction(client, () =>
          writer.save(client, { name, version: 1, position, status: 'live', lastEventAt: null }),
        );
      } finally {
        client.release();
      }
      const committedAt = performance.now();
      const { ok, at } = await waiting;
      expect(ok).toBe(true);
      expect(committedAt - started).toBeGreaterThan(550);
      expect(at - committedAt).toBeLessThan(WAKE_WITHIN_MS);
      // The wait still ends for a checkpoint that was already there (no signal needed).
      expect(await reader.waitForPosition(name, START, 1_000)).toBe(true);
    } finally {
      await stopCheckpointListener(otherPool);
      await otherPool.end();
    }
  });
});
