/**
 * Child process of the kill test: runs the tally projection over an existing log and, when it
 * reaches event KILL_AT (in the middle of a batch, inside its open transaction), prints
 * `MID-BATCH <n>` and hangs there so the parent can SIGKILL it at exactly that point.
 * Run with: node -r @swc-node/register kill-child.ts (relative imports only: no path aliases).
 */
import { Pool } from 'pg';
import { PostgresEventStore } from '../../postgres';
import { postgresLogHead } from '../log-head';
import { ProjectionRunner } from '../projection-runner';
import { tallyProjection } from './tally-projection';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

async function main(): Promise<void> {
  const pool = new Pool({ connectionString: env('DATABASE_URL'), max: 4 });
  const store = await PostgresEventStore.open(pool, { schema: env('LOG_SCHEMA') });
  const killAt = Number(env('KILL_AT'));
  let applied = 0;
  const projection = tallyProjection({
    name: env('PROJECTION'),
    schema: env('RM_SCHEMA'),
    afterEvent: async () => {
      if (++applied === killAt) {
        process.stdout.write(`MID-BATCH ${applied}\n`);
        await new Promise(() => undefined); // hold the transaction open until killed
      }
    },
  });
  new ProjectionRunner({
    pool,
    store,
    projection,
    logHead: postgresLogHead(store),
    batchSize: Number(env('BATCH_SIZE')),
  }).start();
}

main().catch((error) => {
  process.stderr.write(`kill-child failed: ${error?.stack ?? error}\n`);
  process.exit(1);
});
