/**
 * A filtered global-log page must walk the cursor index in order and stop at its LIMIT, also on
 * a table PostgreSQL has no statistics for yet (bulk-loaded, before autovacuum's first ANALYZE).
 * Without BEGIN_ORDERED_SCAN's settings the planner then bitmap-scans and sorts the whole rest of the log
 * for every page. Real PostgreSQL, real plans.
 */
import { createTestDatabase, type TestDatabase } from '@crm/testing';
import { Pool } from 'pg';
import type { NewEvent, ReadAllOptions } from '../event-store';
import { PostgresEventStore } from './postgres-event-store';
import { BEGIN_ORDERED_SCAN, readAllQuery } from './read-all-query';
import { inTransaction } from './transaction';

const SCHEMA = 'plan_check';
const STREAMS = 200;
const EVENTS_PER_STREAM = 100;

let db: TestDatabase;
let pool: Pool;
let store: PostgresEventStore;

beforeAll(async () => {
  db = await createTestDatabase('read_all_plan');
  pool = new Pool({ connectionString: db.url, max: 4 });
  store = await PostgresEventStore.open(pool, { schema: SCHEMA });
  // No ANALYZE may happen behind the test's back: the point is a table without statistics.
  await pool.query(`ALTER TABLE ${SCHEMA}.events SET (autovacuum_enabled = false)`);
  for (let s = 0; s < STREAMS; s += 1) {
    const events: NewEvent[] = Array.from({ length: EVENTS_PER_STREAM }, (_, i) => ({
      type: i % 5 === 4 ? 'Internal' : 'Published',
      data: { i },
      metadata: { tenant: 't1', occurredAt: new Date().toISOString() },
    }));
    await store.append({ tenant: 't1', id: `order-${s}` }, events);
  }
}, 120_000);

afterAll(async () => {
  await store?.close();
  await pool?.end();
  await db?.drop();
});

async function planOf(options: ReadAllOptions): Promise<string> {
  const { filtered, ...query } = readAllQuery(SCHEMA, options, 500);
  expect(filtered).toBe(true);
  return inTransaction(
    pool,
    async (client) => {
      const { rows } = await client.query<{ 'QUERY PLAN': string }>({
        text: `EXPLAIN ${query.text}`,
        values: query.values,
      });
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    },
    BEGIN_ORDERED_SCAN,
  );
}

const FILTERS: [string, ReadAllOptions][] = [
  ['types', { types: ['Published'], limit: 500 }],
  ['categories', { categories: ['order'], limit: 500 }],
  ['tenant', { tenant: 't1', limit: 500 }],
];

describe('filtered readAll plan', () => {
  it('has no statistics to go by (the case under test)', async () => {
    const { rows } = await pool.query(
      `SELECT count(*)::int AS n FROM pg_stats WHERE schemaname = $1 AND tablename = 'events'`,
      [SCHEMA],
    );
    expect(rows[0].n).toBe(0);
  });

  it.each(FILTERS)(
    'walks the cursor index in order without statistics (%s)',
    async (_name, options) => {
      const plan = await planOf(options);
      expect(plan).toMatch(/Index Scan using \S*transaction_id_global_position/);
      expect(plan).not.toMatch(/Bitmap Heap Scan|Seq Scan/);
    },
  );

  it.each(FILTERS)('still does once the table is analysed (%s)', async (_name, options) => {
    await pool.query(`ANALYZE ${SCHEMA}.events`);
    const plan = await planOf(options);
    expect(plan).toMatch(/Index Scan using \S*transaction_id_global_position/);
    expect(plan).not.toMatch(/Bitmap Heap Scan|Seq Scan/);
  });

  it('pages through every matching event in log order', async () => {
    const seen: number[] = [];
    let after: ReadAllOptions['after'];
    for (;;) {
      const page = await store.readAll({ after, types: ['Published'], limit: 500 });
      if (!page.events.length) break;
      for (const e of page.events) {
        expect(e.type).toBe('Published');
        seen.push(Number(e.position.prepare));
      }
      after = page.last;
    }
    expect(seen).toHaveLength((STREAMS * EVENTS_PER_STREAM * 4) / 5);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });
});
