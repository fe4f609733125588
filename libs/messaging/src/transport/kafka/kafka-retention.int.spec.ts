/**
 * Issue 13 ("also check"): `crm.contacts.v1` lost ~900 messages after a clock jump though its
 * retention was 30 days. Cause, shown here on a real broker: with `message.timestamp.type=CreateTime`
 * (Kafka's default) a message carries its producer's clock, and time-based retention deletes a
 * segment once the broker's now minus the segment's newest timestamp passes retention.ms. A
 * producer 400 days behind (CI runs services under faketime -400d; a jumped VM clock) writes
 * messages that are already "400 days old": the next retention check deletes them, 30 days or not.
 * The fix: our topics are provisioned with LogAppendTime (the broker stamps each message).
 *
 * A disposable broker: the retention check runs every 500 ms there (kafka.sh's
 * KAFKA_RETENTION_CHECK_INTERVAL_MS), which the shared broker must not be restarted for.
 */
import { PostgresEventStore } from '@crm/event-sourcing';
import {
  createTestDatabase,
  describeWithLocalKafka,
  startDisposableKafka,
  uniqueName,
  type DisposableKafka,
} from '@crm/testing';
import { Kafka, logLevel, Partitioners, type Admin } from 'kafkajs';
import { Pool } from 'pg';
import pino from 'pino';
import { messagingConfigFromEnv, stateTopicSpecs, topicSpecs } from '../../messaging-config';
import { migrateMessaging } from '../../messaging-schema';
import { StatePublisher } from '../../state/state-publisher';
import {
  FIXTURE_CONTACT_STATE,
  fixtureContactStateSource,
} from '../../testing/contact-state-fixture';
import { KafkaTransport } from './kafka-transport';

jest.setTimeout(180_000);

const DAY_MS = 24 * 60 * 60 * 1000;
const CHECK_INTERVAL_MS = 500;
const MESSAGES = 50;

