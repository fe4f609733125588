/**
 * The embedded transport: a durable log in PostgreSQL with Kafka's semantics, for one machine.
 *
 * Ordering: a send locks each target partition's `topic_partitions` row while it numbers its
 * messages, so offsets of one partition are assigned AND committed in the same order; a reader
 * that has seen offset n can never later discover a smaller one. Consumers: see EmbeddedConsumer.
 *
 * Compacted topics (state topics, `cleanupPolicy: 'compact'`): under that same lock a send
 * deletes the older messages of the keys it writes, so only each key's latest message is ever
 * readable (Kafka keeps them until its cleaner runs; a consumer cannot tell the difference except
 * that it sees fewer superseded values). A tombstone (null value) stays readable for the topic's
 * delete retention, then a later send to its partition (or provisioning) deletes it.
 */
import type { Pool, PoolClient } from 'pg';
import { defaultMessagingLogger, type MessagingLogger } from '../../logger';
import { inTransaction } from '@crm/event-sourcing';
import type {
  ConsumeOptions,
  ConsumerHandle,
  MessageTransport,
  OutgoingMessage,
  ReplayFrom,
  SendOptions,
  TopicSpec,
} from '../message-transport';
import { partitionForKey } from '../partitioner';
import { EmbeddedConsumer } from './embedded-consumer';
import { assertIdentifier, migrateEmbeddedLog } from './embedded-log-schema';

export interface EmbeddedTransportOptions {
  /** Pool on the database holding the log (shared by every service of the machine). */
  readonly pool: Pool;
  /** close() also ends the pool (it was made for this transport). Default false. */
  readonly ownsPool?: boolean;
  /** Schema of the log tables. Default `messaging_log`. */
  readonly schema?: string;
  /** Messages read per partition per round. Default 200. */
  readonly batchSize?: number;
  /** Longest idle wait between polls when no NOTIFY arrives. Default 1000 ms. */
  readonly maxIdleMs?: number;
  /** A group member silent for this long is considered gone. Default 10 s. */
  readonly memberTimeoutMs?: number;
  readonly logger?: MessagingLogger;
}

export class UnknownTopicError extends Error {
  constructor(readonly topic: string) {
    super(`Topic "${topic}" is not provisioned in the embedded log (provision it at start-up)`);
    this.name = 'UnknownTopicError';
  }
}

export class EmbeddedTransport implements MessageTransport {
  readonly kind = 'embedded' as const;
  readonly schema: string;
  readonly channel: string;
  private readonly pool: Pool;
  private readonly topicShapes = new Map<string, TopicShape>();
  private readonly consumers = new Set<EmbeddedConsumer>();
  private migrated: Promise<void> | undefined;
  private readonly logger: MessagingLogger;

  constructor(private readonly options: EmbeddedTransportOptions) {
    this.pool = options.pool;
    this.schema = assertIdentifier(options.schema ?? 'messaging_log');
    this.channel = `${this.schema}_messages`;
    this.logger = options.logger ?? defaultMessagingLogger();
  }

  /** Creates the log tables; every other method calls it first. Idempotent. */
  migrate(): Promise<void> {
    this.migrated ??= migrateEmbeddedLog(this.pool, this.schema).catch((error) => {
      this.migrated = undefined;
      throw error;
    });
    return this.migrated;
  }

  async provision(topics: readonly TopicSpec[]): Promise<void> {
    await this.migrate();
    const s = this.schema;
    for (const t of topics) {
      const compact = t.cleanupPolicy === 'compact';
      await this.pool.query(
        `INSERT INTO ${s}.topics (name, partitions, retention_ms, cleanup_policy, delete_retention_ms)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (name) DO UPDATE
           SET partitions = GREATEST(${s}.topics.partitions, EXCLUDED.partitions), retention_ms = EXCLUDED.retention_ms,
               cleanup_policy = EXCLUDED.cleanup_policy, delete_retention_ms = EXCLUDED.delete_retention_ms`,
        [
          t.name,
          t.partitions,
          compact ? -1 : t.retentionMs,
          compact ? 'compact' : 'delete',
          compact ? (t.deleteRetentionMs ?? DEFAULT_DELETE_RETENTION_MS) : null,
        ],
      );
      await this.pool.query(
        `INSERT INTO ${s}.topic_partitions (topic, partition)
         SELECT $1, p FROM generate_series(0, (SELECT partitions FROM ${s}.topics WHERE name = $1) - 1) AS p
         ON CONFLICT DO NOTHING`,
        [t.name],
      );
      this.topicShapes.delete(t.name);
    }
    await this.pruneExpired();
  }

