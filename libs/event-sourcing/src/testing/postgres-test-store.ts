/**
 * For this lib's integration specs (not exported from the index): a fresh database per suite
 * with a real PostgresEventStore on it.
 */
import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '@crm/testing';
import type { EventStore, RecordedEvent } from '../event-store';
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
  // The final DROP DATABASE ... WITH (FORCE) may terminate a connection pg has not finished
  // closing; an idle client's error must not become an unhandled 'error' event.
  pool.on('error', () => undefined);
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

/**
 * readAll, retried until `count` events are visible. Global reads only return events below the
 * cluster's oldest open transaction, so suites running in parallel (e.g. the conformance suite's
 * deliberately long transaction) can hide fresh events for a while.
 */
export async function readAllVisible(
  store: EventStore,
  count: number,
  timeoutMs = 15_000,
): Promise<RecordedEvent[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { events } = await store.readAll({ limit: Math.max(count, 1_000) });
    if (events.length >= count || Date.now() > deadline) return events;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
