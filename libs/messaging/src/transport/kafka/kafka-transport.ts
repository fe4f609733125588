/**
 * Kafka adapter on kafkajs. Producer: producer-session.js (idempotent, acks=all, one request in
 * flight), on its own thread (producer-thread.ts) when the client config can cross threads.
 * Consumer: eachBatch with manual offset resolution, so an offset is marked only after its
 * handler resolved and committed at the end of every batch (and every `commitEvery` messages).
 */
import {
  Kafka,
  logLevel,
  type Admin,
  type Consumer,
  type IHeaders,
  type KafkaConfig,
  type logCreator,
} from 'kafkajs';
import { sleep } from '../../backoff';
import { defaultMessagingLogger, type MessagingLogger } from '../../logger';
import { forwardKafkaLog } from './kafka-log';
import { canCrossThreads, ProducerThread } from './producer-thread';
import { producerSession, type ProducerSession } from './producer-session';
import type {
  ConsumeOptions,
  ConsumerHandle,
  MessageTransport,
  OutgoingMessage,
  ReplayFrom,
  SendOptions,
  TopicSpec,
} from '../message-transport';

export interface KafkaTransportOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  /** Overrides for the kafkajs client (ssl, sasl, timeouts). */
  readonly kafka?: Partial<KafkaConfig>;
  /** Commit offsets at least every this many handled messages within a batch. Default 100. */
  readonly commitEvery?: number;
  /** Partitions of one consumer instance processed concurrently (each still in order). Default 4. */
  readonly partitionsConsumedConcurrently?: number;
  readonly logger?: MessagingLogger;
  /** Encode and send on a worker thread (default), overlapping the caller's own work. */
  readonly producerThread?: boolean;
}

export class KafkaTransport implements MessageTransport {
  readonly kind = 'kafka' as const;
  private readonly kafka: Kafka;
  /** The producer: on its own thread, or (when it cannot go there) a session in this one. */
  private readonly producerThread: ProducerThread | undefined;
  private readonly producerHere: ProducerSession;
  private readonly consumers = new Set<Consumer>();
  private metricsAdmin: Promise<Admin> | undefined;

  constructor(private readonly options: KafkaTransportOptions) {
    const logger = options.logger ?? defaultMessagingLogger();
    const config: KafkaConfig = {
      clientId: options.clientId,
      brokers: [...options.brokers],
      logLevel: logLevel.WARN,
      connectionTimeout: 3000,
      requestTimeout: 30_000,
      retry: { initialRetryTime: 200, maxRetryTime: 5000, retries: 8 },
      ...options.kafka,
    };
    this.kafka = new Kafka({ ...config, logCreator: kafkaLogCreator(logger) });
    if ((options.producerThread ?? true) && canCrossThreads(config))
      this.producerThread = new ProducerThread(config, logger);
    this.producerHere = producerSession(this.kafka);
  }

  async provision(topics: readonly TopicSpec[]): Promise<void> {
    await this.withAdmin(async (admin) => {
      const existing = new Set(await admin.listTopics());
      const missing = topics.filter((t) => !existing.has(t.name));
      if (missing.length) {
        // Not kafkajs' own wait for leaders: it gives up on "This server does not host this
        // topic-partition" while a new topic reaches the metadata; untilUsable retries that.
        await admin.createTopics({
          waitForLeaders: false,
          topics: missing.map((t) => ({
            topic: t.name,
            numPartitions: t.partitions,
            configEntries: topicConfigEntries(t),
          })),
        });
        await untilUsable(
          admin,
          missing.map((t) => t.name),
        );
      }
      const present = topics.filter((t) => existing.has(t.name));
      if (!present.length) return;
      const metadata = await admin.fetchTopicMetadata({ topics: present.map((t) => t.name) });
      const grow = present.filter((t) => {
        const current = metadata.topics.find((m) => m.name === t.name)?.partitions.length ?? 0;
        return current < t.partitions;
      });
      if (grow.length) {
        await admin.createPartitions({
          topicPartitions: grow.map((t) => ({ topic: t.name, count: t.partitions })),
        });
      }
      // AlterConfigs (non-incremental) resets unspecified dynamic settings, so only touch topics
      // whose managed settings actually differ (all of them are sent): re-provisioning an
      // unchanged topic is a no-op.
      const described = await admin.describeConfigs({
        includeSynonyms: false,
        resources: present.map((t) => ({
          type: 2 /* TOPIC */,
          name: t.name,
          configNames: topicConfigEntries(t).map((e) => e.name),
        })),
      });
      const drifted = present.filter((t) => {
        const entries = described.resources.find((r) => r.resourceName === t.name)?.configEntries;
        return topicConfigEntries(t).some(
          (wanted) =>
            entries?.find((e) => e.configName === wanted.name)?.configValue !== wanted.value,
        );
      });
      if (drifted.length) {
        await admin.alterConfigs({
          validateOnly: false,
          resources: drifted.map((t) => ({
            type: 2 /* TOPIC */,
            name: t.name,
            configEntries: topicConfigEntries(t),
          })),
        });
      }
    });
  }

