/**
 * The one decision of where messages travel: KAFKA_BROKERS set -> Kafka, unset -> the embedded
 * Postgres log. Every value is checked at start-up; a wrong one stops the service naming it.
 */
import { deadLetterTopicFor } from '@crm/contracts';
import type { TopicSpec } from './transport/message-transport';

export interface MessagingConfig {
  readonly transport: 'kafka' | 'embedded';
  readonly kafkaBrokers: readonly string[];
  /** Partitions of topics this service provisions. */
  readonly topicPartitions: number;
  /**
   * Retention of event topics: bounded (no "forever"), because it is the erasure window: an
   * erased person's data leaves the event topics once it has passed (docs/architecture.md).
   */
  readonly topicRetentionMs: number;
  /** Retention of dead-letter topics; bounded for the same reason. */
  readonly deadLetterRetentionMs: number;
  /** State topics (compacted): how long a tombstone stays readable before the key is gone. */
  readonly stateDeleteRetentionMs: number;
  /** State topics: an overwritten value or one a tombstone follows is compacted within this. */
  readonly stateMaxCompactionLagMs: number;
  /** Database of the embedded log (all services of the machine share it). */
  readonly embeddedDatabaseUrl: string | undefined;
  /**
   * Prefix of every topic and consumer group id (`<namespace>.crm.sales.v1`), so several
   * environments or test runs share one broker without seeing each other. '' = none.
   */
  readonly namespace: string;
  /**
   * The broker address outside integrators use, as the AsyncAPI document's server
   * (KAFKA_PUBLIC_HOST, else the first of KAFKA_BROKERS; brokers inside a cluster are often
   * not reachable under the names the services use).
   */
  readonly kafkaPublicHost: string | undefined;
}

export class MessagingConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`Invalid ${variable}: ${problem}`);
    this.name = 'MessagingConfigError';
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function messagingConfigFromEnv(env: NodeJS.ProcessEnv = process.env): MessagingConfig {
  const brokers = (env.KAFKA_BROKERS ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  for (const broker of brokers) {
    if (!/^[^\s:]+:\d{1,5}$/.test(broker))
      throw new MessagingConfigError('KAFKA_BROKERS', `"${broker}" is not host:port`);
  }
  return {
    transport: brokers.length ? 'kafka' : 'embedded',
    kafkaBrokers: brokers,
    topicPartitions: integer(env, 'MESSAGING_TOPIC_PARTITIONS', 4, 1, 1000),
    topicRetentionMs: integer(env, 'MESSAGING_TOPIC_RETENTION_MS', 7 * DAY_MS, 1),
    deadLetterRetentionMs: integer(env, 'MESSAGING_DLQ_RETENTION_MS', 7 * DAY_MS, 1),
    stateDeleteRetentionMs: integer(env, 'MESSAGING_STATE_DELETE_RETENTION_MS', DAY_MS, 0),
    stateMaxCompactionLagMs: integer(env, 'MESSAGING_STATE_MAX_COMPACTION_LAG_MS', DAY_MS, 1),
    embeddedDatabaseUrl: env.MESSAGING_DATABASE_URL || env.DATABASE_URL || undefined,
    namespace: namespaceFrom(env),
    kafkaPublicHost: publicHostFrom(env) ?? brokers[0],
  };
}

function publicHostFrom(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.KAFKA_PUBLIC_HOST?.trim();
  if (!raw) return undefined;
  if (!/^[^\s:/]+(:\d{1,5})?$/.test(raw))
    throw new MessagingConfigError('KAFKA_PUBLIC_HOST', `"${raw}" is not host or host:port`);
  return raw;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type MessagingLogLevel = (typeof LOG_LEVELS)[number];

/**
 * LOG_LEVEL (the platform's variable) for the logger this lib makes when a caller passes none
 * (CLIs, benches); services pass their own logger.
 */
export function messagingLogLevel(env: NodeJS.ProcessEnv = process.env): MessagingLogLevel {
  const raw = env.LOG_LEVEL?.trim() || 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(raw)) {
    throw new MessagingConfigError('LOG_LEVEL', `"${raw}" is not one of ${LOG_LEVELS.join(', ')}`);
  }
  return raw as MessagingLogLevel;
}

// Kafka allows [a-zA-Z0-9._-] and 249 characters per topic; dot-separated segments keep
// `<namespace>.<topic>` readable, and the length cap leaves room for the longest topic + `.dlq`.
const NAMESPACE = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;
const NAMESPACE_MAX_LENGTH = 100;

function namespaceFrom(env: NodeJS.ProcessEnv): string {
  const raw = env.MESSAGING_NAMESPACE ?? '';
  if (raw === '') return '';
  if (raw.length > NAMESPACE_MAX_LENGTH || !NAMESPACE.test(raw)) {
    throw new MessagingConfigError(
      'MESSAGING_NAMESPACE',
      `"${raw}" is not up to ${NAMESPACE_MAX_LENGTH} characters of [A-Za-z0-9_-] segments separated by dots`,
    );
  }
  return raw;
}

/** The name a topic or consumer group has on the broker within `namespace`. */
export function namespacedName(namespace: string, name: string): string {
  return namespace ? `${namespace}.${name}` : name;
}

function integer(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new MessagingConfigError(name, `"${raw}" is not an integer in [${min}, ${max}]`);
  }
  return value;
}

