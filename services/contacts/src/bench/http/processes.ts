/**
 * The servers under test as child processes of their own (the load generator must not share
 * their event loop): the real services through their main.ts, and the bare floor.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../../..');

export interface Server {
  readonly name: string;
  readonly url: string;
  readonly child: ChildProcess;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * `script` relative to the repository root, run with swc like `npm start`. stdout (the request
 * log, JSON lines) goes to /dev/null: writing it is part of the cost, reading it is not.
 */
export async function startServer(
  name: string,
  script: string,
  env: Record<string, string>,
  nodeFlags: readonly string[] = [],
  /** Another checkout (an A/B against older code in the same run); this one by default. */
  root = ROOT,
): Promise<Server> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [...nodeFlags, '-r', '@swc-node/register', path.join(root, script)],
    {
      cwd: root,
      env: {
        ...process.env,
        SWC_NODE_PROJECT: 'tsconfig.base.json',
        HOST: '127.0.0.1',
        PORT: String(port),
        BARE_PORT: String(port),
        ...env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited ${child.exitCode}: ${stderr}`);
    if (Date.now() > deadline) throw new Error(`${name} did not start in 120 s: ${stderr}`);
    const up = await fetch(`${url}/health/live`)
      .then((r) => r.status < 500)
      .catch(() => false);
    if (up) return { name, url, child };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** SIGTERM and wait (a --cpu-prof child writes its profile on the way out). */
export async function stopServer(server: Server | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null) return;
  const exited = once(server.child, 'exit');
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}
