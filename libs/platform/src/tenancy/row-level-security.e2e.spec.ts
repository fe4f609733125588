/**
 * Row-level security as deployed: the contacts and sales services (their own processes)
 * connected as a role that is neither superuser nor BYPASSRLS, owning their schemas. Two tenants register contacts
 * over HTTP; the projections (worker pool, `crm.tenant = *`) fill the read model for both; each
 * caller's list shows only its own; and a query on the read model WITHOUT the tenant filter,
 * as that role, returns only the rows of the tenant set in `crm.tenant` (none when unset).
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase, eventually, testPostgresUrl, type TestDatabase } from '@crm/testing';
import {
  freePort,
  startServiceProcess,
  type ServiceProcess,
} from '../testing/system/service-process';
import { serviceClient, type ServiceClient } from '../testing/system/service-client';
import { STARTUP_TIMEOUT_MS } from '../testing/system/running-crm';
import { TABLES_WITHOUT_ROW_LEVEL_SECURITY } from './tenant-setting';

const SECRET = 'rls-e2e-secret-0123456789abcdef-xyzw';
const TENANT_A = 'tenant-rls-a';
const TENANT_B = 'tenant-rls-b';

/** The role logs in with a password: embedded PostgreSQL checks one (a trust server ignores it). */
const ROLE_PASSWORD = 'rls-e2e-password';

function asUser(url: string, user: string): string {
  const parsed = new URL(url);
  parsed.username = user;
  parsed.password = ROLE_PASSWORD;
  return parsed.toString();
}

