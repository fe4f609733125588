/**
 * The `npm start` launcher (deploy/local/start.ts) as a developer runs it, with real processes:
 * it restarts a service that was killed, and SIGTERM stops it and its service within the drain
 * deadline with exit 0 and no process left. Only contacts, on a fresh database (DATABASE_URL, so
 * no embedded PostgreSQL) and a free port (CONTACTS_PORT). Every wait is bounded.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort } from '@crm/embedded-postgres';
import { createTestDatabase, type TestDatabase } from '../postgres';

const ROOT = path.resolve(__dirname, '../../../..');
const SHUTDOWN_TIMEOUT_MS = 5_000;
/** The launcher's SIGKILL deadline: SHUTDOWN_TIMEOUT_MS + its 5 s margin. */
const KILL_AFTER_MS = SHUTDOWN_TIMEOUT_MS + 5_000;
const READY_TIMEOUT_MS = 30_000;
const LINE_TIMEOUT_MS = 30_000;
/** Whatever the jest worker was given for its own suites must not reach the launched service. */
const NOT_INHERITED = [
  'KAFKA_BROKERS',
  'MESSAGING_NAMESPACE',
  'MESSAGING_DATABASE_URL',
  'JWT_JWKS_URL',
  'CRM_SEED_DEMO',
  'PORT',
];

interface Launcher {
  readonly process: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The first line from `from` on that matches; rejects after LINE_TIMEOUT_MS or on exit. */
  line(pattern: RegExp, from?: number): Promise<{ match: RegExpMatchArray; index: number }>;
  output(): string;
  /** Every service pid the launcher printed. */
  servicePids(): number[];
}

function startLauncher(env: Record<string, string>): Launcher {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !NOT_INHERITED.includes(name)),
  );
  // The full environment, as a developer's shell gives it (time-travel runs' LD_PRELOAD and
  // FAKETIME included: the launcher and its service must live at the test's time).
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', 'deploy/local/start.ts', '--only', 'contacts'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...inherited, SWC_NODE_PROJECT: 'tsconfig.base.json', ...env },
    },
  );
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    for (const wake of waiters) wake();
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      for (const wake of waiters) wake();
      resolve({ code, signal });
    }),
  );
  const output = () => lines.slice(-60).join('\n');

  return {
    process: child,
    exited,
    output,
    servicePids: () =>
      lines.flatMap((line) => {
        const pid = line.match(/contacts: started, pid (\d+)/)?.[1];
        return pid ? [Number(pid)] : [];
      }),
    line: (pattern, from = 0) =>
      new Promise((resolve, reject) => {
        const look = () => {
          for (let index = from; index < lines.length; index += 1) {
            const match = lines[index].match(pattern);
            if (match) return done(() => resolve({ match, index }));
          }
          if (child.exitCode !== null || child.signalCode !== null) {
            done(() => reject(new Error(`launcher exited before ${pattern}:\n${output()}`)));
          }
        };
        const timer = setTimeout(
          () => done(() => reject(new Error(`no line ${pattern} in time:\n${output()}`))),
          LINE_TIMEOUT_MS,
        );
        const done = (settle: () => void) => {
          clearTimeout(timer);
          waiters.delete(look);
          settle();
        };
        waiters.add(look);
        look();
      }),
  };
}

async function answersReady(baseUrl: string, launcher: Launcher): Promise<void> {
  const deadline = performance.now() + READY_TIMEOUT_MS;
  let last = 'no answer yet';
  while (performance.now() < deadline) {
    try {
      const res = await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
      last = `${res.status} ${await res.text()}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`not ready within ${READY_TIMEOUT_MS} ms (${last}):\n${launcher.output()}`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm start launcher (deploy/local/start.ts)', () => {
  let db: TestDatabase | undefined;
  let launcher: Launcher | undefined;
  const servicePids: number[] = [];

  afterAll(async () => {
    // Whatever a failed test left running: the launcher first gets the chance to stop its
    // service, then both are killed; every pid the launcher printed is checked, not only the
    // ones the test got to.
    if (launcher && launcher.process.exitCode === null && launcher.process.signalCode === null) {
      launcher.process.kill('SIGTERM');
      const killer = setTimeout(() => launcher?.process.kill('SIGKILL'), KILL_AFTER_MS);
      await launcher.exited;
      clearTimeout(killer);
    }
    for (const pid of [...servicePids, ...(launcher?.servicePids() ?? [])].filter(isRunning)) {
      process.kill(pid, 'SIGKILL');
    }
    // An orphaned service would hold these pipes open, and jest would never exit.
    launcher?.process.stdout?.destroy();
    launcher?.process.stderr?.destroy();
    await db?.drop();
  });

  it('restarts a service killed by a signal, then stops everything on SIGTERM with exit 0', async () => {
    db = await createTestDatabase('launcher');
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    launcher = startLauncher({
      DATABASE_URL: db.url,
      CONTACTS_PORT: String(port),
      HOST: '127.0.0.1',
      JWT_SECRET: 'launcher-e2e-secret-0123456789abcdef',
      LOG_LEVEL: 'warn',
      SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
    });

    const first = await launcher.line(/contacts: started, pid (\d+)/);
    const firstPid = Number(first.match[1]);
    servicePids.push(firstPid);
    await answersReady(baseUrl, launcher);
    // Killed before the launcher saw it up, it would count as a failed start (restart-policy.ts).
    await launcher.line(new RegExp(`contacts: up, pid ${firstPid}`), first.index + 1);

    process.kill(firstPid, 'SIGKILL');
    const crash = await launcher.line(
      new RegExp(`contacts: CRASHED \\(pid ${firstPid}, signal SIGKILL\\); restarting in 1\\.0 s`),
      first.index + 1,
    );
    const second = await launcher.line(/contacts: started, pid (\d+)/, crash.index + 1);
    const secondPid = Number(second.match[1]);
    servicePids.push(secondPid);
    expect(secondPid).not.toBe(firstPid);
    await answersReady(baseUrl, launcher);

    const stopAsked = performance.now();
    launcher.process.kill('SIGTERM');
    let giveUp: NodeJS.Timeout | undefined;
    const exit = await Promise.race([
      launcher.exited,
      new Promise<'still running'>((resolve) => {
        giveUp = setTimeout(() => resolve('still running'), KILL_AFTER_MS + 5_000);
      }),
    ]);
    clearTimeout(giveUp);
    expect({ exit, output: exit === 'still running' ? launcher.output() : '' }).toEqual({
      exit: { code: 0, signal: null },
      output: '',
    });
    // Within the drain deadline: the service stopped on SIGTERM, not on the launcher's SIGKILL.
    expect(performance.now() - stopAsked).toBeLessThan(KILL_AFTER_MS);
    expect(launcher.output()).not.toMatch(/after SIGTERM; SIGKILL/);
    expect(servicePids.filter(isRunning)).toEqual([]);
  }, 120_000);
});
