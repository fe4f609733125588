import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { describeWithKafka } from './describe-with';
import { uniqueName } from './unique-name';

describeWithKafka('test Kafka', ({ brokers }) => {
  it('carries one message from a producer to a consumer group and records the group offset', async () => {
    const kafka = new Kafka({
      clientId: uniqueName('harness'),
      brokers: brokers(),
      logLevel: logLevel.WARN,
    });
    const topic = uniqueName('crm-testing-roundtrip');
    const groupId = uniqueName('crm-testing-group');
    const admin = kafka.admin();
    const producer = kafka.producer({
      createPartitioner: Partitioners.DefaultPartitioner,
      idempotent: true,
    });
    const consumer = kafka.consumer({ groupId });
    await Promise.all([admin.connect(), producer.connect(), consumer.connect()]);
    try {
      expect(
        await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true }),
      ).toBe(true);

      const key = uniqueName('contact');
      const value = JSON.stringify({ type: 'ContactRegistered', at: new Date().toISOString() });
      const [sent] = await producer.send({
        topic,
        acks: -1,
        messages: [{ key, value, headers: { ce_id: key } }],
      });

      await consumer.subscribe({ topic, fromBeginning: true });
      const received = new Promise<{
        key?: string;
        value?: string;
        header?: string;
        partition: number;
      }>((resolve) => {
        void consumer.run({
          eachMessage: async ({ message, partition }) =>
            resolve({
              key: message.key?.toString(),
              value: message.value?.toString(),
              header: message.headers?.ce_id?.toString(),
              partition,
            }),
        });
      });
      const message = await received;
      expect(message).toEqual({ key, value, header: key, partition: sent!.partition });

      // Auto-commit happens on the consumer's schedule; stopping flushes it, then the broker's
      // group coordinator must report the next offset to read.
      await consumer.stop();
      const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
      const committed = offsets!.partitions.find((p) => p.partition === sent!.partition);
      expect(committed?.offset).toBe(String(Number(sent!.baseOffset) + 1));
    } finally {
      await consumer.disconnect();
      await producer.disconnect();
      await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await admin.disconnect();
    }
  });
});