  /**
   * Deletes messages older than their topic's retention, and tombstones of compacted topics older
   * than their delete retention (Kafka's log cleaner, simplified).
   */
  async pruneExpired(): Promise<number> {
    await this.migrate();
    const s = this.schema;
    const expired = await this.pool.query(
      `DELETE FROM ${s}.messages m USING ${s}.topics t
       WHERE m.topic = t.name AND t.cleanup_policy = 'delete' AND t.retention_ms >= 0
         AND m.created_at < clock_timestamp() - t.retention_ms * interval '1 millisecond'`,
    );
    const tombstones = await this.pool.query(
      `DELETE FROM ${s}.messages m USING ${s}.topics t
       WHERE m.topic = t.name AND t.cleanup_policy = 'compact' AND m.value IS NULL
         AND m.created_at < clock_timestamp() - t.delete_retention_ms * interval '1 millisecond'`,
    );
    return (expired.rowCount ?? 0) + (tombstones.rowCount ?? 0);
  }

  async send(messages: readonly OutgoingMessage[], options?: SendOptions): Promise<void> {
    await options?.after;
    if (!messages.length) return;
    await this.migrate();
    const groups = new Map<
      string,
      { topic: string; partition: number; messages: OutgoingMessage[] }
    >();
    for (const m of messages) {
      const partition = partitionForKey(m.key, (await this.shapeOf(m.topic)).partitions);
      const id = `${m.topic}\u0000${String(partition).padStart(6, '0')}`;
      const group = groups.get(id) ?? { topic: m.topic, partition, messages: [] };
      group.messages.push(m);
      groups.set(id, group);
    }
    const s = this.schema;
    await inTransaction(this.pool, async (client) => {
      // A fixed lock order, so two concurrent multi-partition sends cannot deadlock.
      for (const id of [...groups.keys()].sort()) {
        const g = groups.get(id)!;
        const { rows } = await client.query<{ first: string }>(
          `UPDATE ${s}.topic_partitions SET next_offset = next_offset + $3
           WHERE topic = $1 AND partition = $2 RETURNING next_offset - $3 AS first`,
          [g.topic, g.partition, g.messages.length],
        );
        if (!rows.length) throw new UnknownTopicError(g.topic);
        await client.query(
          `INSERT INTO ${s}.messages (topic, partition, "offset", key, value, headers)
           SELECT $1, $2, $3::bigint + u.ord - 1, u.key, u.value, u.headers
           FROM unnest($4::text[], $5::bytea[], $6::jsonb[]) WITH ORDINALITY AS u(key, value, headers, ord)`,
          [
            g.topic,
            g.partition,
            rows[0].first,
            g.messages.map((m) => m.key),
            g.messages.map((m) =>
              m.value === null || Buffer.isBuffer(m.value) ? m.value : Buffer.from(m.value, 'utf8'),
            ),
            g.messages.map((m) => JSON.stringify(m.headers)),
          ],
        );
        const shape = await this.shapeOf(g.topic);
        if (shape.compact) await compact(client, s, g, BigInt(rows[0].first), shape);
      }
      for (const topic of new Set(messages.map((m) => m.topic))) {
        await client.query('SELECT pg_notify($1, $2)', [this.channel, topic]);
      }
    });
  }

  async consume(options: ConsumeOptions): Promise<ConsumerHandle> {
    await this.migrate();
    const consumer = new EmbeddedConsumer(this.pool, this.schema, this.channel, options, {
      batchSize: this.options.batchSize ?? 200,
      maxIdleMs: this.options.maxIdleMs ?? 1000,
      memberTimeoutMs: this.options.memberTimeoutMs ?? 10_000,
      logger: this.logger,
    });
    this.consumers.add(consumer);
    consumer.done.finally(() => this.consumers.delete(consumer)).catch(() => undefined);
    return {
      ready: consumer.ready,
      done: consumer.done,
      stop: () => consumer.stop(),
    };
  }

