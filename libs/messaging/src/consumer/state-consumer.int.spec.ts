/**
 * Consuming a state topic (what a service or integrator bootstraps from): a handler per state
 * type gets the record's state, then null once a tombstone says it is gone; the inbox absorbs a
 * re-sent state; a tombstone where an integration event belongs is dead-lettered. Real PostgreSQL,
 * both transports.
 */
import { deadLetterTopicFor, toCloudEventHeaders } from '@crm/contracts';
import { createTestDatabase, describeWithKafka, uniqueName, type TestDatabase } from '@crm/testing';
import { Pool } from 'pg';
import pino from 'pino';
import { messagingConfigFromEnv, stateTopicSpecs, topicSpecs } from '../messaging-config';
import { migrateMessaging } from '../messaging-schema';
import { waitFor } from '../testing/contacts-fixture';
import { EmbeddedTransport } from '../transport/embedded/embedded-transport';
import { KafkaTransport } from '../transport/kafka/kafka-transport';
import type { MessageTransport, OutgoingMessage } from '../transport/message-transport';
import { IntegrationEventConsumer } from './integration-event-consumer';

jest.setTimeout(60_000);

const COMPANY_STATE = 'crm.contacts.company.state.v1';
const silent = pino({ level: 'silent' });
const config = messagingConfigFromEnv({ MESSAGING_TOPIC_PARTITIONS: '2' });

function stateConsumerContract(create: (pool: Pool) => MessageTransport): void {
  let db: TestDatabase;
  let pool: Pool;
  let transport: MessageTransport;

  beforeAll(async () => {
    db = await createTestDatabase('state_consumer');
    pool = new Pool({ connectionString: db.url, max: 6 });
    await migrateMessaging(pool);
    await pool.query('CREATE TABLE companies (id text PRIMARY KEY, name text NOT NULL)');
    transport = create(pool);
  });

  afterAll(async () => {
    await transport.close();
    await pool.end();
    await db.drop();
  });

  const message = (topic: string, type: string, id: string, n: number, value: object | null) =>
    ({
      topic,
      key: id,
      value: value === null ? null : JSON.stringify(value),
      headers: toCloudEventHeaders({
        id: `${id}-${n}`,
        type,
        source: '/crm/contacts',
        time: new Date().toISOString(),
        subject: id,
        tenant: 'acme',
      }),
    }) satisfies OutgoingMessage;

  it('hands a state, then null for its tombstone, to the state type’s handler; a repeat is a duplicate', async () => {
    const topic = uniqueName('crm-contacts-company-state-v1');
    await transport.provision([
      ...stateTopicSpecs([topic], config),
      ...topicSpecs([topic], config).slice(1),
    ]);
    const seen: (string | null)[] = [];
    const consumer = new IntegrationEventConsumer({
      name: uniqueName('companies-copy'),
      transport,
      pool,
      topics: [topic],
      retry: { initialDelayMs: 10, maxDelayMs: 50 },
      logger: silent,
      handlers: {
        [COMPANY_STATE]: async (event, tx) => {
          const company = event.data as { id: string; name: string } | null;
          seen.push(company?.name ?? null);
          if (company) {
            await tx.query(
              `INSERT INTO companies (id, name) VALUES ($1, $2)
               ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name`,
              [company.id, company.name],
            );
          } else {
            await tx.query('DELETE FROM companies WHERE id = $1', [event.subject]);
          }
        },
      },
    });
    await consumer.start();
    try {
      const id = uniqueName('company');
      const state = {
        id,
        version: 1,
        status: 'active',
        name: 'Initech',
        addresses: [],
        // A member a newer producer added: consumers read with the open schema.
        addedLater: true,
      };
      const first = message(topic, COMPANY_STATE, id, 1, state);
      await transport.send([first, first]);
      await waitFor(
        'the state',
        async () => seen.length,
        (n) => n >= 1,
      );
      expect((await pool.query('SELECT name FROM companies WHERE id = $1', [id])).rows).toEqual([
        { name: 'Initech' },
      ]);
      await transport.send([message(topic, COMPANY_STATE, id, 2, null)]);
      await waitFor(
        'the tombstone',
        async () => seen.length,
        (n) => n >= 2,
      );
      expect(seen).toEqual(['Initech', null]);
      expect((await pool.query('SELECT 1 FROM companies WHERE id = $1', [id])).rows).toEqual([]);
    } finally {
      await consumer.stop();
    }
  });

  it('dead-letters a tombstone that claims to be an integration event', async () => {
    const topic = uniqueName('crm-contacts-v1');
    await transport.provision(topicSpecs([topic], config));
    const type = 'crm.contacts.company.registered.v1';
    const handled: unknown[] = [];
    const consumer = new IntegrationEventConsumer({
      name: uniqueName('registrations'),
      transport,
      pool,
      topics: [topic],
      logger: silent,
      handlers: { [type]: async (event) => void handled.push(event.data) },
    });
    const dlq: string[] = [];
    const reader = await transport.consume({
      groupId: uniqueName('dlq-reader'),
      topics: [deadLetterTopicFor(topic)],
      handle: async (m) => void dlq.push(m.headers.dlq_error ?? ''),
    });
    await consumer.start();
    try {
      await transport.send([message(topic, type, uniqueName('company'), 1, null)]);
      await waitFor(
        'the dead letter',
        async () => dlq.length,
        (n) => n === 1,
      );
      expect(dlq[0]).toMatch(/tombstone/);
      expect(handled).toEqual([]);
    } finally {
      await consumer.stop();
      await reader.stop();
    }
  });
}

describe('state topic consumers on the embedded transport', () => {
  stateConsumerContract((pool) => new EmbeddedTransport({ pool, logger: silent }));
});

describeWithKafka('state topic consumers on Kafka', ({ brokers }) => {
  stateConsumerContract(
    () =>
      new KafkaTransport({
        brokers: brokers(),
        clientId: uniqueName('state-consumer'),
        logger: silent,
      }),
  );
});