describeWithLocalKafka('Kafka retention and producer clocks (disposable broker)', () => {
  let broker: DisposableKafka;
  let kafka: Kafka;
  let admin: Admin;

  beforeAll(async () => {
    const tuning = {
      KAFKA_RETENTION_CHECK_INTERVAL_MS: String(CHECK_INTERVAL_MS),
      KAFKA_CLEANER_BACKOFF_MS: '200',
    };
    const previous = Object.fromEntries(Object.keys(tuning).map((k) => [k, process.env[k]]));
    Object.assign(process.env, tuning);
    try {
      broker = await startDisposableKafka();
    } finally {
      for (const [name, value] of Object.entries(previous)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
    kafka = new Kafka({
      clientId: uniqueName('retention'),
      brokers: broker.brokers,
      logLevel: logLevel.NOTHING,
    });
    admin = kafka.admin();
    await admin.connect();
  }, 300_000);

  afterAll(async () => {
    await admin?.disconnect();
    await broker?.destroy();
  }, 120_000);

  /** What a producer whose clock is 400 days behind the broker's sends: CreateTime = its now. */
  async function sendFromAClock400DaysBehind(topic: string): Promise<void> {
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const producerNow = Date.now() - 400 * DAY_MS;
    await producer.send({
      topic,
      acks: -1,
      messages: Array.from({ length: MESSAGES }, (_, i) => ({
        key: `k${i}`,
        value: `message ${i}`,
        timestamp: String(producerNow + i),
      })),
    });
    await producer.disconnect();
  }

  /** Log start and end offsets summed over the topic's partitions. */
  async function offsets(topic: string): Promise<{ start: number; end: number }> {
    const partitions = await admin.fetchTopicOffsets(topic);
    return partitions.reduce(
      (sum, p) => ({ start: sum.start + Number(p.low), end: sum.end + Number(p.high) }),
      { start: 0, end: 0 },
    );
  }

  async function until(what: string, check: () => Promise<boolean>, timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  it('deletes a 400-days-behind producer’s messages on a CreateTime topic with 30 days retention, keeps them on ours', async () => {
    // The trial's topic: created with retention only, so CreateTime (Kafka's default).
    const createTime = uniqueName('crm-createtime');
    await admin.createTopics({
      waitForLeaders: true,
      topics: [
        {
          topic: createTime,
          numPartitions: 1,
          configEntries: [
            { name: 'retention.ms', value: String(30 * DAY_MS) },
            { name: 'message.timestamp.type', value: 'CreateTime' },
          ],
        },
      ],
    });
    // Ours, as the services provision it (LogAppendTime), with the same 30 days.
    const provisioned = uniqueName('crm-logappendtime');
    const transport = new KafkaTransport({
      brokers: broker.brokers,
      clientId: uniqueName('provision'),
      logger: pino({ level: 'silent' }),
    });
    try {
      const config = messagingConfigFromEnv({
        MESSAGING_TOPIC_PARTITIONS: '1',
        MESSAGING_TOPIC_RETENTION_MS: String(30 * DAY_MS),
      });
      await transport.provision(topicSpecs([provisioned], config));
    } finally {
      await transport.close();
    }

    const sentAt = Date.now();
    await sendFromAClock400DaysBehind(createTime);
    await sendFromAClock400DaysBehind(provisioned);
    expect((await offsets(createTime)).end).toBe(MESSAGES);

    // The partition's start offset moves past every message: the trial's symptom. (Kafka's first
    // retention check comes 30 s after the broker started, then every 500 ms here.)
    await until(
      'retention to delete the messages',
      async () => (await offsets(createTime)).start === MESSAGES,
      90_000,
    );
    // The same checks left ours alone: nothing deleted, and stamped with the broker's clock.
    await new Promise((r) => setTimeout(r, 4 * CHECK_INTERVAL_MS));
    expect(await offsets(provisioned)).toEqual({ start: 0, end: MESSAGES });
    const timestamps: number[] = [];
    const consumer = kafka.consumer({ groupId: uniqueName('retention-reader') });
    await consumer.connect();
    await consumer.subscribe({ topic: provisioned, fromBeginning: true });
    try {
      await new Promise<void>((resolve) => {
        void consumer.run({
          eachMessage: async ({ message }) => {
            timestamps.push(Number(message.timestamp));
            if (timestamps.length === MESSAGES) resolve();
          },
        });
      });
    } finally {
      await consumer.disconnect();
    }
    expect(Math.min(...timestamps)).toBeGreaterThanOrEqual(sentAt - 60_000);
  });

  it('compacts an erased value away on a quiet state-topic partition: the tombstone is sent again after the lag', async () => {
    const db = await createTestDatabase('tombstone_nudge');
    const pool = new Pool({ connectionString: db.url, max: 6 });
    const transport = new KafkaTransport({
      brokers: broker.brokers,
      clientId: uniqueName('nudge'),
      logger: pino({ level: 'silent' }),
    });
    let publisher: StatePublisher | undefined;
    try {
      await migrateMessaging(pool);
      const store = await PostgresEventStore.open(pool, { schema: 'es_nudge' });
      const topic = uniqueName('crm-contacts-fixture-contact-state-v1');
      const config = messagingConfigFromEnv({
        MESSAGING_TOPIC_PARTITIONS: '1',
        MESSAGING_STATE_MAX_COMPACTION_LAG_MS: '2000',
        MESSAGING_STATE_DELETE_RETENTION_MS: '1000',
      });
      await transport.provision(stateTopicSpecs([topic], config));
      publisher = new StatePublisher({
        name: 'nudge.state',
        source: '/crm/contacts',
        store,
        pool,
        transport,
        sources: [fixtureContactStateSource],
        stateTopics: [FIXTURE_CONTACT_STATE],
        topicName: () => topic,
        tombstoneNudgeAfterMs: config.stateMaxCompactionLagMs + 1000,
        logger: pino({ level: 'silent' }),
      });
      await publisher.start();
      const name = `Quietzz ${uniqueName('p')}`;
      const meta = () => ({ tenant: 'acme', occurredAt: new Date().toISOString() });
      const stream = { tenant: 'acme', id: 'contact-quiet-1' };
      await store.append(
        stream,
        [{ type: 'ContactRegistered', data: { name, seq: 1 }, metadata: meta() }],
        'no-stream',
      );
      await until(
        'the value',
        async () => (await values(topic)).some((v) => v?.includes(name)),
        30_000,
      );
      await store.append(stream, [{ type: 'ContactErased', data: {}, metadata: meta() }], 1);
      await until('the tombstone', async () => (await values(topic)).at(-1) === null, 30_000);
      // Nothing else ever arrives on this partition; the nudge alone closes the segment.
      await until(
        'the erased value compacted away',
        async () => !(await values(topic)).some((v) => v?.includes(name)),
        60_000,
      );
    } finally {
      await publisher?.stop();
      await transport.close();
      await pool.end();
      await db.drop();
    }
  });

  /** Every value on `topic` from offset 0 (null: a tombstone). */
  async function values(topic: string): Promise<(string | null)[]> {
    const partitions = await admin.fetchTopicOffsets(topic);
    const last = new Map(
      partitions
        .filter((p) => Number(p.high) > Number(p.low))
        .map((p) => [p.partition, Number(p.high) - 1]),
    );
    if (!last.size) return [];
    const read: (string | null)[] = [];
    const consumer = kafka.consumer({ groupId: uniqueName('values') });
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      const left = new Set(last.keys());
      await new Promise<void>((resolve) => {
        void consumer.run({
          eachMessage: async ({ partition, message }) => {
            read.push(message.value?.toString() ?? null);
            if (Number(message.offset) >= last.get(partition)!) left.delete(partition);
            if (!left.size) resolve();
          },
        });
      });
    } finally {
      await consumer.disconnect();
    }
    return read;
  }
});
