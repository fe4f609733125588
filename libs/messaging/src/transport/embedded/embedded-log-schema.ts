/**
 * Tables of the embedded (Postgres) log. One database holds the log of every service running on
 * the machine, as one Kafka cluster would; topics and partitions are rows, a partition's
 * `next_offset` row is the sequence that numbers its messages (see EmbeddedTransport.send).
 */
import type { Pool } from 'pg';
import { inTransaction } from '@crm/event-sourcing';

export function assertIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name))
    throw new Error(`"${name}" is not a safe SQL identifier`);
  return name;
}

export async function migrateEmbeddedLog(pool: Pool, schema: string): Promise<void> {
  const s = assertIdentifier(schema);
  await inTransaction(pool, async (client) => {
    // Concurrent first starts (several services at once) would race on CREATE ... IF NOT EXISTS.
    await client.query(
      `SELECT pg_advisory_xact_lock(hashtext('crm-messaging-migrate:' || $1::text))`,
      [s],
    );
    await client.query(`
      CREATE SCHEMA IF NOT EXISTS ${s};
      CREATE TABLE IF NOT EXISTS ${s}.topics (
        name text PRIMARY KEY,
        partitions int NOT NULL CHECK (partitions > 0),
        retention_ms bigint NOT NULL
      );
      CREATE TABLE IF NOT EXISTS ${s}.topic_partitions (
        topic text NOT NULL REFERENCES ${s}.topics (name),
        partition int NOT NULL,
        next_offset bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (topic, partition)
      );
      CREATE TABLE IF NOT EXISTS ${s}.messages (
        topic text NOT NULL,
        partition int NOT NULL,
        "offset" bigint NOT NULL,
        key text,
        value bytea,
        headers jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (topic, partition, "offset")
      );
      CREATE INDEX IF NOT EXISTS messages_by_time ON ${s}.messages (topic, created_at);
      CREATE INDEX IF NOT EXISTS messages_by_key ON ${s}.messages (topic, partition, key);
      CREATE INDEX IF NOT EXISTS messages_tombstones ON ${s}.messages (topic, partition, created_at)
        WHERE value IS NULL;
      CREATE TABLE IF NOT EXISTS ${s}.group_offsets (
        group_id text NOT NULL,
        topic text NOT NULL,
        partition int NOT NULL,
        next_offset bigint NOT NULL,
        PRIMARY KEY (group_id, topic, partition)
      );
      CREATE TABLE IF NOT EXISTS ${s}.group_members (
        group_id text NOT NULL,
        member_id text NOT NULL,
        heartbeat_at timestamptz NOT NULL,
        PRIMARY KEY (group_id, member_id)
      );
    `);
    // Compacted (state) topics: a send deletes the older messages of its keys, and tombstones go
    // after their delete retention (EmbeddedTransport.send). Altered only when missing: ALTER
    // TABLE takes an exclusive lock, which every transport start would otherwise queue behind.
    const { rows } = await client.query<{ done: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM information_schema.columns
         WHERE table_schema = $1 AND table_name = 'topics' AND column_name = 'cleanup_policy') AS done`,
      [s],
    );
    if (rows[0].done) return;
    await client.query(`
      ALTER TABLE ${s}.topics ADD COLUMN IF NOT EXISTS cleanup_policy text NOT NULL DEFAULT 'delete';
      ALTER TABLE ${s}.topics ADD COLUMN IF NOT EXISTS delete_retention_ms bigint;
      ALTER TABLE ${s}.messages ALTER COLUMN value DROP NOT NULL;
    `);
  });
}
