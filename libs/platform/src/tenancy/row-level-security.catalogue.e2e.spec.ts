/**
 * applyRowLevelSecurity on a real schema: the tables with a `tenant` column are found in the
 * catalogue (the log's are left out), a second run changes nothing, and a table created later
 * is picked up by the next run.
 */
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '@crm/testing';
import { applyRowLevelSecurity } from './row-level-security';

describe('applyRowLevelSecurity', () => {
  let db: TestDatabase;
  let client: Client;
  const apply = async () => {
    await client.query('BEGIN');
    try {
      return await applyRowLevelSecurity(client, 'svc');
    } finally {
      await client.query('COMMIT');
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase('rls_apply');
    client = new Client({ connectionString: db.url });
    await client.connect();
    await client.query(`CREATE SCHEMA svc;
      CREATE TABLE svc.item_list (tenant text NOT NULL, id text NOT NULL, PRIMARY KEY (tenant, id));
      CREATE TABLE svc.events (tenant text NOT NULL, n bigint);
      CREATE TABLE svc.lookup (code text PRIMARY KEY);
      CREATE TABLE public.elsewhere (tenant text NOT NULL);`);
  });
  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  it('secures the tenant-keyed tables of the schema once, and a later table on the next run', async () => {
    expect(await apply()).toEqual({ secured: ['item_list'], notOwned: [] });
    expect(await apply()).toEqual({ secured: [], notOwned: [] });
    await client.query(`CREATE TABLE svc.later_list (tenant text NOT NULL, id text)`);
    expect(await apply()).toEqual({ secured: ['later_list'], notOwned: [] });

    const { rows } = await client.query<{ relname: string; secured: boolean }>(
      `SELECT c.relname, c.relrowsecurity AND c.relforcerowsecurity AS secured
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname IN ('svc', 'public') AND c.relkind = 'r' ORDER BY 1`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.relname, r.secured]))).toEqual({
      elsewhere: false,
      events: false,
      item_list: true,
      later_list: true,
      lookup: false,
    });
  });
});