  async send(messages: readonly OutgoingMessage[], options?: SendOptions): Promise<void> {
    if (!messages.length) {
      await options?.after;
      return;
    }
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const m of messages) {
      const list = byTopic.get(m.topic);
      if (list) list.push(m);
      else byTopic.set(m.topic, [m]);
    }
    // kafkajs only reads key, value and headers (it copies nothing back into them), so the
    // messages go as they are: no per-message copy of the headers.
    const topicMessages = [...byTopic].map(([topic, list]) => ({ topic, messages: list }));
    if (this.producerThread) return this.producerThread.send(topicMessages, options?.after);
    await options?.after;
    await this.producerHere.send(topicMessages);
  }

  async consume(options: ConsumeOptions): Promise<ConsumerHandle> {
    const consumer = this.kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: 10_000,
      heartbeatInterval: 1000,
      rebalanceTimeout: 20_000,
      maxWaitTimeInMs: 250,
      retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 300, maxRetryTime: 5000 },
    });
    this.consumers.add(consumer);
    let joined!: () => void;
    const ready = new Promise<void>((resolve) => (joined = resolve));
    consumer.on(consumer.events.GROUP_JOIN, () => joined());
    let crashed!: (error: Error) => void;
    let stopped!: () => void;
    const done = new Promise<void>((resolve, reject) => {
      stopped = resolve;
      crashed = reject;
    });
    done.catch(() => undefined);
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) crashed(payload.error);
    });
    const commitEvery = this.options.commitEvery ?? 100;

    await consumer.connect();
    await consumer.subscribe({
      topics: [...options.topics],
      fromBeginning: options.fromBeginning ?? true,
    });
    await consumer.run({
      autoCommit: true,
      autoCommitInterval: 1000,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 4,
      eachBatch: async ({
        batch,
        resolveOffset,
        heartbeat,
        commitOffsetsIfNecessary,
        isRunning,
        isStale,
      }) => {
        let sinceCommit = 0;
        for (const message of batch.messages) {
          if (!isRunning() || isStale()) break;
          await options.handle({
            topic: batch.topic,
            partition: batch.partition,
            offset: message.offset,
            key: message.key ? message.key.toString('utf8') : null,
            value: message.value ?? Buffer.alloc(0),
            tombstone: message.value === null,
            headers: decodeHeaders(message.headers),
            timestamp: new Date(Number(message.timestamp)),
          });
          resolveOffset(message.offset);
          if (++sinceCommit >= commitEvery) {
            await commitOffsetsIfNecessary();
            sinceCommit = 0;
          }
          await heartbeat();
        }
        await commitOffsetsIfNecessary();
      },
    });

    return {
      ready,
      done,
      stop: async () => {
        this.consumers.delete(consumer);
        await consumer.disconnect();
        stopped();
      },
    };
  }

  async resetOffsets(groupId: string, topic: string, from: ReplayFrom): Promise<void> {
    await this.withAdmin(async (admin) => {
      if (from === 'earliest') {
        await admin.resetOffsets({ groupId, topic, earliest: true });
        return;
      }
      const offsets = await admin.fetchTopicOffsetsByTimestamp(topic, from.getTime());
      await admin.setOffsets({
        groupId,
        topic,
        partitions: offsets.map((o) => ({ partition: o.partition, offset: o.offset })),
      });
    });
  }

  async backlog(groupId: string, topics: readonly string[]): Promise<number> {
    return this.measure(async (admin) => {
      const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
      let behind = 0;
      for (const { topic, partitions } of committed) {
        const ends = await admin.fetchTopicOffsets(topic);
        for (const end of ends) {
          const at = partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
          // No committed offset (-1): the group starts at the oldest retained message.
          const from = Number(at) >= 0 ? Number(at) : Number(end.low);
          behind += Math.max(0, Number(end.high) - from);
        }
      }
      return behind;
    });
  }

  async depth(topic: string): Promise<number> {
    return this.measure(async (admin) => {
      const ends = await admin.fetchTopicOffsets(topic);
      return ends.reduce((sum, end) => sum + Math.max(0, Number(end.high) - Number(end.low)), 0);
    });
  }

  /** One admin connection kept for scrapes (a connection per scrape would churn the broker). */
  private async measure<T>(fn: (admin: Admin) => Promise<T>): Promise<T> {
    this.metricsAdmin ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })();
    const admin = this.metricsAdmin;
    try {
      return await fn(await admin);
    } catch (error) {
      // A broken connection is replaced at the next scrape.
      if (this.metricsAdmin === admin) this.metricsAdmin = undefined;
      void admin.then((a) => a.disconnect()).catch(() => undefined);
      throw error;
    }
  }

  async close(): Promise<void> {
    const admin = this.metricsAdmin;
    this.metricsAdmin = undefined;
    await admin?.then((a) => a.disconnect()).catch(() => undefined);
    await Promise.all([...this.consumers].map((c) => c.disconnect().catch(() => undefined)));
    this.consumers.clear();
    await Promise.all([this.producerHere.close(), this.producerThread?.close()]);
  }

  private async withAdmin<T>(fn: (admin: Admin) => Promise<T>): Promise<T> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      return await fn(admin);
    } finally {
      await admin.disconnect();
    }
  }
}

