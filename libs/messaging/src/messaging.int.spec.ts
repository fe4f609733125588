/**
 * The messaging contract, run against BOTH transports (real Kafka and the embedded Postgres log):
 * domain events -> relay -> topic -> consumer -> effect in Postgres, under failures.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Parser } from '@asyncapi/parser';
import { asyncApiDocument } from '@crm/contracts';
import { PostgresEventStore } from '@crm/event-sourcing';
import {
  createTestDatabase,
  describeWithKafka,
  startDisposableKafka,
  uniqueName,
  type DisposableKafka,
  type TestDatabase,
} from '@crm/testing';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { Pool } from 'pg';
import { register } from 'prom-client';
import { DLQ_HEADERS } from './consumer/dead-letter';
import { IntegrationEventConsumer } from './consumer/integration-event-consumer';
import { migrateMessaging } from './messaging-schema';
import { messagingConfigFromEnv, topicSpecs } from './messaging-config';
import { Relay } from './relay/relay';
import { replay } from './replay';
import {
  appendContacts,
  contactsMapper,
  createEffectsTable,
  DETAILS_CHANGED,
  expectedChecksum,
  recordEffect,
  REGISTERED,
  summarizeEffects,
  waitFor,
} from './testing/contacts-fixture';
import { EmbeddedTransport } from './transport/embedded/embedded-transport';
import { KafkaTransport } from './transport/kafka/kafka-transport';
import type { DeliveredMessage, MessageTransport } from './transport/message-transport';

jest.setTimeout(180_000);

const REPO_ROOT = path.resolve(__dirname, '../../..');
const PARTITIONS = 4;
const config = messagingConfigFromEnv({ MESSAGING_TOPIC_PARTITIONS: String(PARTITIONS) });
const quickRetry = { initialDelayMs: 20, maxDelayMs: 200 };

interface TransportFactory {
  kind: 'kafka' | 'embedded';
  /** A transport on the suite's shared broker (Kafka) or the suite database (embedded). */
  create(db: TestDatabase): MessageTransport;
  brokers?: () => string[];
}

