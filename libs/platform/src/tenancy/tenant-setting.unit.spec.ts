import { roleWarning } from './connected-role';
import { isTenantScoped, missingStatements, TENANT_POLICY } from './tenant-setting';

describe('the tenant policy statements', () => {
  const bare = { table: 'contact_list', enabled: false, forced: false, hasPolicy: false };

  it('enables, forces and creates the policy on a table that has none of it', () => {
    const statements = missingStatements('contacts', bare);
    expect(statements).toEqual([
      'ALTER TABLE "contacts"."contact_list" ENABLE ROW LEVEL SECURITY',
      'ALTER TABLE "contacts"."contact_list" FORCE ROW LEVEL SECURITY',
      expect.stringContaining(`CREATE POLICY ${TENANT_POLICY} ON "contacts"."contact_list"`),
    ]);
    // The same predicate for reading (USING) and writing (WITH CHECK); '*' is the system's.
    const predicate =
      "current_setting('crm.tenant', true) = '*' OR tenant = current_setting('crm.tenant', true)";
    expect(statements[2]).toBe(
      `CREATE POLICY ${TENANT_POLICY} ON "contacts"."contact_list" USING (${predicate}) WITH CHECK (${predicate})`,
    );
  });

  it('issues nothing for a table already secured, only what is missing otherwise', () => {
    expect(
      missingStatements('s', { ...bare, enabled: true, forced: true, hasPolicy: true }),
    ).toEqual([]);
    expect(missingStatements('s', { ...bare, enabled: true, hasPolicy: true })).toEqual([
      'ALTER TABLE "s"."contact_list" FORCE ROW LEVEL SECURITY',
    ]);
  });

  it('quotes identifiers, so an odd table name cannot break out of the statement', () => {
    expect(
      missingStatements('s', { ...bare, table: 'a"b', forced: true, hasPolicy: true }),
    ).toEqual(['ALTER TABLE "s"."a""b" ENABLE ROW LEVEL SECURITY']);
  });

  it('leaves the log and its bookkeeping out, secures every other table', () => {
    for (const table of ['events', 'streams', 'projection_checkpoints', 'projection_parked_events'])
      expect(isTenantScoped(table)).toBe(false);
    for (const table of ['contact_list', 'idempotency_keys', 'imports', 'a_future_table'])
      expect(isTenantScoped(table)).toBe(true);
  });
});

describe('the connected-role warning', () => {
  it('warns for a superuser and for BYPASSRLS, says nothing for a plain role', () => {
    expect(
      roleWarning({ name: 'postgres', superuser: true, bypassesRowLevelSecurity: true }),
    ).toMatch(/"postgres", which is a superuser/);
    expect(roleWarning({ name: 'ops', superuser: false, bypassesRowLevelSecurity: true })).toMatch(
      /"ops", which is BYPASSRLS/,
    );
    expect(
      roleWarning({ name: 'crm_contacts', superuser: false, bypassesRowLevelSecurity: false }),
    ).toBeUndefined();
  });
});
