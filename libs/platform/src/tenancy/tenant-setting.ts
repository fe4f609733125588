/**
 * The session setting row-level security reads, and the policy every tenant-keyed read-model
 * table gets. Unset, current_setting(..., true) is NULL and the policy matches no row: a
 * connection nobody scoped sees nothing (fail closed).
 */
export const TENANT_SETTING = 'crm.tenant';
/** System work (projections, relays, consumers, jobs) reads and writes every tenant's rows. */
export const ALL_TENANTS = '*';
export const TENANT_POLICY = 'tenant_isolation';

/**
 * Tables with a `tenant` column left out on purpose: the event store and its subject keys (the
 * log is read across tenants by design), checkpoints, parked events and messaging state.
 */
export const TABLES_WITHOUT_ROW_LEVEL_SECURITY: readonly string[] = [
  'events',
  'streams',
  'event_store_migrations',
  'subject_keys',
  'projection_checkpoints',
  'projection_parked_events',
  'inbox',
  'outbox',
  'relay_parked_events',
  'state_parked_subjects',
  'tombstone_nudges',
];

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** What a table has already, read from pg_class and pg_policies. */
export interface TableSecurity {
  readonly table: string;
  readonly enabled: boolean;
  readonly forced: boolean;
  readonly hasPolicy: boolean;
}

const matchesTenant = `current_setting('${TENANT_SETTING}', true) = '${ALL_TENANTS}' OR tenant = current_setting('${TENANT_SETTING}', true)`;

/** The statements still missing on one table (none once applied: idempotent, no needless locks). */
export function missingStatements(schema: string, state: TableSecurity): string[] {
  const table = `${quoteIdent(schema)}.${quoteIdent(state.table)}`;
  const statements: string[] = [];
  if (!state.enabled) statements.push(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
  // FORCE: the services own their tables, and an owner is exempt unless forced.
  if (!state.forced) statements.push(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
  if (!state.hasPolicy) {
    statements.push(
      `CREATE POLICY ${TENANT_POLICY} ON ${table} USING (${matchesTenant}) WITH CHECK (${matchesTenant})`,
    );
  }
  return statements;
}

/** Whether a table gets row-level security. */
export function isTenantScoped(table: string): boolean {
  return !TABLES_WITHOUT_ROW_LEVEL_SECURITY.includes(table);
}
