import { existsSync } from 'node:fs';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { describeWithLocalKafka } from './describe-with';
import { portOpen } from './kafka';
import { DisposableKafka, startDisposableKafka } from './local-kafka';
import { uniqueName } from './unique-name';

describeWithLocalKafka('a disposable Kafka broker', () => {
  let broker: DisposableKafka;

  beforeAll(async () => {
    broker = await startDisposableKafka();
  }, 300_000);

  afterAll(async () => {
    await broker?.destroy();
    if (broker) expect(existsSync(broker.dataDir)).toBe(false);
  }, 120_000);

  it('keeps an acknowledged message across a stop and a start on the same ports', async () => {
    const [address] = broker.brokers;
    expect(address).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(address).not.toBe('127.0.0.1:9092');
    const kafka = new Kafka({
      clientId: uniqueName('disposable'),
      brokers: broker.brokers,
      logLevel: logLevel.NOTHING,
      retry: { retries: 10, initialRetryTime: 200 },
    });
    const topic = uniqueName('crm-testing-durable');
    const value = uniqueName('payload');

    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({ topic, acks: -1, messages: [{ key: 'k', value }] });
    await producer.disconnect();

    await broker.stop();
    expect(await portOpen(address!)).toBe(false);

    await broker.start();
    expect(await portOpen(address!)).toBe(true);

    const consumer = kafka.consumer({ groupId: uniqueName('crm-testing-after-restart') });
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      const received = new Promise<string | undefined>((resolve) => {
        void consumer.run({
          eachMessage: async ({ message }) => resolve(message.value?.toString()),
        });
      });
      expect(await received).toBe(value);
    } finally {
      await consumer.disconnect();
    }
  }, 180_000);
});
