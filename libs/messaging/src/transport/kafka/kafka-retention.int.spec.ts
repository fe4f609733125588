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
import {
  describeWithLocalKafka,
  startDisposableKafka,
  uniqueName,
  type DisposableKafka,
} from '@crm/testing';
import { Kafka, logLevel, Partitioners, type Admin } from 'kafkajs';
import pino from 'pino';
import { messagingConfigFromEnv, topicSpecs } from '../../messaging-config';
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
    const previous = process.env.KAFKA_RETENTION_CHECK_INTERVAL_MS;
    process.env.KAFKA_RETENTION_CHECK_INTERVAL_MS = String(CHECK_INTERVAL_MS);
    try {
      broker = await startDisposableKafka();
    } finally {
      if (previous === undefined) delete process.env.KAFKA_RETENTION_CHECK_INTERVAL_MS;
      else process.env.KAFKA_RETENTION_CHECK_INTERVAL_MS = previous;
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
});
