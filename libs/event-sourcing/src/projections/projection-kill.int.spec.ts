/**
 * THE KILL TEST: a real process running a projection is SIGKILLed in the middle of a batch
 * (its transaction open, some of the batch's writes done). After a restart the read model must
 * equal a fresh rebuild of the same log: nothing applied twice, nothing skipped.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { PostgresEventStore } from '../postgres';
import { openTestStore, type TestStore } from '../testing/postgres-test-store';
import { postgresLogHead } from './log-head';
import { ProjectionRunner } from './projection-runner';
import { rebuildProjection } from './rebuild-projection';
import { seedAmounts } from './testing/seed';
import { dumpTally, tallyProjection } from './testing/tally-projection';

const EVENTS = 5_000;
const BATCH = 250;
const KILL_AT = 2_345; // the 96th event of the 10th batch

let t: TestStore;
let log: PostgresEventStore;
beforeAll(async () => {
  t = await openTestStore('es_kill', 10);
  log = await PostgresEventStore.open(t.pool, { schema: 'kill_log' });
});
afterAll(async () => {
  await log.close();
  await t.close();
});

function startChild(): { child: ChildProcess; midBatch: Promise<string> } {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', path.join(__dirname, 'testing', 'kill-child.ts')],
    {
      cwd: path.resolve(__dirname, '../../../..'),
      env: {
        ...process.env,
        DATABASE_URL: t.db.url,
        LOG_SCHEMA: 'kill_log',
        RM_SCHEMA: 'rm_killed',
        PROJECTION: 'tally_kill',
        KILL_AT: String(KILL_AT),
        BATCH_SIZE: String(BATCH),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const midBatch = new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      const line = stdout.match(/MID-BATCH \d+/);
      if (line) resolve(line[0]);
    });
    child.once('exit', (code, signal) =>
      reject(new Error(`child exited early (${code ?? signal}): ${stderr}`)),
    );
  });
  return { child, midBatch };
}

it('a projection SIGKILLed mid-batch resumes to exactly what a fresh rebuild produces', async () => {
  const seeded = await seedAmounts(log, { count: EVENTS, streams: 8, prefix: 'k', perAppend: 25 });

  const { child, midBatch } = startChild();
  expect(await midBatch).toBe(`MID-BATCH ${KILL_AT}`);
  const exited = new Promise((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');

  // Only whole batches survived: 9 committed, the 10th rolled back with the dead connection.
  const committed = Math.floor((KILL_AT - 1) / BATCH) * BATCH;
  const afterKill = await dumpTally(t.pool, 'rm_killed');
  expect(afterKill.log).toHaveLength(committed);
  const { events } = await log.readAll({ limit: committed });
  const checkpoint = await new ProjectionRunner({
    pool: t.pool,
    store: log,
    projection: tallyProjection({ name: 'tally_kill', schema: 'rm_killed' }),
  }).checkpoints.get('tally_kill');
  expect(checkpoint!.position).toEqual(events.at(-1)!.position);

  // Restart (here, in-process) and let it finish.
  const restarted = new ProjectionRunner({
    pool: t.pool,
    store: log,
    projection: tallyProjection({ name: 'tally_kill', schema: 'rm_killed' }),
    logHead: postgresLogHead(log),
    batchSize: BATCH,
    lockRetryMs: 50,
  }).start();
  try {
    expect(await restarted.waitForPosition(seeded.last, 60_000)).toBe(true);
  } finally {
    await restarted.stop();
  }

  await rebuildProjection({
    pool: t.pool,
    store: log,
    projection: tallyProjection({ name: 'tally_fresh', schema: 'rm_fresh' }),
    logHead: postgresLogHead(log),
    batchSize: 1_000,
  });
  const resumed = await dumpTally(t.pool, 'rm_killed');
  const fresh = await dumpTally(t.pool, 'rm_fresh');
  expect(resumed.log).toHaveLength(EVENTS);
  expect(resumed).toEqual(fresh);
  expect(resumed.totals).toEqual(seeded.expectedTotals);
});
