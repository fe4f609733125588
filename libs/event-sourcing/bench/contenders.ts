/**
 * The three things the benchmark compares, behind one shape: our PostgresEventStore, a baseline
 * of plain INSERTs of identical rows into an identical table (the floor any event store pays), and
 * Emmett's PostgreSQL event store. All three share one pg.Pool, so pool size is not a variable.
 */
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { getPostgreSQLEventStore, readMessagesBatch } from '@event-driven-io/emmett-postgresql';
import { dumbo } from '@event-driven-io/dumbo';
import { START, type Position } from '../src/event-store';
import { MIGRATIONS, PostgresEventStore } from '../src/postgres';

export interface Contender {
  readonly name: string;
  /** Appends `batch` events as operation `n` of writer `w` (streams of 10 appends each). */
  append(w: number, n: number, batch: number): Promise<void>;
  /** Reads the next page of the global log from where the last call stopped; 0 = the end. */
  readPage(): Promise<number>;
  close(): Promise<void>;
}

export const PAGE_SIZE = 1000;
const APPENDS_PER_STREAM = 10;
const TENANT = 'bench-tenant';

/** Stream and expected version of writer w's n-th append: like command handlers, streams grow by 10 appends. */
function target(w: number, n: number, batch: number) {
  return {
    streamId: `contact-b${batch}w${w}s${Math.floor(n / APPENDS_PER_STREAM)}`,
    expectedVersion: (n % APPENDS_PER_STREAM) * batch,
  };
}

function payload(w: number, n: number, i: number) {
  return {
    type: 'ContactRegistered',
    data: {
      contactId: randomUUID(),
      name: `Contact ${w}-${n}-${i}`,
      email: `contact.${w}.${n}.${i}@example.com`,
      tags: ['bench', 'lead'],
      consent: { email: true, sms: false },
    },
    metadata: {
      tenant: TENANT,
      correlationId: randomUUID(),
      actor: 'system:bench',
      occurredAt: new Date().toISOString(),
    },
  };
}

export async function ours(pool: Pool): Promise<Contender> {
  const store = await PostgresEventStore.open(pool, { schema: 'bench_ours', notify: true });
  let after: Position = START;
  return {
    name: 'ours (PostgresEventStore)',
    async append(w, n, batch) {
      const { streamId, expectedVersion } = target(w, n, batch);
      const events = Array.from({ length: batch }, (_, i) => payload(w, n, i));
      await store.append({ tenant: TENANT, id: streamId }, events, expectedVersion);
    },
    async readPage() {
      const { events, last } = await store.readAll({ after, limit: PAGE_SIZE });
      after = last;
      return events.length;
    },
    close: () => store.close(),
  };
}

export async function baseline(pool: Pool): Promise<Contender> {
  const schema = 'bench_baseline';
  await pool.query(`CREATE SCHEMA ${schema}`);
  await pool.query(MIGRATIONS[0].sql(schema)); // the very same table definition and indexes as ours
  let after = '0';
  return {
    name: 'baseline (plain INSERT)',
    async append(w, n, batch) {
      const { streamId, expectedVersion } = target(w, n, batch);
      const values: unknown[] = [];
      const rows: string[] = [];
      for (let i = 0; i < batch; i++) {
        const e = payload(w, n, i);
        const p = values.length;
        rows.push(
          `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7}, $${p + 8})`,
        );
        values.push(
          TENANT,
          streamId,
          expectedVersion + i + 1,
          randomUUID(),
          e.type,
          1,
          e.data,
          e.metadata,
        );
      }
      await pool.query({
        name: `baseline_insert_${batch}`,
        text: `INSERT INTO ${schema}.events
          (tenant, stream_id, stream_version, event_id, type, schema_version, data, metadata)
          VALUES ${rows.join(', ')}`,
        values,
      });
    },
    async readPage() {
      const { rows } = await pool.query<{ global_position: string }>({
        name: 'baseline_read',
        text: `SELECT global_position, transaction_id::text AS transaction_id, tenant, stream_id, stream_version,
            event_id, type, schema_version, data, metadata, created_at
          FROM ${schema}.events WHERE global_position > $1 ORDER BY global_position LIMIT $2`,
        values: [after, PAGE_SIZE],
      });
      if (rows.length) after = rows[rows.length - 1].global_position;
      return rows.length;
    },
    close: async () => undefined,
  };
}

export async function emmett(pool: Pool, connectionString: string): Promise<Contender> {
  const store = getPostgreSQLEventStore(connectionString, {
    connectionOptions: { pool, pooled: true, connectionString },
  });
  await store.schema.migrate();
  const reader = dumbo({ connectionString });
  let after = 0n;
  return {
    name: 'Emmett (emmett-postgresql 0.42)',
    async append(w, n, batch) {
      const { streamId, expectedVersion } = target(w, n, batch);
      const events = Array.from({ length: batch }, (_, i) => payload(w, n, i));
      await store.appendToStream(streamId, events, {
        expectedStreamVersion: BigInt(expectedVersion),
      });
    },
    async readPage() {
      const { messages } = await readMessagesBatch(reader.execute, { after, batchSize: PAGE_SIZE });
      if (messages.length) after = messages[messages.length - 1].metadata.globalPosition;
      return messages.length;
    },
    close: async () => {
      await store.close();
      await reader.close();
    },
  };
}
