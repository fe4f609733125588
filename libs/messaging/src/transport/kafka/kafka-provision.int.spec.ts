/**
 * Two services provisioning the same new topics at the same moment (the system e2e starts sales
 * and contacts together): the one whose create answers "already exists" must not return before
 * the topics are usable, or its consumer's subscribe fails with "This server does not host this
 * topic-partition". Real broker.
 */
import { describeWithKafka, uniqueName } from '@crm/testing';
import { Kafka, logLevel } from 'kafkajs';
import pino from 'pino';
import { messagingConfigFromEnv, stateTopicSpecs, topicSpecs } from '../../messaging-config';
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

  it('gives event topics bounded retention and state topics compaction, LogAppendTime on both, and re-applies drifted settings', async () => {
    const logger = pino({ level: 'silent' });
    const transport = new KafkaTransport({
      brokers: brokers(),
      clientId: 'provision-settings',
      logger,
    });
    const admin = new Kafka({
      clientId: 'provision-check',
      brokers: brokers(),
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    const events = uniqueName('crm-settings-v1');
    const state = uniqueName('crm-settings-thing-state-v1');
    const config = messagingConfigFromEnv({
      MESSAGING_TOPIC_RETENTION_MS: '7200000',
      MESSAGING_STATE_DELETE_RETENTION_MS: '60000',
      MESSAGING_STATE_MAX_COMPACTION_LAG_MS: '600000',
    });
    const specs = [...topicSpecs([events], config), ...stateTopicSpecs([state], config)];
    const settings = async (topic: string) => {
      const { resources } = await admin.describeConfigs({
        includeSynonyms: false,
        resources: [{ type: 2, name: topic }],
      });
      return Object.fromEntries(
        resources[0].configEntries.map((e) => [e.configName, e.configValue]),
      );
    };
    try {
      await transport.provision(specs);
      expect(await settings(events)).toMatchObject({
        'cleanup.policy': 'delete',
        'retention.ms': '7200000',
        'segment.ms': '7200000',
        'message.timestamp.type': 'LogAppendTime',
      });
      expect(await settings(`${events}.dlq`)).toMatchObject({
        'cleanup.policy': 'delete',
        'retention.ms': String(config.deadLetterRetentionMs),
      });
      const stateSettings = {
        'cleanup.policy': 'compact',
        'retention.ms': '-1',
        'delete.retention.ms': '60000',
        'max.compaction.lag.ms': '600000',
        'segment.ms': '600000',
        'message.timestamp.type': 'LogAppendTime',
      };
      expect(await settings(state)).toMatchObject(stateSettings);

      // Someone changed it by hand: the next start puts it back. (Config changes reach the
      // broker's answers asynchronously, hence the polling.)
      await admin.alterConfigs({
        validateOnly: false,
        resources: [
          { type: 2, name: state, configEntries: [{ name: 'cleanup.policy', value: 'delete' }] },
        ],
      });
      await eventually(async () =>
        expect((await settings(state))['cleanup.policy']).toBe('delete'),
      );
      await transport.provision(specs);
      await eventually(async () => expect(await settings(state)).toMatchObject(stateSettings));
    } finally {
      await admin.disconnect();
      await transport.close();
    }
  }, 60_000);
});

async function eventually(assertion: () => Promise<void>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
