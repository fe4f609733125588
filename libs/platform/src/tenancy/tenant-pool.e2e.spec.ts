/**
 * The request pool on a real PostgreSQL: a connection runs as the tenant of the request being
 * served (the verified caller in the RequestContext), as '*' outside one, both through
 * pool.query and pool.connect, and a connection reused by another tenant is switched.
 */
import { createTestDatabase, type TestDatabase } from '@crm/testing';
import { runWithRequestContext } from '../logging/request-context';
import { TenantScopedPool } from './tenant-pool';

const asCaller = <T>(tenant: string, fn: () => Promise<T>) =>
  runWithRequestContext(
    { correlationId: 'c-1', user: { sub: 'u-1', tenant, roles: ['sales-rep'] } },
    fn,
  );

describe('TenantScopedPool', () => {
  let db: TestDatabase;
  let pool: TenantScopedPool;
  const setting = async (run: () => Promise<{ rows: Array<{ t: string | null }> }>) =>
    (await run()).rows[0]!.t;
  const query = () =>
    pool.query<{ t: string | null }>(`SELECT current_setting('crm.tenant', true) AS t`);

  beforeAll(async () => {
    db = await createTestDatabase('tenant_pool');
    // One connection: every case reuses it, so switching tenants is what is tested.
    pool = new TenantScopedPool({ connectionString: db.url, max: 1 });
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it("sets the caller's tenant per request and '*' outside any request", async () => {
    expect(await setting(query)).toBe('*');
    expect(await asCaller('tenant-a', () => setting(query))).toBe('tenant-a');
    expect(await asCaller('tenant-b', () => setting(query))).toBe('tenant-b');
    expect(await setting(query)).toBe('*');
  });

  it('scopes a client taken with connect(), and a rolled-back transaction keeps the setting', async () => {
    const client = await asCaller('tenant-a', () => pool.connect());
    try {
      await client.query('BEGIN');
      await client.query('ROLLBACK');
      expect(
        (await client.query<{ t: string }>(`SELECT current_setting('crm.tenant', true) AS t`))
          .rows[0]!.t,
      ).toBe('tenant-a');
    } finally {
      client.release();
    }
    expect(await asCaller('tenant-b', () => setting(query))).toBe('tenant-b');
  });

  it('runs the queries of concurrent requests each as its own tenant', async () => {
    const wide = new TenantScopedPool({ connectionString: db.url, max: 3 });
    try {
      const tenants = Array.from({ length: 12 }, (_, i) => `tenant-${i % 4}`);
      const seen = await Promise.all(
        tenants.map((tenant) =>
          asCaller(tenant, () =>
            wide.query<{ t: string }>(
              `SELECT current_setting('crm.tenant', true) AS t FROM pg_sleep(0.01)`,
            ),
          ),
        ),
      );
      expect(seen.map((r) => r.rows[0]!.t)).toEqual(tenants);
    } finally {
      await wide.end();
    }
  });
});
