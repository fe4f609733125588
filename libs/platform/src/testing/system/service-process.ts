/**
 * A CRM service started as its own Node process by path (services never import each other), the
 * way `npm start` runs it: TypeScript through @swc-node/register, configured only by environment.
 * Every wait is bounded, and stop() escalates to SIGKILL so no process outlives the test.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '../../../../..');
const KILL_AFTER_MS = 10_000;
const OUTPUT_LINES_KEPT = 40;

export interface ServiceProcess {
  readonly name: string;
  readonly baseUrl: string;
  /** Resolves once GET /health/ready answers 200; rejects when the process exits first or time runs out. */
  ready(timeoutMs: number): Promise<void>;
  /** SIGTERM, then SIGKILL when it has not exited within 10 s. */
  stop(): Promise<void>;
  /** SIGKILL now (a crash: no drain, no shutdown hooks); resolves once it has exited. */
  kill(): Promise<void>;
  /** The last lines the process wrote, for failure messages. */
  output(): string;
}

/** A port nothing listens on right now (the OS picks it; the tiny reuse race is acceptable in tests). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A time-travel run (libfaketime: LD_PRELOAD + FAKETIME*) moves the test's clock; the services
 * must live at the same time, or the tokens the test mints are expired or not yet valid for them.
 */
function timeTravel(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && (entry[0] === 'LD_PRELOAD' || entry[0].startsWith('FAKETIME')),
    ),
  );
}

export function startServiceProcess(
  name: string,
  port: number,
  env: Record<string, string>,
): ServiceProcess {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', path.join('services', name, 'src/main.ts')],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Only what the service needs: nothing of the jest worker's environment (its DATABASE_URL,
      // KAFKA_BROKERS or MESSAGING_NAMESPACE) may leak into the child.
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        SWC_NODE_PROJECT: 'tsconfig.base.json',
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'warn',
        ...timeTravel(),
        ...env,
      },
    },
  );
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - OUTPUT_LINES_KEPT));
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  // Backstop for a worker that dies without running afterAll.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const baseUrl = `http://127.0.0.1:${port}`;

  return {
    name,
    baseUrl,
    output: () => lines.join('\n'),
    async ready(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      let last = 'no answer yet';
      while (Date.now() < deadline) {
        if (child.exitCode !== null || child.signalCode !== null) {
          throw new Error(
            `${name} exited (${child.exitCode ?? child.signalCode}):\n${lines.join('\n')}`,
          );
        }
        try {
          const res = await fetch(`${baseUrl}/health/ready`, {
            signal: AbortSignal.timeout(2_000),
          });
          if (res.status === 200) return;
          last = `${res.status} ${await res.text()}`;
        } catch (error) {
          last = (error as Error).message;
        }
        await sleep(250);
      }
      throw new Error(`${name} not ready within ${timeoutMs} ms (${last}):\n${lines.join('\n')}`);
    },
    async kill() {
      process.removeListener('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      process.removeListener('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