function messagingContract(factory: TransportFactory): void {
  let db: TestDatabase;
  let pool: Pool;
  const cleanups: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('messaging');
    pool = new Pool({ connectionString: db.url, max: 12 });
    await migrateMessaging(pool);
  });

  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!().catch(() => undefined);
  });

  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  /** A fresh event store schema, effects table, topic and names for one test. */
  async function scenario(transport = trackTransport(factory.create(db))) {
    const id = uniqueName(factory.kind).replace(/-/g, '_');
    const store = await PostgresEventStore.open(pool, { schema: `es_${id}` });
    await pool.query('DROP TABLE IF EXISTS effects');
    await createEffectsTable(pool);
    const topic = uniqueName('crm-contacts-v1');
    await transport.provision(topicSpecs([topic], config));
    const relay = (name = `relay-${id}`, t: MessageTransport = transport) =>
      track(
        new Relay({
          name,
          source: '/crm/contacts',
          store,
          pool,
          transport: t,
          mapper: contactsMapper,
          topicName: () => topic,
          batchSize: 200,
          retry: quickRetry,
        }),
      );
    const consumer = (instance = 'one', name = `consumer-${id}`, extra = {}) =>
      track(
        new IntegrationEventConsumer({
          name,
          transport,
          pool,
          topics: [topic],
          handlers: {
            [REGISTERED]: recordEffect(instance),
            [DETAILS_CHANGED]: recordEffect(instance),
          },
          retry: quickRetry,
          ...extra,
        }),
      );
    return { id, store, topic, transport, relay, consumer, prefix: `c${id.slice(-8)}` };
  }

  function track<T extends { stop(): Promise<void> }>(thing: T): T {
    cleanups.push(() => thing.stop());
    return thing;
  }

  function trackTransport<T extends MessageTransport>(transport: T): T {
    cleanups.push(() => transport.close());
    return transport;
  }

  /** Every message on a topic, read by a throw-away group, once `count` have arrived. */
  async function readTopic(
    transport: MessageTransport,
    topic: string,
    count: number,
  ): Promise<DeliveredMessage[]> {
    const seen: DeliveredMessage[] = [];
    const handle = await transport.consume({
      groupId: uniqueName('reader'),
      topics: [topic],
      fromBeginning: true,
      handle: async (m) => void seen.push(m),
    });
    try {
      await waitFor(
        `${count} messages on ${topic}`,
        async () => seen.length,
        (n) => n >= count,
      );
      return seen;
    } finally {
      await handle.stop();
    }
  }

  it('round trip: domain events -> relay -> topic -> consumer -> effect; envelope matches schema and AsyncAPI', async () => {
    const s = await scenario();
    const consumer = s.consumer();
    await consumer.start();
    await s.relay().start();
    const published = await appendContacts(s.store, {
      prefix: s.prefix,
      contacts: 20,
      perContact: 6,
    });
    expect(published).toBe(80);

    const effects = await waitFor(
      'effects',
      () => summarizeEffects(pool),
      (e) => e.rows >= published,
    );
    expect(effects).toEqual({
      rows: 80,
      distinctEvents: 80,
      checksum: expectedChecksum(s.prefix, 20, 6),
    });

    const messages = await readTopic(s.transport, s.topic, published);
    expect(messages).toHaveLength(published); // internal ContactNoteAdded events were not published
    const { document, diagnostics } = await new Parser().parse(JSON.stringify(asyncApiDocument()));
    expect(diagnostics.filter((d) => d.severity === 0)).toEqual([]);
    const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
    for (const m of messages) {
      const spec = document!
        .messages()
        .all()
        .find((candidate) => candidate.name() === m.headers.ce_type);
      expect(spec).toBeDefined();
      const headersValid = ajv.validate(spec!.headers()!.json(), m.headers);
      expect(ajv.errors ?? []).toEqual([]);
      expect(headersValid).toBe(true);
      expect(ajv.validate(spec!.payload()!.json(), JSON.parse(m.value.toString()))).toBe(true);
      expect(m.key).toBe(m.headers.ce_subject);
      expect(m.headers).toMatchObject({
        ce_source: '/crm/contacts',
        ce_tenantid: 'acme',
        'content-type': 'application/json',
      });
    }
    const events = await s.store.readAll({ limit: 1000 });
    const publishedIds = new Set(
      events.events.filter((e) => e.type !== 'ContactNoteAdded').map((e) => e.id),
    );
    expect(new Set(messages.map((m) => m.headers.ce_id))).toEqual(publishedIds);

    // A redelivery of an already handled message changes nothing.
    expect(await consumer.process(messages[0])).toBe('duplicate');
    expect((await summarizeEffects(pool)).rows).toBe(80);
  });

  it('poison message -> DLQ with the error and original headers; unknown and newer types skipped; the next ones processed', async () => {
    const s = await scenario();
    const failing = recordEffect('one', async (_tx, data) => {
      if (data.displayName === 'POISON') throw new Error('cannot handle poison');
    });
    const consumer = s.consumer('one', undefined, {
      handlers: { [REGISTERED]: failing },
      maxAttempts: 3,
    });
    await consumer.start();
    const headers = (id: string, type = REGISTERED) => ({
      ce_specversion: '1.0',
      ce_id: id,
      ce_type: type,
      ce_source: '/test',
      ce_time: new Date().toISOString(),
      ce_subject: 'k1',
      'content-type': 'application/json',
      ce_tenantid: 'acme',
    });
    const body = (displayName: string) =>
      JSON.stringify({ contactId: 'k1', displayName, lifecycleStage: 'lead', tags: ['seq-1'] });
    const msg = (id: string, value: string, h: Record<string, string> = headers(id)) => ({
      topic: s.topic,
      key: 'k1',
      value,
      headers: h,
    });
    await s.transport.send([
      msg('e-1', body('first')),
      msg('e-poison', body('POISON')),
      msg('e-malformed', body('no envelope'), { 'content-type': 'application/json' }),
      msg('e-v2', body('newer'), headers('e-v2', 'crm.contacts.contact.registered.v2')),
      msg('e-unknown', body('unknown'), headers('e-unknown', 'crm.contacts.contact.teleported.v1')),
      msg('e-invalid', JSON.stringify({ contactId: 'k1' })),
      msg('e-2', body('second')),
    ]);
    await waitFor(
      'the message after the poison',
      () => summarizeEffects(pool),
      (e) => e.rows >= 2,
    );
    const { rows } = await pool.query('SELECT event_id FROM effects ORDER BY arrival');
    expect(rows.map((r) => r.event_id)).toEqual(['e-1', 'e-2']);

    const dead = await readTopic(s.transport, `${s.topic}.dlq`, 3);
    expect(dead.map((d) => d.headers.ce_id ?? '(none)')).toEqual([
      'e-poison',
      '(none)',
      'e-invalid',
    ]);
    expect(dead[0].headers).toMatchObject({
      ...headers('e-poison'),
      ce_time: expect.any(String),
      [DLQ_HEADERS.error]: 'cannot handle poison',
      [DLQ_HEADERS.attempts]: '3',
      [DLQ_HEADERS.topic]: s.topic,
      [DLQ_HEADERS.consumer]: `consumer-${s.id}`,
    });
    expect(JSON.parse(dead[0].value.toString()).displayName).toBe('POISON');
    expect(dead[1].headers[DLQ_HEADERS.errorName]).toBe('MalformedEnvelopeError');
    expect(dead[2].headers[DLQ_HEADERS.error]).toMatch(/displayName/);

    const skipped = (
      await (register.getSingleMetric('integration_consumer_skipped_total') as any).get()
    ).values.filter((v: any) => v.labels.consumer === `consumer-${s.id}`);
    expect(skipped.map((v: any) => [v.labels.reason, v.value]).sort()).toEqual([
      ['newer_version', 1],
      ['unknown_type', 1],
    ]);
  });

  it(`keeps per-key order with ${PARTITIONS} partitions and 2 consumer instances`, async () => {
    const s = await scenario();
    const slow = (instance: string) =>
      recordEffect(instance, () => new Promise((r) => setTimeout(r, 2)));
    const one = s.consumer('one', undefined, {
      handlers: { [REGISTERED]: slow('one'), [DETAILS_CHANGED]: slow('one') },
    });
    const two = s.consumer('two', undefined, {
      handlers: { [REGISTERED]: slow('two'), [DETAILS_CHANGED]: slow('two') },
    });
    await Promise.all([one.start(), two.start()]);
    await new Promise((r) => setTimeout(r, factory.kind === 'embedded' ? 2500 : 1000)); // let the group settle
    await s.relay().start();
    const published = await appendContacts(s.store, {
      prefix: s.prefix,
      contacts: 40,
      perContact: 12,
    });
    await waitFor(
      'effects',
      () => summarizeEffects(pool),
      (e) => e.rows >= published,
    );

    const { rows } = await pool.query<{ contact_id: string; seq: number; instance: string }>(
      'SELECT contact_id, seq, instance FROM effects ORDER BY arrival',
    );
    expect(rows).toHaveLength(published);
    const lastSeq = new Map<string, number>();
    const outOfOrder = rows.filter((r) => {
      const before = lastSeq.get(r.contact_id) ?? 0;
      lastSeq.set(r.contact_id, r.seq);
      return r.seq <= before;
    });
    expect(outOfOrder).toEqual([]);
    expect(new Set(rows.map((r) => r.instance))).toEqual(new Set(['one', 'two']));
  });

  it('relay killed (SIGKILL) mid-batch and restarted: no loss, duplicates absorbed by the inbox', async () => {
    const s = await scenario();
    const consumer = s.consumer();
    await consumer.start();
    const contacts = 150;
    const published = await appendContacts(s.store, { prefix: s.prefix, contacts, perContact: 6 });
    const relayName = `relay-${s.id}`;
    const child = startRelayProcess({
      DATABASE_URL: db.url,
      EVENT_STORE_SCHEMA: `es_${s.id}`,
      RELAY_NAME: relayName,
      RELAY_TOPIC: s.topic,
      RELAY_BATCH_SIZE: '40',
      ACK_DELAY_MS: '150',
      ...(factory.brokers ? { KAFKA_BROKERS: factory.brokers().join(',') } : {}),
    });
    cleanups.push(async () => child.kill('SIGKILL'));
    // Kill once a few batches are through: at least one acked batch is then waiting for its checkpoint.
    await waitFor(
      'relay progress',
      () => summarizeEffects(pool),
      (e) => e.rows >= 100,
      90_000,
    );
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const { rows } = await pool.query(
      'SELECT published FROM messaging.relay_checkpoints WHERE relay = $1',
      [relayName],
    );
    const checkpointed = Number(rows[0]?.published ?? 0);
    expect(checkpointed).toBeLessThan(published); // it really died mid-way

    await s.relay(relayName).start();
    const effects = await waitFor(
      'all effects',
      () => summarizeEffects(pool),
      (e) => e.rows >= published,
    );
    expect(effects).toEqual({
      rows: published,
      distinctEvents: published,
      checksum: expectedChecksum(s.prefix, contacts, 6),
    });
    const outcomes = (
      await (register.getSingleMetric('integration_consumer_messages_total') as any).get()
    ).values.filter((v: any) => v.labels.consumer === `consumer-${s.id}`);
    const duplicates = outcomes.find((v: any) => v.labels.outcome === 'duplicate')?.value ?? 0;
    // The killed relay had sent (and the broker acked) more than it checkpointed: re-sent on restart.
    expect(duplicates).toBeGreaterThan(0);
    process.stdout.write(
      `[messaging] ${factory.kind}: relay killed after checkpointing ${checkpointed}/${published}; ${duplicates} duplicates absorbed\n`,
    );
  });

  it('provisioning is idempotent and grows partitions', async () => {
    const transport = trackTransport(factory.create(db));
    const topic = uniqueName('provisioned');
    await transport.provision(topicSpecs([topic], config));
    await transport.provision(topicSpecs([topic], config));
    await transport.provision([{ name: topic, partitions: 6, retentionMs: 3_600_000 }]);
    const seen = new Set<number>();
    const handle = await transport.consume({
      groupId: uniqueName('partitions'),
      topics: [topic],
      handle: async (m) => void seen.add(m.partition),
    });
    cleanups.push(() => handle.stop());
    await transport.send(
      Array.from({ length: 60 }, (_, i) => ({ topic, key: `key-${i}`, value: '{}', headers: {} })),
    );
    await waitFor(
      'messages on all 6 partitions',
      async () => seen.size,
      (n) => n === 6,
    );
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('relay_lag_events counts the log after the checkpoint while the broker does not acknowledge', async () => {
    const s = await scenario();
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const blocked: MessageTransport = Object.create(s.transport, {
      send: { value: async (messages: any) => gate.then(() => s.transport.send(messages)) },
    });
    const relay = s.relay(`relay-lag-${s.id}`, blocked);
    await relay.start();
    await appendContacts(s.store, { prefix: s.prefix, contacts: 30, perContact: 6 });
    const lag = async () =>
      ((await (register.getSingleMetric('relay_lag_events') as any).get()).values.find(
        (v: any) => v.labels.relay === `relay-lag-${s.id}`,
      )?.value ?? -1) as number;
    expect(await waitFor('lag of the whole log', lag, (n) => n === 180)).toBe(180);
    open();
    await waitFor('lag back to zero', lag, (n) => n === 0);
    expect(relay.published).toBe(120);
  });

  it('replay from a point in time re-reads the topic into a stopped consumer; --reprocess applies it again', async () => {
    const s = await scenario();
    const name = `consumer-${s.id}`;
    const first = s.consumer('one', name);
    await first.start();
    await s.relay().start();
    const early = await appendContacts(s.store, { prefix: s.prefix, contacts: 5, perContact: 6 });
    await waitFor(
      'early effects',
      () => summarizeEffects(pool),
      (e) => e.rows >= early,
    );
    await new Promise((r) => setTimeout(r, 1100)); // timestamps: clearly after every early message
    const since = new Date();
    await new Promise((r) => setTimeout(r, 100));
    const late = await appendContacts(s.store, {
      prefix: s.prefix,
      contacts: 5,
      perContact: 6,
      from: 5,
    });
    await waitFor(
      'all effects',
      () => summarizeEffects(pool),
      (e) => e.rows >= early + late,
    );
    await first.stop();

    // Without --reprocess the re-read events are recognised by the inbox and change nothing.
    await replay({ transport: s.transport, consumer: name, topic: s.topic, from: 'earliest' });
    const idle = s.consumer('two', name);
    await idle.start();
    await new Promise((r) => setTimeout(r, 3000));
    expect((await summarizeEffects(pool)).rows).toBe(early + late);
    await idle.stop();

    await pool.query('DELETE FROM effects');
    const { forgotten } = await replay({
      transport: s.transport,
      consumer: name,
      topic: s.topic,
      from: since,
      reprocess: true,
      pool,
    });
    expect(forgotten).toBe(late);
    await s.consumer('three', name).start();
    const replayed = await waitFor(
      'replayed effects',
      () => summarizeEffects(pool),
      (e) => e.rows >= late,
    );
    await new Promise((r) => setTimeout(r, 500));
    const { rows } = await pool.query<{ contact_id: string }>(
      'SELECT DISTINCT contact_id FROM effects ORDER BY 1',
    );
    expect(replayed.rows).toBe(late);
    expect(rows.map((r) => Number(r.contact_id.split('-').pop())).sort((a, b) => a - b)).toEqual([
      5, 6, 7, 8, 9,
    ]);
  });

  if (factory.kind === 'kafka') {
    describe('with a disposable broker', () => {
      let broker: DisposableKafka;
      beforeAll(async () => {
        broker = await startDisposableKafka();
      }, 180_000);
      afterAll(async () => {
        await broker?.destroy();
      }, 120_000);

      it('broker stopped while 5,000 events are appended, then started: every event arrives, effects exactly once', async () => {
        const transport = trackTransport(
          new KafkaTransport({ brokers: broker.brokers, clientId: 'outage-test' }),
        );
        await outageScenario(transport, async () => {
          await broker.stop();
          return () => broker.start();
        });
      });
    });
  } else {
    it('log connections killed while 5,000 events are appended: every event arrives, effects exactly once', async () => {
      const logPool = new Pool({
        connectionString: db.url,
        max: 6,
        application_name: 'crm-embedded-log',
      });
      logPool.on('error', () => undefined);
      cleanups.push(() => logPool.end());
      const transport = trackTransport(new EmbeddedTransport({ pool: logPool }));
      await outageScenario(transport, async () => {
        await pool.query(
          // This database only: other suites (and other runs) on the same server are not ours to kill.
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
           WHERE application_name = 'crm-embedded-log' AND datname = current_database()`,
        );
        return async () => undefined;
      });
    });
  }

  async function outageScenario(
    transport: MessageTransport,
    outage: () => Promise<() => Promise<void>>,
  ) {
    const s = await scenario(transport);
    await s.consumer().start();
    await s.relay().start();
    const contacts = 1250;
    const perContact = 6; // 4 published each: 5,000 integration events
    const appended = appendContacts(s.store, { prefix: s.prefix, contacts: 250, perContact });
    await waitFor(
      'first effects',
      () => summarizeEffects(pool),
      (e) => e.rows > 0,
    );
    const recover = await outage();
    let published = await appended;
    published += await appendContacts(s.store, {
      prefix: s.prefix,
      contacts: contacts - 250,
      perContact,
      from: 250,
    });
    expect(published).toBe(5000);
    await recover();
    const effects = await waitFor(
      'all effects',
      () => summarizeEffects(pool),
      (e) => e.rows >= published,
      150_000,
    );
    expect(effects).toEqual({
      rows: published,
      distinctEvents: published,
      checksum: expectedChecksum(s.prefix, contacts, perContact),
    });
  }
}

function startRelayProcess(env: Record<string, string>): ChildProcess {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', 'libs/messaging/src/testing/relay-process.ts'],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, KAFKA_BROKERS: '', LOG_LEVEL: 'error', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return child;
}

describe('messaging on the embedded Postgres log', () => {
  messagingContract({
    kind: 'embedded',
    create: (db) => {
      const logPool = new Pool({ connectionString: db.url, max: 6 });
      return new EmbeddedTransport({ pool: logPool, ownsPool: true, maxIdleMs: 200 });
    },
  });
});

describeWithKafka('messaging on Kafka', ({ brokers }) => {
  messagingContract({
    kind: 'kafka',
    brokers,
    create: () => new KafkaTransport({ brokers: brokers(), clientId: 'messaging-test' }),
  });
});
