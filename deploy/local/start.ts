/**
 * `npm start`: every CRM service on this machine, nothing to install but Node.
 * PostgreSQL comes from DATABASE_URL or, when unset, an embedded server whose data is kept in
 * .crm-data/ between runs. Without KAFKA_BROKERS the services use the embedded (Postgres) transport.
 *
 *   npm start                     all services
 *   npm start -- --seed           also load the demo data set of each service that has one
 *   npm start -- --only contacts  a subset
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { startEmbeddedPostgres } from '@crm/embedded-postgres';

const ROOT = path.resolve(__dirname, '../..');
/** Fixed ports so front-end teams can rely on them; also listed in README.md. */
const PORTS: Record<string, number> = {
  contacts: 3001,
  sales: 3002,
  campaigns: 3003,
  analytics: 3004,
};
const DEV_JWT_SECRET = 'dev-only-secret-change-me-0123456789abcdef';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const seed = args.includes('--seed');
  const onlyIndex = args.indexOf('--only');
  const only = onlyIndex >= 0 ? args[onlyIndex + 1]?.split(',') : undefined;

  const services = discoverServices().filter((s) => !only || only.includes(s));
  if (services.length === 0) {
    console.error('No services to start (services/*/src/main.ts).');
    process.exit(1);
  }

  let databaseUrl = process.env.DATABASE_URL;
  let stopPostgres: (() => Promise<void>) | undefined;
  if (!databaseUrl) {
    const port = Number(process.env.CRM_EMBEDDED_PG_PORT ?? 54329);
    log(`starting embedded PostgreSQL on 127.0.0.1:${port} (data in .crm-data/postgres)`);
    const pg = await startEmbeddedPostgres({
      dataDir: path.join(ROOT, '.crm-data/postgres'),
      port,
      persistent: true,
    });
    databaseUrl = pg.url;
    stopPostgres = pg.stop;
  }
  if (!process.env.JWT_SECRET && !process.env.JWT_JWKS_URL) {
    log(`JWT_SECRET not set: using the development secret (mint a token with: npm run token)`);
  }

  const children = services.map((name) => startService(name, databaseUrl!, seed));
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping ${services.join(', ')}`);
    await Promise.all(children.map((c) => terminate(c, signal)));
    await stopPostgres?.();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  for (const child of children) {
    child.on('exit', (code) => {
      if (!stopping && code !== 0) {
        log(`a service exited with code ${code}; stopping the rest`);
        void stop('SIGTERM').then(() => process.exit(1));
      }
    });
  }
}

function discoverServices(): string[] {
  const dir = path.join(ROOT, 'services');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => existsSync(path.join(dir, name, 'src/main.ts')))
    .sort((a, b) => (PORTS[a] ?? 9999) - (PORTS[b] ?? 9999));
}

function startService(name: string, databaseUrl: string, seed: boolean): ChildProcess {
  const port = Number(process.env[`${name.toUpperCase()}_PORT`] ?? PORTS[name] ?? 3000);
  log(`${name}: http://127.0.0.1:${port}  (Swagger UI: http://127.0.0.1:${port}/docs)`);
  return spawn(
    process.execPath,
    ['-r', '@swc-node/register', path.join(ROOT, 'services', name, 'src/main.ts')],
    {
      cwd: ROOT,
      stdio: 'inherit',
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        JWT_SECRET:
          process.env.JWT_SECRET ?? (process.env.JWT_JWKS_URL ? undefined : DEV_JWT_SECRET),
        // Lead conversion creates the contact through the contacts API (see services/sales).
        ...(name === 'sales'
          ? { CONTACTS_URL: process.env.CONTACTS_URL ?? `http://127.0.0.1:${PORTS.contacts}` }
          : {}),
        ...(seed ? { CRM_SEED_DEMO: 'true' } : {}),
      },
    },
  );
}

function terminate(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill(signal);
  });
}

function log(message: string): void {
  process.stdout.write(`[crm] ${message}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
