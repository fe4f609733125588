/**
 * Two services provisioning the same new topics at the same moment (the system e2e starts sales
 * and contacts together): the one whose create answers "already exists" must not return before
 * the topics are usable, or its consumer's subscribe fails with "This server does not host this
 * topic-partition". Real broker.
 */
import { describeWithKafka, uniqueName } from '@crm/testing';
import pino from 'pino';
import type { ConsumerHandle } from '../message-transport';
import { KafkaTransport } from './kafka-transport';

describeWithKafka('Kafka topic provisioning', ({ brokers }) => {
  it('returns only once topics created concurrently by another client are usable', async () => {
    const logger = pino({ level: 'silent' });
    const transports = ['a', 'b'].map(
      (name) => new KafkaTransport({ brokers: brokers(), clientId: `provision-${name}`, logger }),
    );
    const topics = Array.from({ length: 6 }, () => ({
      name: uniqueName('provision-race'),
      partitions: 4,
      retentionMs: 3_600_000,
    }));
    const consumers: ConsumerHandle[] = [];
    try {
      await Promise.all(
        transports.map(async (transport, i) => {
          await transport.provision(topics);
          // Straight after provisioning, as a service's start-up does.
          consumers.push(
            await transport.consume({
              groupId: uniqueName(`provision-${i}`),
              topics: topics.map((t) => t.name),
              handle: async () => undefined,
            }),
          );
        }),
      );
      expect(consumers).toHaveLength(2);
    } finally {
      await Promise.all(consumers.map((c) => c.stop()));
      await Promise.all(transports.map((t) => t.close()));
    }
  }, 60_000);
});