  async resetOffsets(groupId: string, topic: string, from: ReplayFrom): Promise<void> {
    await this.migrate();
    const s = this.schema;
    const startOf =
      from === 'earliest'
        ? `COALESCE((SELECT min("offset") FROM ${s}.messages m WHERE m.topic = p.topic AND m.partition = p.partition), p.next_offset)`
        : `COALESCE((SELECT min("offset") FROM ${s}.messages m
                     WHERE m.topic = p.topic AND m.partition = p.partition AND m.created_at >= $3), p.next_offset)`;
    await this.pool.query(
      `INSERT INTO ${s}.group_offsets (group_id, topic, partition, next_offset)
       SELECT $1, p.topic, p.partition, ${startOf} FROM ${s}.topic_partitions p WHERE p.topic = $2
       ON CONFLICT (group_id, topic, partition) DO UPDATE SET next_offset = EXCLUDED.next_offset`,
      from === 'earliest' ? [groupId, topic] : [groupId, topic, from],
    );
  }

  async backlog(groupId: string, topics: readonly string[]): Promise<number> {
    await this.migrate();
    const s = this.schema;
    // Counted, not subtracted: compaction and retention leave gaps in the offsets.
    const { rows } = await this.pool.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM ${s}.messages m
       LEFT JOIN ${s}.group_offsets g ON g.group_id = $1 AND g.topic = m.topic AND g.partition = m.partition
       WHERE m.topic = ANY($2::text[]) AND m."offset" >= COALESCE(g.next_offset, 0)`,
      [groupId, topics],
    );
    return Number(rows[0].n);
  }

  async depth(topic: string): Promise<number> {
    await this.migrate();
    const { rows } = await this.pool.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM ${this.schema}.messages WHERE topic = $1`,
      [topic],
    );
    return Number(rows[0].n);
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((c) => c.stop()));
    if (this.options.ownsPool) await this.pool.end();
  }

  private async shapeOf(topic: string): Promise<TopicShape> {
    let shape = this.topicShapes.get(topic);
    if (shape === undefined) {
      const { rows } = await this.pool.query<{
        partitions: number;
        cleanup_policy: string;
        delete_retention_ms: string | null;
      }>(
        `SELECT partitions, cleanup_policy, delete_retention_ms::text FROM ${this.schema}.topics WHERE name = $1`,
        [topic],
      );
      if (!rows.length) throw new UnknownTopicError(topic);
      shape = {
        partitions: rows[0].partitions,
        compact: rows[0].cleanup_policy === 'compact',
        deleteRetentionMs: Number(rows[0].delete_retention_ms ?? DEFAULT_DELETE_RETENTION_MS),
      };
      this.topicShapes.set(topic, shape);
    }
    return shape;
  }
}

interface TopicShape {
  readonly partitions: number;
  readonly compact: boolean;
  readonly deleteRetentionMs: number;
}

/** Kafka's default `delete.retention.ms` (1 day). */
const DEFAULT_DELETE_RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * Compaction of the messages just written to a partition of a compacted topic, inside the send's
 * transaction (the partition row is locked): older messages of their keys go, and so do the
 * partition's tombstones past their delete retention.
 */
async function compact(
  client: PoolClient,
  schema: string,
  group: { topic: string; partition: number; messages: readonly OutgoingMessage[] },
  first: bigint,
  shape: TopicShape,
): Promise<void> {
  const latest = new Map<string, bigint>();
  group.messages.forEach((m, index) => latest.set(m.key, first + BigInt(index)));
  await client.query(
    `DELETE FROM ${schema}.messages m USING unnest($3::text[], $4::bigint[]) AS l(key, latest)
     WHERE m.topic = $1 AND m.partition = $2 AND m.key = l.key AND m."offset" < l.latest`,
    [group.topic, group.partition, [...latest.keys()], [...latest.values()].map(String)],
  );
  await client.query(
    `DELETE FROM ${schema}.messages WHERE topic = $1 AND partition = $2 AND value IS NULL
       AND created_at < clock_timestamp() - $3 * interval '1 millisecond'`,
    [group.topic, group.partition, shape.deleteRetentionMs],
  );
}
