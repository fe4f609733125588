/**
 * Rebuilds analytics' derived tables from the topics: the consumers own them (no log of
 * analytics' own holds their facts), so a rebuild is a consumer-group reset. For every topic
 * the `analytics.ingest` group reads, the group's offsets go back to the beginning and the
 * group's inbox entries of that topic are forgotten (libs/messaging `replay` with reprocess);
 * then the tables are emptied. The next start of the service re-reads everything still on the
 * topics (state topics hold every current record) and ends with the tables live consumption
 * built. The ids marked gone for good (erased, merged away, tombstoned) are kept: a person erased
 * before the rebuild must not come back from an event still within the retention.
 *
 * The service must be stopped (Kafka refuses to move the offsets of an active group). A run that
 * fails half-way is simply run again.
 */
import { replay, type MessageTransport } from '@crm/messaging';
import type { Pool } from 'pg';
import { S } from '../infrastructure/schema';
import { INGEST_CONSUMER } from '../ingest/ingest-consumer';
import { DERIVED_TABLES } from '../ingest/ingest-schema';
import { INGEST_TOPICS } from '../ingest/ingest-topics';

export interface RebuildResult {
  readonly topics: readonly string[];
  /** Inbox entries forgotten (the messages that will be applied again). */
  readonly forgotten: number;
}

export async function rebuildAnalytics(options: {
  readonly pool: Pool;
  readonly transport: MessageTransport;
  readonly onTopic?: (topic: string, forgotten: number) => void;
}): Promise<RebuildResult> {
  let forgotten = 0;
  for (const topic of INGEST_TOPICS) {
    const result = await replay({
      transport: options.transport,
      consumer: INGEST_CONSUMER.consumer!,
      topic,
      from: 'earliest',
      reprocess: true,
      pool: options.pool,
    });
    forgotten += result.forgotten;
    options.onTopic?.(topic, result.forgotten);
  }
  const client = await options.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`TRUNCATE ${DERIVED_TABLES.map((t) => `${S}.${t}`).join(', ')}`);
    await client.query(`DELETE FROM ${S}.record_marks WHERE NOT gone`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
  return { topics: INGEST_TOPICS, forgotten };
}
