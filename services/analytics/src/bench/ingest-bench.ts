/**
 * Ingest throughput, two contenders on the same transport and database, the same events:
 * - `app`: the analytics service itself (createServiceApp(AppModule)), its `analytics.ingest`
 *   consumers draining a backlog sent before it starts;
 * - `bare`: bareIngestHandler on transport.consume, the same backlog in another namespace.
 * Each run gets a namespace and tenant of its own (the tables are shared, keyed by tenant).
 * The rate is taken from the inbox itself: (handled - 1) / (last - first processed_at), so the
 * app's start (provisioning, joining the group) is not counted against it, nor the bare one's.
 */
import { toCloudEventHeaders } from '@crm/contracts';
import {
  createTransport,
  messagingConfigFromEnv,
  namespacedTransport,
  topicSpecs,
  type MessageTransport,
  type OutgoingMessage,
} from '@crm/messaging';
import { createServiceApp } from '@crm/platform';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { AppModule } from '../app.module';
import { INGEST_CONSUMER } from '../ingest/ingest-consumer';
import { bareIngestHandler } from './bare-ingest';
import type { BenchEvent } from './bench-events';

export const BARE_CONSUMER = 'bench.bare-ingest';
const SEND_BATCH = 1_000;

export interface IngestRun {
  readonly contender: 'app' | 'bare';
  readonly events: number;
  readonly eventsPerSecond: number;
  readonly seconds: number;
  /** This process's CPU (all threads) per event while draining: Node's share of the cost. */
  readonly cpuMicrosPerEvent: number;
}

export interface IngestTarget {
  readonly databaseUrl: string;
  /** Empty: the embedded log in the database. */
  readonly kafkaBrokers: string;
  readonly pool: Pool;
}

function transportIn(target: IngestTarget, namespace: string): MessageTransport {
  const config = messagingConfigFromEnv({
    KAFKA_BROKERS: target.kafkaBrokers,
    DATABASE_URL: target.databaseUrl,
  });
  return namespacedTransport(createTransport(config, { clientId: 'bench-analytics' }), namespace);
}

function envelopes(events: readonly BenchEvent[], tenant: string): OutgoingMessage[] {
  return events.map((e) => ({
    topic: e.topic,
    key: e.subject,
    value: JSON.stringify(e.data),
    headers: toCloudEventHeaders({
      id: randomUUID(),
      type: e.type,
      source: `/crm/${e.topic.split('.')[1]}`,
      time: e.time,
      subject: e.subject,
      tenant,
    }),
  }));
}

async function sendBacklog(
  transport: MessageTransport,
  target: IngestTarget,
  messages: readonly OutgoingMessage[],
): Promise<void> {
  const config = messagingConfigFromEnv({
    KAFKA_BROKERS: target.kafkaBrokers,
    DATABASE_URL: target.databaseUrl,
  });
  await transport.provision(topicSpecs([...new Set(messages.map((m) => m.topic))], config));
  for (let i = 0; i < messages.length; i += SEND_BATCH) {
    await transport.send(messages.slice(i, i + SEND_BATCH));
  }
}

/**
 * Waits until `consumer` handled `expected` messages since `since`; then the inbox's rate.
 * Gives up when nothing moved for `stallMs` (a message dead-lettered never reaches the inbox).
 */
