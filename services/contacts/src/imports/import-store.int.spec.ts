/** The import tables of a service that ran before dry runs had an identity of their own. */
import { ManualClock } from '@crm/platform';
import { createTestDatabase, quietAfterEnd, type TestDatabase } from '@crm/testing';
import { Pool } from 'pg';
import { CONTACTS_SCHEMA as S } from '../infrastructure/schema';
import { ImportStore, migrateImportTables } from './import-store';

describe('import tables (int, real PostgreSQL)', () => {
  let db: TestDatabase;
  let pool: Pool;
  beforeAll(async () => {
    db = await createTestDatabase('contacts_imports');
    pool = quietAfterEnd(new Pool({ connectionString: db.url }));
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it('migrates tables keyed by import id alone: old reports stay, a dry run and a real import then share an id', async () => {
    await pool.query(`
      CREATE SCHEMA IF NOT EXISTS ${S};
      CREATE TABLE ${S}.imports (tenant text NOT NULL, import_id text NOT NULL, status text NOT NULL,
        dry_run boolean NOT NULL, processed integer NOT NULL DEFAULT 0, created integer NOT NULL DEFAULT 0,
        updated integer NOT NULL DEFAULT 0, unchanged integer NOT NULL DEFAULT 0,
        rejected integer NOT NULL DEFAULT 0, error jsonb, started_at timestamptz NOT NULL,
        finished_at timestamptz, PRIMARY KEY (tenant, import_id));
      CREATE TABLE ${S}.import_rows (tenant text NOT NULL, import_id text NOT NULL,
        row_number integer NOT NULL, outcome text NOT NULL, contact_id text,
        reasons jsonb NOT NULL DEFAULT '[]', PRIMARY KEY (tenant, import_id, row_number));
      INSERT INTO ${S}.imports (tenant, import_id, status, dry_run, processed, started_at)
        VALUES ('t1', 'old', 'completed', true, 1, now());
      INSERT INTO ${S}.import_rows (tenant, import_id, row_number, outcome)
        VALUES ('t1', 'old', 1, 'created');`);
    await migrateImportTables(pool);
    await migrateImportTables(pool); // again: nothing left to change

    const store = new ImportStore(pool, new ManualClock('2026-11-20T12:00:00Z'));
    const oldDryRun = { tenant: 't1', importId: 'old', dryRun: true };
    expect(await store.find(oldDryRun)).toMatchObject({
      summary: { processed: 1 },
      fileSha256: null,
    });
    expect(await store.rows(oldDryRun, { afterRow: 0, limit: 10 })).toHaveLength(1);

    const real = { ...oldDryRun, dryRun: false };
    expect(await store.begin(real)).toMatchObject({ dryRun: false, status: 'running' });
    await store.record(real, [{ row: 1, outcome: 'updated', contactId: 'c1', reasons: [] }]);
    expect(await store.finish(real, 'abc')).toMatchObject({ status: 'completed', updated: 1 });
    expect(await store.find(real)).toMatchObject({ fileSha256: 'abc' });
    expect(await store.rows(oldDryRun, { afterRow: 0, limit: 10 })).toMatchObject([
      { outcome: 'created' },
    ]);
  });
});
