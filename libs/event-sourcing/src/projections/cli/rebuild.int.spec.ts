import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { openTestStore, readAllVisible, type TestStore } from '../../testing/postgres-test-store';
import { seedAmounts, type Seeded } from '../testing/seed';
import { dumpTally } from '../testing/tally-projection';
import { projectionRegistry } from '../testing/tally-registry';
import { runRebuildCli } from './rebuild';

let t: TestStore;
let seeded: Seeded;
beforeAll(async () => {
  t = await openTestStore('es_rebuild_cli');
  seeded = await seedAmounts(t.store, { count: 1_500, streams: 3, prefix: 'cli' });
  // A rebuild replays what is visible when it runs; wait until all of it is.
  expect(await readAllVisible(t.store, 1_500)).toHaveLength(1_500);
});
afterAll(() => t.close());

describe('rebuild CLI', () => {
  it('runs as a script with --registry, shows progress and rebuilds the read model', async () => {
    const root = path.resolve(__dirname, '../../../../..');
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [
        '-r',
        '@swc-node/register',
        path.join(__dirname, 'rebuild.ts'),
        '--registry',
        path.join(__dirname, '../testing/tally-registry.ts'),
        '--batch-size',
        '200',
        'tally_cli',
      ],
      { cwd: root, env: { ...process.env, DATABASE_URL: t.db.url } },
    );
    expect(stdout).toMatch(/tally_cli \[.*\] 100% \| 1500\/1500 events/);
    expect(stdout).toMatch(/tally_cli: 1500 events in \d+\.\d s/);
    expect(stderr).toBe('');
    expect((await dumpTally(t.pool, 'rm_cli')).totals).toEqual(seeded.expectedTotals);
  });

  it('lists projections and rejects unknown names with usage (exit 2)', async () => {
    const out: string[] = [];
    const spy = jest
      .spyOn(process.stdout, 'write')
      .mockImplementation((s) => (out.push(String(s)), true));
    const err = jest
      .spyOn(process.stderr, 'write')
      .mockImplementation((s) => (out.push(String(s)), true));
    try {
      expect(await runRebuildCli(projectionRegistry, ['--list'])).toBe(0);
      expect(await runRebuildCli(projectionRegistry, ['--database-url', t.db.url, 'nope'])).toBe(2);
      expect(await runRebuildCli(projectionRegistry, ['--database-url', t.db.url])).toBe(2);
    } finally {
      spy.mockRestore();
      err.mockRestore();
    }
    expect(out.join('')).toContain('tally_cli (version 1)');
    expect(out.join('')).toContain('unknown projection(s): nope');
    expect(out.join('')).toContain('usage: rebuild');
  });
});