async function inboxRate(
  pool: Pool,
  consumer: string,
  since: Date,
  expected: number,
  stallMs: number,
): Promise<{ eventsPerSecond: number; seconds: number }> {
  let deadline = performance.now() + stallMs;
  let seen = -1;
  for (;;) {
    const { rows } = await pool.query<{ n: number; first: Date; last: Date }>(
      `SELECT count(*)::int AS n, min(processed_at) AS first, max(processed_at) AS last
         FROM messaging.inbox WHERE consumer = $1 AND processed_at >= $2`,
      [consumer, since],
    );
    const { n, first, last } = rows[0];
    if (n >= expected) {
      const seconds = (last.getTime() - first.getTime()) / 1000;
      return { eventsPerSecond: (n - 1) / seconds, seconds };
    }
    if (n !== seen) {
      seen = n;
      deadline = performance.now() + stallMs;
    } else if (performance.now() > deadline) {
      throw new Error(`${consumer}: ${n} of ${expected} messages handled, none for ${stallMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function cpuPer(start: NodeJS.CpuUsage, events: number): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / Math.max(1, events);
}

async function handledSince(pool: Pool, consumer: string, since: Date): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM messaging.inbox WHERE consumer = $1 AND processed_at >= $2',
    [consumer, since],
  );
  return rows[0].n;
}

async function serverNow(pool: Pool): Promise<Date> {
  const { rows } = await pool.query<{ now: Date }>('SELECT clock_timestamp() AS now');
  return rows[0].now;
}

/** The analytics service draining `events` sent beforehand under a fresh namespace and tenant. */
export async function runApp(
  target: IngestTarget,
  events: readonly BenchEvent[],
  label: string,
  stallMs: number,
): Promise<IngestRun> {
  const namespace = `bench-analytics-${process.pid}-${label}-app`;
  const transport = transportIn(target, namespace);
  try {
    await sendBacklog(transport, target, envelopes(events, `bench-${label}-app`));
  } finally {
    await transport.close();
  }
  const since = await serverNow(target.pool);
  process.env.MESSAGING_NAMESPACE = namespace;
  const app = await createServiceApp(AppModule, {
    env: {
      DATABASE_URL: target.databaseUrl,
      KAFKA_BROKERS: target.kafkaBrokers,
      MESSAGING_NAMESPACE: namespace,
      JWT_SECRET: 'bench-secret-0123456789abcdef-0123456789',
      JWT_JWKS_URL: '',
      LOG_LEVEL: 'silent',
      // The fit jobs first run one interval after start: out of the measured window.
      ANALYTICS_FIT_INTERVAL_MS: '3600000',
      ANALYTICS_PROPENSITY_FIT_INTERVAL_MS: '3600000',
    },
  });
  try {
    await app.init();
    // CPU from here on, over the events handled from here on: the app's start is not ingest.
    const cpu = process.cpuUsage();
    const handledAtStart = await handledSince(target.pool, INGEST_CONSUMER.consumer!, since);
    const rate = await inboxRate(
      target.pool,
      INGEST_CONSUMER.consumer!,
      since,
      events.length,
      stallMs,
    );
    return {
      contender: 'app',
      events: events.length,
      ...rate,
      cpuMicrosPerEvent: cpuPer(cpu, events.length - handledAtStart),
    };
  } finally {
    await app.close().catch((error: Error) => console.warn(`app.close: ${error.message}`));
    delete process.env.MESSAGING_NAMESPACE;
  }
}

/** The bare consumer on the same transport, same events, a namespace and tenant of its own. */
export async function runBare(
  target: IngestTarget,
  events: readonly BenchEvent[],
  label: string,
  stallMs: number,
): Promise<IngestRun> {
  const namespace = `bench-analytics-${process.pid}-${label}-bare`;
  const transport = transportIn(target, namespace);
  // The app's pool size (libs/platform's pg-pool: 10), for the same concurrency of transactions.
  const pool = new Pool({ connectionString: target.databaseUrl, max: 10 });
  try {
    const messages = envelopes(events, `bench-${label}-bare`);
    await sendBacklog(transport, target, messages);
    const since = await serverNow(target.pool);
    const cpu = process.cpuUsage();
    const consumer = await transport.consume({
      groupId: BARE_CONSUMER,
      topics: [...new Set(messages.map((m) => m.topic))],
      fromBeginning: true,
      handle: bareIngestHandler(pool, BARE_CONSUMER),
    });
    try {
      await consumer.ready;
      const rate = await inboxRate(target.pool, BARE_CONSUMER, since, events.length, stallMs);
      return {
        contender: 'bare',
        events: events.length,
        ...rate,
        cpuMicrosPerEvent: cpuPer(cpu, events.length),
      };
    } finally {
      await consumer.stop();
    }
  } finally {
    await transport.close();
    await pool.end();
  }
}
