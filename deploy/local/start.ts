/**
 * `npm start`: every CRM service on this machine, nothing to install but Node.
 * PostgreSQL comes from DATABASE_URL or, when unset, an embedded server whose data is kept in
 * .crm-data/ between runs. Without KAFKA_BROKERS the services use the embedded (Postgres) transport.
 *
 *   npm start                     all services
 *   npm start -- --seed           also load the demo data set of each service that has one
 *   npm start -- --only contacts  a subset
 *
 * Each service is supervised (supervisor.ts, restart-policy.ts): a crash is restarted with a
 * back-off of 1 s doubling to 30 s, a service that fails to start 3 times in a row stops the
 * launcher with exit 1. Ctrl-C / SIGTERM stops every service (SIGKILL only after their
 * SHUTDOWN_TIMEOUT_MS + 5 s) and the embedded PostgreSQL, then exits 0; a second Ctrl-C kills.
 * `<SERVICE>_PORT` (e.g. CONTACTS_PORT) moves one service off its fixed port.
 */
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { startEmbeddedPostgres } from '@crm/embedded-postgres';
import { killAfterMs } from './restart-policy';
import { superviseService, type SupervisedService } from './supervisor';

const ROOT = path.resolve(__dirname, '../..');
/** Fixed ports so front-end teams can rely on them; also listed in README.md. */
const PORTS: Record<string, number> = {
  contacts: 3001,
  sales: 3002,
  campaigns: 3003,
  analytics: 3004,
  aftersales: 3005,
};
const DEV_JWT_SECRET = 'dev-only-secret-change-me-0123456789abcdef';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const seed = args.includes('--seed');
  const onlyIndex = args.indexOf('--only');
  const only = onlyIndex >= 0 ? args[onlyIndex + 1]?.split(',') : undefined;
  // Read before anything starts: a bad value must not surface only at Ctrl-C.
  const killAfter = killAfterMs(process.env.SHUTDOWN_TIMEOUT_MS);

  const services = discoverServices().filter((s) => !only || only.includes(s));
  if (services.length === 0) {
    console.error('No services to start (services/*/src/main.ts).');
    process.exit(1);
  }
  const host = process.env.HOST ?? '0.0.0.0';
  for (const name of services) {
    // A port taken by another process would make the health probe answer for a service that is
    // not ours; say so instead of supervising a service that can never listen.
    if (!(await portIsFree(portOf(name), host))) {
      console.error(
        `[crm] ${name}: port ${portOf(name)} is in use (another npm start?); set ${name.toUpperCase()}_PORT to move it`,
      );
      process.exit(1);
    }
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

  let supervised: SupervisedService[] = [];
  let stopping = false;
  let forced = false;
  let exitCode = 0;
  const stop = (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    log(`${reason}: stopping ${services.join(', ')} (SIGKILL after ${killAfter / 1000} s)`);
    void Promise.all(supervised.map((s) => s.stop(killAfter)))
      .then(() => stopPostgres?.())
      .then(
        () => process.exit(exitCode),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (!stopping) return stop(signal, 0);
    if (!forced) {
      // The services die now; the stop under way then has only PostgreSQL left to stop.
      forced = true;
      exitCode = 130;
      log(`${signal} again: killing ${services.join(', ')} (once more to exit at once)`);
      for (const s of supervised) s.kill();
      return;
    }
    process.exit(130);
  };

  for (const name of services) {
    const port = portOf(name);
    log(`${name}: http://127.0.0.1:${port}  (Swagger UI: http://127.0.0.1:${port}/docs)`);
  }
  supervised = services.map((name) =>
    superviseService(serviceCommand(name, databaseUrl!, seed, host), {
      log,
      gaveUp: (service) => stop(`${service} failed to start`, 1),
    }),
  );
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

function discoverServices(): string[] {
  const dir = path.join(ROOT, 'services');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => existsSync(path.join(dir, name, 'src/main.ts')))
    .sort((a, b) => (PORTS[a] ?? 9999) - (PORTS[b] ?? 9999));
}

/** The fixed port, or `<SERVICE>_PORT` (e.g. CONTACTS_PORT) to move one service. */
function portOf(name: string): number {
  return Number(process.env[`${name.toUpperCase()}_PORT`] ?? PORTS[name] ?? 3000);
}

function serviceCommand(name: string, databaseUrl: string, seed: boolean, host: string) {
  const port = portOf(name);
  const probeHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return {
    name,
    port,
    liveUrl: `http://${probeHost}:${port}/health/live`,
    args: ['-r', '@swc-node/register', path.join(ROOT, 'services', name, 'src/main.ts')],
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      JWT_SECRET: process.env.JWT_SECRET ?? (process.env.JWT_JWKS_URL ? undefined : DEV_JWT_SECRET),
      // Lead conversion creates the contact through the contacts API (see services/sales).
      ...(name === 'sales'
        ? { CONTACTS_URL: process.env.CONTACTS_URL ?? `http://127.0.0.1:${portOf('contacts')}` }
        : {}),
      ...(seed ? { CRM_SEED_DEMO: 'true' } : {}),
    },
  };
}

function portIsFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

function log(message: string): void {
  process.stdout.write(`[crm] ${message}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
