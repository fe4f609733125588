/**
 * The Kafka transport's producer thread against a real broker: a send handed over with `after`
 * waits for it (and is dropped if it rejects), values keep their bytes across the thread, a dead
 * thread fails its sends and is replaced, and a client config that cannot cross threads keeps
 * the producer in this thread.
 */
import { describeWithKafka, uniqueName } from '@crm/testing';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import pino from 'pino';
import type { OutgoingMessage } from '../message-transport';
import { KafkaTransport } from './kafka-transport';
import { canCrossThreads, type ProducerThread } from './producer-thread';

const quiet = pino({ level: 'silent' });

function messages(
  topic: string,
  count: number,
  value: (i: number) => string | Buffer = (i) => `{"n":${i}}`,
) {
  return Array.from({ length: count }, (_, i): OutgoingMessage => ({
    topic,
    key: `key-${i % 3}`,
    value: value(i),
    headers: { ce_id: `id-${i}` },
  }));
}

function deferred(): { promise: Promise<void>; resolve(): void; reject(e: Error): void } {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('canCrossThreads', () => {
  it('accepts plain config (buffers too) and refuses functions', () => {
    expect(canCrossThreads({ brokers: ['a:9092'], ssl: { ca: [Buffer.from('pem')] } })).toBe(true);
    expect(
      canCrossThreads({ sasl: { mechanism: 'oauthbearer', oauthBearerProvider: () => 1 } }),
    ).toBe(false);
  });
});

describeWithKafka('Kafka producer thread', ({ brokers }) => {
  let admin: Admin;
  let transport: KafkaTransport;
  let topic: string;

  async function stored(): Promise<number> {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, p) => sum + Number(p.high), 0);
  }

  beforeAll(async () => {
    admin = new Kafka({ brokers: brokers(), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
  });

  beforeEach(async () => {
    topic = uniqueName('producer-thread');
    transport = new KafkaTransport({ brokers: brokers(), clientId: 'thread-test', logger: quiet });
    await transport.provision([{ name: topic, partitions: 2, retentionMs: 3_600_000 }]);
  });

  afterEach(() => transport.close());
  afterAll(() => admin.disconnect());

  it('sends a handed-over batch only once `after` resolves', async () => {
    await transport.send(messages(topic, 5));
    const gate = deferred();
    const sending = transport.send(messages(topic, 7), { after: gate.promise });
    await new Promise((r) => setTimeout(r, 500));
    expect(await stored()).toBe(5);
    gate.resolve();
    await sending;
    expect(await stored()).toBe(12);
  });

  it('drops a handed-over batch whose `after` rejects, with that error', async () => {
    const gate = deferred();
    const sending = transport.send(messages(topic, 4), { after: gate.promise });
    gate.reject(new Error('the send before failed'));
    await expect(sending).rejects.toThrow('the send before failed');
    await transport.send(messages(topic, 2));
    expect(await stored()).toBe(2);
  });

  it('sends a batch chained to one of its own sends right after it, and drops it if that one fails', async () => {
    const first = transport.send(messages(topic, 5));
    const second = transport.send(messages(topic, 7), { after: first });
    await Promise.all([first, second]);
    expect(await stored()).toBe(12);

    // Over the broker's message.max.bytes (1 MiB): rejected by the broker, not retried.
    const tooLarge = transport.send(messages(topic, 1, () => 'x'.repeat(2 * 1024 * 1024)));
    const behind = transport.send(messages(topic, 3), { after: tooLarge });
    const behindThat = transport.send(messages(topic, 2), { after: behind });
    const failure = await tooLarge.then(
      () => undefined,
      (error: Error) => error,
    );
    expect(failure).toBeInstanceOf(Error);
    // Rejected with the reason of the send they were chained to, and never sent.
    await expect(behind).rejects.toBe(failure);
    await expect(behindThat).rejects.toBe(failure);
    await transport.send(messages(topic, 1));
    expect(await stored()).toBe(13);
  });

  it('delivers Buffer values byte for byte', async () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251, 255]);
    await transport.send(messages(topic, 1, () => bytes));
    const consumer = new Kafka({ brokers: brokers(), logLevel: logLevel.NOTHING }).consumer({
      groupId: uniqueName('thread-test'),
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    const received = new Promise<Buffer>((resolve) => {
      void consumer.run({ eachMessage: async ({ message }) => resolve(message.value!) });
    });
    try {
      expect(Buffer.compare(await received, bytes)).toBe(0);
    } finally {
      await consumer.disconnect();
    }
  });

  it('fails the sends of a thread that died, and starts a new one for the next send', async () => {
    await transport.send(messages(topic, 1));
    const thread = (transport as unknown as { producerThread: ProducerThread }).producerThread;
    const worker = (thread as unknown as { worker: { terminate(): Promise<number> } }).worker;
    const gate = deferred();
    const stranded = transport.send(messages(topic, 3), { after: gate.promise });
    await worker.terminate();
    await expect(stranded).rejects.toThrow(/producer thread exited/);
    gate.resolve();
    await transport.send(messages(topic, 2));
    expect(await stored()).toBe(3);
  });

  it('keeps the producer in this thread when the client config holds functions', async () => {
    await transport.close();
    transport = new KafkaTransport({
      brokers: brokers(),
      clientId: 'thread-test',
      logger: quiet,
      kafka: { retry: { restartOnFailure: async () => false } },
    });
    expect((transport as unknown as { producerThread?: ProducerThread }).producerThread).toBe(
      undefined,
    );
    const gate = deferred();
    const sending = transport.send(messages(topic, 3), { after: gate.promise });
    await new Promise((r) => setTimeout(r, 300));
    expect(await stored()).toBe(0);
    gate.resolve();
    await sending;
    expect(await stored()).toBe(3);
  });
});