/**
 * Each event topic plus its dead-letter topic, with partitions and retention from config. Segments
 * roll at least daily (or at the retention when shorter): Kafka deletes whole closed segments, so
 * a message lives at most retention + segment.ms.
 */
export function topicSpecs(topics: readonly string[], config: MessagingConfig): TopicSpec[] {
  return [...new Set(topics)].flatMap((name) => [
    {
      name,
      partitions: config.topicPartitions,
      retentionMs: config.topicRetentionMs,
      segmentMs: Math.min(config.topicRetentionMs, DAY_MS),
    },
    deadLetterTopicSpec(name, config),
  ]);
}

/** `<topic>.dlq`: where a consumer of `topic` puts what it cannot handle (a delete topic). */
export function deadLetterTopicSpec(topic: string, config: MessagingConfig): TopicSpec {
  return {
    name: deadLetterTopicFor(topic),
    partitions: 1,
    retentionMs: config.deadLetterRetentionMs,
    segmentMs: Math.min(config.deadLetterRetentionMs, DAY_MS),
  };
}

/**
 * State topics: compacted, kept for good (the latest value of every key), tombstones removed
 * after stateDeleteRetentionMs. Kafka rolls their active segment within max.compaction.lag.ms,
 * so an overwritten or tombstoned value is cleaned within that lag.
 */
export function stateTopicSpecs(topics: readonly string[], config: MessagingConfig): TopicSpec[] {
  return [...new Set(topics)].map((name) => ({
    name,
    partitions: config.topicPartitions,
    retentionMs: -1,
    cleanupPolicy: 'compact' as const,
    deleteRetentionMs: config.stateDeleteRetentionMs,
    maxCompactionLagMs: config.stateMaxCompactionLagMs,
    segmentMs: config.stateMaxCompactionLagMs,
  }));
}

/**
 * The longest time a message holding an erased person's data can stay on a topic after the
 * erase: the longer retention of event and dead-letter topics plus its segment roll, or the state
 * topics' compaction lag (the broker's retention check interval and cleaner back-off come on top).
 */
export function erasureWindowMs(config: MessagingConfig): number {
  const onDeleteTopics = (retention: number) => retention + Math.min(retention, DAY_MS);
  return Math.max(
    onDeleteTopics(config.topicRetentionMs),
    onDeleteTopics(config.deadLetterRetentionMs),
    config.stateMaxCompactionLagMs,
  );
}
