/**
 * Real PostgreSQL for tests. The server is resolved once per jest run (global setup); each suite
 * then creates its own fresh database so suites can run in parallel without seeing each other.
 */
import { randomBytes } from 'node:crypto';
import { Client, type Pool } from 'pg';

export const POSTGRES_URL_VAR = 'CRM_TEST_POSTGRES_URL';

/** Admin URL of the server the global setup resolved (a maintenance database, e.g. `postgres`). */
export function testPostgresUrl(): string {
  const url = process.env[POSTGRES_URL_VAR];
  if (!url) {
    throw new Error(
      `${POSTGRES_URL_VAR} is not set: run tests through jest (the @crm/testing global setup resolves PostgreSQL)`,
    );
  }
  return url;
}

export interface TestDatabase {
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

export function createTestDatabase(prefix = 'crm_test'): Promise<TestDatabase> {
  return createDatabaseOn(testPostgresUrl(), prefix);
}

/** A fresh, uniquely named database on the server of `adminUrl`. */
export async function createDatabaseOn(adminUrl: string, prefix: string): Promise<TestDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = withDatabase(adminUrl, name);
  return {
    url,
    name,
    drop: () => withClient(adminUrl, (c) => dropWhenClosed(c, name)),
  };
}

/**
 * `pool.end()` resolves before its sockets have closed. Dropping WITH (FORCE) at once would kill
 * such a closing connection, and its pool would emit an unhandled error into whichever test runs
 * next; so wait briefly for the suite's connections to go, then force what is left.
 */
async function dropWhenClosed(client: Client, name: string): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const { rows } = await client.query<{ open: number }>(
      'SELECT count(*)::int AS open FROM pg_stat_activity WHERE datname = $1',
      [name],
    );
    if (rows[0].open === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

/**
 * For a suite's pool on a test database: drop() waits only briefly before forcing, so a
 * connection still closing after `pool.end()` may be terminated, and its 'error' must not fail
 * whichever test runs next. Returns the pool.
 */
export function quietAfterEnd<P extends Pool>(pool: P): P {
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
