/**
 * Tables a service keeps in ITS OWN database next to its read models: the relay's checkpoint and
 * the consumers' inbox. They must live there, because the inbox row is written in the same
 * transaction as the consumer's effect.
 */
import type { Pool } from 'pg';
import { inTransaction } from '@crm/event-sourcing';
import { assertIdentifier } from './transport/embedded/embedded-log-schema';

export const DEFAULT_MESSAGING_SCHEMA = 'messaging';

export async function migrateMessaging(
  pool: Pool,
  schema = DEFAULT_MESSAGING_SCHEMA,
): Promise<void> {
  const s = assertIdentifier(schema);
  await migrateUnderLock(
    pool,
    s,
    `
      CREATE SCHEMA IF NOT EXISTS ${s};
      CREATE TABLE IF NOT EXISTS ${s}.relay_checkpoints (
        relay text PRIMARY KEY,
        commit_position numeric(20, 0) NOT NULL,
        prepare_position numeric(20, 0) NOT NULL,
        published bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE IF NOT EXISTS ${s}.inbox (
        consumer text NOT NULL,
        event_id text NOT NULL,
        event_type text NOT NULL,
        topic text NOT NULL,
        message_time timestamptz NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      );
      CREATE INDEX IF NOT EXISTS inbox_by_topic_time ON ${s}.inbox (consumer, topic, message_time);
    `,
  );
}

/**
 * Runs DDL for the messaging tables of `schema` under one advisory lock per schema: concurrent
 * first starts (replicas, the relay beside its CLI) would otherwise race on CREATE IF NOT EXISTS.
 */
export async function migrateUnderLock(pool: Pool, schema: string, ddl: string): Promise<void> {
  await inTransaction(pool, async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('crm-messaging-migrate:' || $1::text))`, [
      schema,
    ]);
    await tx.query(ddl);
  });
}
