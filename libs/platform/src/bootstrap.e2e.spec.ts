/**
 * bootstrapService as a real process, the way a service's main.ts runs: configuration errors stop
 * it with a message naming the variable; SIGTERM drains in-flight requests and exits 0.
 */
import { createTestDatabase, type TestDatabase } from '@crm/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const MAIN = path.join(__dirname, 'testing-app/main.ts');

interface Started {
  readonly child: ChildProcess;
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly stdout: () => string;
  readonly stderr: () => string;
}

function startMain(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      // Decorators need the repo's compiler options; there is no root tsconfig.json.
      SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.base.json'),
      JWT_SECRET: 'bootstrap-e2e-secret-0123456789abcdef',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  child.stderr!.on('data', (chunk) => (err += chunk));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, exit, stdout: () => out, stderr: () => err };
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function waitForUrl(started: Started, timeoutMs = 45_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(started.stdout());
    if (match) return match[1];
    if (started.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`service did not start:\n${started.stdout()}\n${started.stderr()}`);
}

describe('bootstrapService in a child process', () => {
  let db: TestDatabase;
  const running: ChildProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('platform_boot');
  });
  afterAll(async () => {
    for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
    await db?.drop();
  });

  it('stops at start-up with exit code 1 and a message naming PORT when PORT=abc', async () => {
    const started = startMain({ PORT: 'abc', DATABASE_URL: db.url });
    running.push(started.child);
    const { code } = await started.exit;
    expect(code).toBe(1);
    expect(started.stderr()).toMatch(
      /platform-testing-app: Invalid configuration: PORT must be an integer \(got "abc"\)/,
    );
    expect(started.stdout()).not.toMatch(/listening on/);
  });

  it('names every wrong variable at once', async () => {
    const started = startMain({ PORT: '70000', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://db/x' });
    running.push(started.child);
    expect((await started.exit).code).toBe(1);
    expect(started.stderr()).toMatch(/PORT .*65535/);
    expect(started.stderr()).toMatch(/LOG_LEVEL must be one of fatal, error/);
    expect(started.stderr()).toMatch(/DATABASE_URL must use postgres or postgresql \(got mysql\)/);
  });

  it('on SIGTERM finishes the request in flight, refuses new work and exits 0', async () => {
    const started = startMain({ PORT: '0', DATABASE_URL: db.url });
    running.push(started.child);
    const url = await waitForUrl(started);

    const slow = fetch(`${url}/items/-/slow?ms=1500`).then(async (res) => ({
      status: res.status,
      body: await res.json(),
    }));
    await waitFor(
      () => started.stdout().includes('slow request started'),
      'the slow request to start',
    );
    started.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    // The listener is closed: a new connection is refused while the slow request drains.
    await expect(fetch(`${url}/health/live`)).rejects.toThrow();

    await expect(slow).resolves.toEqual({ status: 200, body: { waitedMs: 1500 } });
    const { code, signal } = await started.exit;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(started.stdout()).toMatch(/SIGTERM: closing the server/);
  });
});