describe('row-level security behind the tenant filters (contacts and sales, non-superuser role)', () => {
  const role = `crm_rls_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  let db: TestDatabase;
  let admin: Client;
  let contacts: ServiceProcess | undefined;
  let sales: ServiceProcess | undefined;
  let a: ServiceClient;
  let b: ServiceClient;
  let salesA: ServiceClient;
  let salesB: ServiceClient;

  beforeAll(async () => {
    db = await createTestDatabase('rls_e2e');
    admin = new Client({ connectionString: db.url });
    await admin.connect();
    await admin.query(
      `CREATE ROLE ${role} LOGIN PASSWORD '${ROLE_PASSWORD}' NOSUPERUSER NOBYPASSRLS`,
    );
    // What the README tells a deployment: the service may create its schemas in its database.
    await admin.query(`GRANT CONNECT, CREATE ON DATABASE "${db.name}" TO ${role}`);
    const [contactsPort, salesPort] = [await freePort(), await freePort()];
    const env = { DATABASE_URL: asUser(db.url, role), JWT_SECRET: SECRET, KAFKA_BROKERS: '' };
    contacts = startServiceProcess('contacts', contactsPort, {
      ...env,
      SALES_URL: `http://127.0.0.1:${salesPort}`,
    });
    sales = startServiceProcess('sales', salesPort, { ...env, CONTACTS_URL: contacts.baseUrl });
    await Promise.all([contacts.ready(STARTUP_TIMEOUT_MS), sales.ready(STARTUP_TIMEOUT_MS)]);
    a = serviceClient(contacts.baseUrl, TENANT_A, SECRET);
    b = serviceClient(contacts.baseUrl, TENANT_B, SECRET);
    salesA = serviceClient(sales.baseUrl, TENANT_A, SECRET);
    salesB = serviceClient(sales.baseUrl, TENANT_B, SECRET);
  }, STARTUP_TIMEOUT_MS + 10_000);

  afterAll(async () => {
    await Promise.all([contacts?.stop(), sales?.stop()]);
    await admin?.query(`DROP OWNED BY ${role}`).catch(() => undefined);
    await admin?.end();
    await db?.drop();
    // The server's admin URL (DATABASE_URL, or the embedded server the test run started).
    const cluster = new Client({ connectionString: testPostgresUrl() });
    await cluster.connect();
    await cluster.query(`DROP ROLE IF EXISTS ${role}`);
    await cluster.end();
  }, 30_000);

  it('answers each caller with its tenant only, and the projections still fill both', async () => {
    for (const [client, given] of [
      [a, 'Ada'],
      [a, 'Alan'],
      [b, 'Grace'],
    ] as const) {
      const created = await client.request('POST', '/contacts', { body: { name: { given } } });
      expect(created.status).toBe(201);
    }
    const names = async (client: ServiceClient) => {
      const page = await client.request('GET', '/contacts?limit=20');
      expect(page.status).toBe(200);
      return (page.body.items as Array<{ displayName: string }>)
        .map((item) => item.displayName)
        .sort();
    };
    await eventually(async () => expect(await names(a)).toEqual(['Ada', 'Alan']));
    expect(await names(b)).toEqual(['Grace']);
  });

  it('sales as the same role: its lead list answers each tenant with its own leads', async () => {
    for (const [client, name] of [
      [salesA, 'Ada Lovelace'],
      [salesB, 'Grace Hopper'],
    ] as const) {
      const created = await client.request('POST', '/leads', {
        body: { source: 'manual', profile: { name } },
      });
      expect(created.status).toBe(201);
    }
    const leads = async (client: ServiceClient) => {
      const page = await client.request('GET', '/leads?limit=20');
      expect(page.status).toBe(200);
      return (page.body.items as Array<{ name: string }>).map((lead) => lead.name);
    };
    await eventually(async () => expect(await leads(salesA)).toEqual(['Ada Lovelace']));
    expect(await leads(salesB)).toEqual(['Grace Hopper']);
  });

  it('a read-model query without the tenant filter sees only the tenant in crm.tenant', async () => {
    const asRole = new Client({ connectionString: asUser(db.url, role) });
    await asRole.connect();
    try {
      const privileges = await asRole.query(
        `SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`,
      );
      expect(privileges.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
      const tenantsSeenWith = async (setting: string | null) => {
        if (setting === null) await asRole.query(`RESET crm.tenant`);
        else await asRole.query(`SELECT set_config('crm.tenant', $1, false)`, [setting]);
        const { rows } = await asRole.query<{ tenant: string }>(
          `SELECT tenant FROM contacts.contact_list ORDER BY tenant`,
        );
        return rows.map((row) => row.tenant);
      };
      expect(await tenantsSeenWith(TENANT_A)).toEqual([TENANT_A, TENANT_A]);
      expect(await tenantsSeenWith(TENANT_B)).toEqual([TENANT_B]);
      expect(await tenantsSeenWith('*')).toEqual([TENANT_A, TENANT_A, TENANT_B]);
      expect(await tenantsSeenWith(null)).toEqual([]);
      await asRole.query(`SELECT set_config('crm.tenant', $1, false)`, [TENANT_B]);
      const leads = await asRole.query<{ tenant: string }>(`SELECT tenant FROM sales.lead_list`);
      expect(leads.rows).toEqual([{ tenant: TENANT_B }]);
      // WITH CHECK: a row of another tenant cannot be written either.
      await asRole.query(`SELECT set_config('crm.tenant', $1, false)`, [TENANT_B]);
      await expect(
        asRole.query(`UPDATE contacts.contact_list SET tenant = $1`, [TENANT_A]),
      ).rejects.toThrow(/row-level security/);
    } finally {
      await asRole.end();
    }
  });

  it('secures every tenant-keyed table of the schema except the log and its bookkeeping', async () => {
    const { rows } = await admin.query<{ table: string; secured: boolean }>(
      `SELECT c.relname AS "table", c.relrowsecurity AND c.relforcerowsecurity AS secured
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'contacts' AND c.relkind = 'r'
          AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant')
        ORDER BY 1`,
    );
    const secured = rows.filter((r) => r.secured).map((r) => r.table);
    const open = rows.filter((r) => !r.secured).map((r) => r.table);
    expect(secured).toEqual(expect.arrayContaining(['contact_list', 'company_list']));
    // Only what is left out by name stays open.
    for (const table of open) expect(TABLES_WITHOUT_ROW_LEVEL_SECURITY).toContain(table);
    expect(open).toEqual(expect.arrayContaining(['events', 'streams']));
  });
});
