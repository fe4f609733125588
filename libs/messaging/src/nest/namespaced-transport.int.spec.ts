/**
 * MESSAGING_NAMESPACE on one real broker (Kafka, and the embedded Postgres log): two namespaces
 * using the same topic and the same consumer group name, as two environments of one service
 * would, never see each other's messages; topics, groups and dead letters carry the prefix on the
 * broker while the code above the transport sees the contract's names.
 */
import {
  createTestDatabase,
  describeWithKafka,
  quietAfterEnd,
  uniqueName,
  type TestDatabase,
} from '@crm/testing';
import { Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import { DLQ_HEADERS } from '../consumer/dead-letter';
import { IntegrationEventConsumer } from '../consumer/integration-event-consumer';
import { messagingConfigFromEnv, namespacedName, topicSpecs } from '../messaging-config';
import { migrateMessaging } from '../messaging-schema';
import { REGISTERED, waitFor } from '../testing/contacts-fixture';
import { EmbeddedTransport } from '../transport/embedded/embedded-transport';
import { KafkaTransport } from '../transport/kafka/kafka-transport';
import type { DeliveredMessage, MessageTransport } from '../transport/message-transport';
import { namespacedTransport } from './namespaced-transport';

jest.setTimeout(120_000);

const config = messagingConfigFromEnv({ MESSAGING_TOPIC_PARTITIONS: '2' });
const TOPIC = 'crm.contacts.v1';
const GROUP = 'contacts.directory';
const PER_NAMESPACE = 6;

interface Broker {
  /** A transport without namespace on the shared broker (Kafka) or the suite database. */
  create(db: TestDatabase): MessageTransport;
  /** Consumer group ids the broker knows. */
  groups(db: TestDatabase): Promise<string[]>;
}

function namespaceIsolation(broker: Broker): void {
  let db: TestDatabase;
  let pool: Pool;
  let raw: MessageTransport;
  const handles: { stop(): Promise<void> }[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('messaging_namespace');
    pool = quietAfterEnd(new Pool({ connectionString: db.url, max: 6 }));
    await migrateMessaging(pool);
    raw = broker.create(db);
  });

  afterAll(async () => {
    for (const handle of handles) await handle.stop().catch(() => undefined);
    await raw?.close();
    await pool?.end();
    await db?.drop();
  });

  /** Collects what a consumer of `topics` in group `groupId` receives. */
  async function collect(transport: MessageTransport, groupId: string, topics: string[]) {
    const received: DeliveredMessage[] = [];
    const handle = await transport.consume({
      groupId,
      topics,
      handle: async (message) => {
        received.push(message);
      },
    });
    handles.push(handle);
    await handle.ready;
    return received;
  }

  /** Distinct payloads: delivery is at-least-once, a rebalance under load may repeat one. */
  const values = (messages: DeliveredMessage[]) =>
    [...new Set(messages.map((m) => m.value.toString('utf8')))].sort();

  it('keeps two namespaces with the same topic and group name apart', async () => {
    const spaces = [uniqueName('ns-a'), uniqueName('ns-b')].map((namespace) => ({
      namespace,
      transport: namespacedTransport(raw, namespace),
      sent: Array.from({ length: PER_NAMESPACE }, (_, i) => `${namespace}/${i}`).sort(),
    }));
    for (const space of spaces) await space.transport.provision(topicSpecs([TOPIC], config));
    const received: DeliveredMessage[][] = [];
    for (const space of spaces) received.push(await collect(space.transport, GROUP, [TOPIC]));
    const physicalA = await collect(raw, uniqueName('raw-reader'), [
      namespacedName(spaces[0].namespace, TOPIC),
    ]);

    for (const space of spaces) {
      await space.transport.send(
        space.sent.map((value, i) => ({ topic: TOPIC, key: `key-${i}`, value, headers: {} })),
      );
    }

    await waitFor(
      'both namespaces and the raw reader',
      async () => [...received, physicalA].map((r) => r.length),
      (counts) => counts.every((n) => n >= PER_NAMESPACE),
      60_000,
    );
    // Late deliveries of the other namespace would show up here.
    await new Promise((r) => setTimeout(r, 1_000));
    spaces.forEach((space, i) => {
      expect(values(received[i])).toEqual(space.sent);
      expect(new Set(received[i].map((m) => m.topic))).toEqual(new Set([TOPIC]));
    });
    expect(values(physicalA)).toEqual(spaces[0].sent);
    expect(await broker.groups(db)).toEqual(
      expect.arrayContaining(spaces.map((s) => namespacedName(s.namespace, GROUP))),
    );
  });

  it('dead-letters into the namespace, naming the plain topic and consumer', async () => {
    const namespace = uniqueName('ns-dlq');
    const transport = namespacedTransport(raw, namespace);
    await transport.provision(topicSpecs([TOPIC], config));
    const consumer = new IntegrationEventConsumer({
      name: 'contacts.poison-check',
      transport,
      pool,
      handlers: { [REGISTERED]: async () => undefined },
    });
    await consumer.start();
    handles.push(consumer);
    const deadLetters = await collect(raw, uniqueName('raw-dlq-reader'), [
      namespacedName(namespace, `${TOPIC}.dlq`),
    ]);

    // No CloudEvents headers: malformed, dead-lettered at once.
    await transport.send([{ topic: TOPIC, key: 'k', value: 'poison', headers: {} }]);

    await waitFor(
      'the dead letter',
      async () => deadLetters.length,
      (n) => n >= 1,
      60_000,
    );
    expect(deadLetters[0].value.toString('utf8')).toBe('poison');
    expect(deadLetters[0].headers).toMatchObject({
      [DLQ_HEADERS.topic]: TOPIC,
      [DLQ_HEADERS.consumer]: 'contacts.poison-check',
    });
    expect(await broker.groups(db)).toContain(namespacedName(namespace, 'contacts.poison-check'));
  });
}

describe('messaging namespaces on the embedded transport', () =>
  namespaceIsolation({
    create: (db) => {
      const logPool = quietAfterEnd(new Pool({ connectionString: db.url, max: 6 }));
      return new EmbeddedTransport({ pool: logPool, ownsPool: true, maxIdleMs: 200 });
    },
    groups: async (db) => {
      const client = new Pool({ connectionString: db.url, max: 1 });
      try {
        const { rows } = await client.query<{ group_id: string }>(
          'SELECT DISTINCT group_id FROM messaging_log.group_members',
        );
        return rows.map((r) => r.group_id);
      } finally {
        await client.end();
      }
    },
  }));

describeWithKafka('messaging namespaces on Kafka', ({ brokers }) =>
  namespaceIsolation({
    create: () => new KafkaTransport({ brokers: brokers(), clientId: 'namespace-test' }),
    groups: async () => {
      const admin = new Kafka({
        clientId: 'namespace-test-admin',
        brokers: brokers(),
        logLevel: logLevel.NOTHING,
      }).admin();
      await admin.connect();
      try {
        return (await admin.listGroups()).groups.map((g) => g.groupId);
      } finally {
        await admin.disconnect();
      }
    },
  }),
);
