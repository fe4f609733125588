/**
 * For this lib's integration specs (not exported from the index): a fresh database per suite
 * with a real PostgresEventStore on it.
 */
import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '@crm/testing';
import { PostgresEventStore } from '../postgres';

export interface TestStore {
  readonly db: TestDatabase;
  readonly pool: Pool;
  readonly store: PostgresEventStore;
  close(): Promise<void>;
}

export async function openTestStore(prefix: string, poolSize = 10): Promise<TestStore> {
  const db = await createTestDatabase(prefix);
  const pool = new Pool({ connectionString: db.url, max: poolSize });
  const store = await PostgresEventStore.open(pool, {
    polling: { minDelayMs: 5, maxDelayMs: 100 },
  });
  return {
    db,
    pool,
    store,
    async close() {
      await store.close();
      await pool.end();
      await db.drop();
    },
  };
}