/**
 * The topic settings we own. `message.timestamp.type=LogAppendTime`: the broker stamps each
 * message with its own clock, so time-based retention (and a replay `--from <time>`) never
 * depends on a producer's clock. A producer whose clock is a year behind (faketime in CI, a
 * jumped VM clock) otherwise writes CreateTime stamps the broker finds older than any retention,
 * and the next retention check deletes those messages at once (docs/architecture.md, "Retention").
 */
export function topicConfigEntries(t: TopicSpec): { name: string; value: string }[] {
  const entries = [
    { name: 'message.timestamp.type', value: 'LogAppendTime' },
    { name: 'cleanup.policy', value: t.cleanupPolicy ?? 'delete' },
  ];
  if ((t.cleanupPolicy ?? 'delete') === 'delete') {
    entries.push({ name: 'retention.ms', value: String(t.retentionMs) });
  } else {
    // A compacted topic keeps every key's latest value for good; -1 says so to the broker.
    entries.push({ name: 'retention.ms', value: '-1' });
    if (t.deleteRetentionMs !== undefined)
      entries.push({ name: 'delete.retention.ms', value: String(t.deleteRetentionMs) });
    if (t.maxCompactionLagMs !== undefined)
      entries.push({ name: 'max.compaction.lag.ms', value: String(t.maxCompactionLagMs) });
  }
  if (t.segmentMs !== undefined) entries.push({ name: 'segment.ms', value: String(t.segmentMs) });
  return entries;
}

/** How long provisioning waits for topics another client has just created to become usable. */
const TOPIC_READY_TIMEOUT_MS = 15_000;

/**
 * Resolves once every topic has a leader for each partition in the broker's metadata. Two
 * services provisioning a shared topic at once: one creates it, the other's create answers
 * "already exists" before the topic is in the metadata, and a consumer subscribing right then
 * fails with "This server does not host this topic-partition" (seen in the system e2e).
 */
async function untilUsable(admin: Admin, names: readonly string[]): Promise<void> {
  const deadline = Date.now() + TOPIC_READY_TIMEOUT_MS;
  for (;;) {
    let notYet: unknown;
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: [...names] });
      const ready = topics.every(
        (t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0),
      );
      if (ready) return;
      notYet = new Error(`topics without leaders after ${TOPIC_READY_TIMEOUT_MS} ms`);
    } catch (error) {
      notYet = error;
    }
    if (Date.now() > deadline) throw notYet;
    await sleep(100);
  }
}

function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  const decoded: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    const first = Array.isArray(value) ? value[0] : value;
    decoded[name] = Buffer.isBuffer(first) ? first.toString('utf8') : String(first);
  }
  return decoded;
}

function kafkaLogCreator(logger: MessagingLogger): logCreator {
  return () =>
    ({ level, log }) => {
      const { message, ...extra } = log;
      forwardKafkaLog(logger, level, message, extra);
    };
}
