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
  readonly topicRetentionMs: number;
  readonly deadLetterRetentionMs: number;
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
    topicRetentionMs: integer(env, 'MESSAGING_TOPIC_RETENTION_MS', 30 * DAY_MS, -1),
    deadLetterRetentionMs: integer(env, 'MESSAGING_DLQ_RETENTION_MS', 30 * DAY_MS, -1),
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

/** Each topic plus its dead-letter topic, with partitions and retention from config. */
export function topicSpecs(topics: readonly string[], config: MessagingConfig): TopicSpec[] {
  return [...new Set(topics)].flatMap((name) => [
    { name, partitions: config.topicPartitions, retentionMs: config.topicRetentionMs },
    { name: deadLetterTopicFor(name), partitions: 1, retentionMs: config.deadLetterRetentionMs },
  ]);
}
