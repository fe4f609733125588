/**
 * What /metrics says about a consumer, measured on the transport when scraped: its lag in
 * messages (retained and not committed by its group) and in seconds while it is behind, and the
 * depth of the dead-letter topics it writes to. Real PostgreSQL, both transports.
 */
import { deadLetterTopicFor, toCloudEventHeaders } from '@crm/contracts';
import { createTestDatabase, describeWithKafka, uniqueName, type TestDatabase } from '@crm/testing';
import { Pool } from 'pg';
import pino from 'pino';
import { register } from 'prom-client';
import { messagingConfigFromEnv, topicSpecs } from '../messaging-config';
import { migrateMessaging } from '../messaging-schema';
import { waitFor } from '../testing/contacts-fixture';
import { EmbeddedTransport } from '../transport/embedded/embedded-transport';
import { KafkaTransport } from '../transport/kafka/kafka-transport';
import type { MessageTransport, OutgoingMessage } from '../transport/message-transport';
import { NonRetryableError } from './errors';
import { IntegrationEventConsumer } from './integration-event-consumer';

jest.setTimeout(60_000);

const REGISTERED = 'crm.contacts.company.registered.v1';
const silent = pino({ level: 'silent' });
const config = messagingConfigFromEnv({ MESSAGING_TOPIC_PARTITIONS: '2' });

/** Set by libfaketime runs (`FAKETIME=+400d`): this process's clock is not the broker's. */
const CLOCK_SHIFTED = Boolean(process.env.FAKETIME);

async function scraped(
  metric: string,
  labels: Record<string, string>,
): Promise<number | undefined> {
  const values = (await register.getSingleMetric(metric)!.get()).values;
  const match = values.find((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l));
  return match?.value;
}

function consumerMetricsContract(create: (pool: Pool) => MessageTransport): void {
  let db: TestDatabase;
  let pool: Pool;
  let transport: MessageTransport;

  beforeAll(async () => {
    db = await createTestDatabase('consumer_metrics');
    pool = new Pool({ connectionString: db.url, max: 6 });
    await migrateMessaging(pool);
    transport = create(pool);
  });

  afterAll(async () => {
    await transport.close();
    await pool.end();
    await db.drop();
  });

  const registered = (topic: string, companyId: string) =>
    ({
      topic,
      key: companyId,
      value: JSON.stringify({ companyId, name: 'Initech' }),
      headers: toCloudEventHeaders({
        id: uniqueName('event'),
        type: REGISTERED,
        source: '/crm/contacts',
        time: new Date().toISOString(),
        subject: companyId,
        tenant: 'acme',
      }),
    }) satisfies OutgoingMessage;

  it('reports the backlog before, while and after consuming, and the dead letters it wrote', async () => {
    const topic = uniqueName('crm-contacts-v1');
    const dlq = deadLetterTopicFor(topic);
    await transport.provision(topicSpecs([topic], config));
    const name = uniqueName('companies');
    const poison = uniqueName('poison');
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const blocker = uniqueName('slow');
    const consumer = new IntegrationEventConsumer({
      name,
      transport,
      pool,
      topics: [topic],
      logger: silent,
      handlers: {
        [REGISTERED]: async (event) => {
          if (event.subject === poison) throw new NonRetryableError('not this one');
          if (event.subject === blocker) await held;
        },
      },
    });
    const companies = [1, 2, 3, 4].map((n) => `${uniqueName('company')}-${n}`);
    await transport.send([...companies, poison].map((id) => registered(topic, id)));
    // Nothing committed yet: a new group starts at the oldest retained message.
    expect(await transport.backlog!(name, [topic])).toBe(5);
    expect(await transport.depth!(dlq)).toBe(0);

    await consumer.start();
    try {
      await waitFor(
        'the group to commit all five',
        () => transport.backlog!(name, [topic]),
        (n) => n === 0,
      );
      // A scrape whose measurement fails (a broker moving a partition's leader) reports
      // nothing for it: the next one does.
      await waitFor(
        'the lag gauges at zero',
        async () => [
          await scraped('integration_consumer_lag_messages', { consumer: name }),
          await scraped('integration_consumer_lag_seconds', { consumer: name }),
        ],
        ([messages, seconds]) => messages === 0 && seconds === 0,
      );
      await waitFor(
        'the dead letter',
        () => transport.depth!(dlq),
        (n) => n === 1,
      );
      expect(await scraped('integration_dead_letter_messages', { topic: dlq })).toBe(1);

      // A handler that does not finish: its message stays uncommitted and time runs.
      await transport.send([registered(topic, blocker)]);
      await waitFor(
        'a lag while the handler hangs',
        async () => {
          await new Promise((resolve) => setTimeout(resolve, 1100)); // past the scrape's 1 s memo
          return {
            messages: await scraped('integration_consumer_lag_messages', { consumer: name }),
            seconds: await scraped('integration_consumer_lag_seconds', { consumer: name }),
          };
        },
        // The seconds are the local clock minus the log's append time, which assumes the hosts'
        // clocks agree (NTP); under faketime (CI's time-travel runs) this process's clock is
        // hundreds of days off the broker's, so only the message count can be checked there.
        (lag) => lag.messages === 1 && (CLOCK_SHIFTED || (lag.seconds ?? 0) > 0),
      );
      release();
      await waitFor(
        'the slow one committed',
        () => transport.backlog!(name, [topic]),
        (n) => n === 0,
      );
    } finally {
      release();
      await consumer.stop();
    }
    // A stopped consumer reports nothing (another instance of its group may).
    expect(await scraped('integration_consumer_lag_messages', { consumer: name })).toBeUndefined();
    expect(await scraped('integration_dead_letter_messages', { topic: dlq })).toBeUndefined();
  });
}

describe('consumer metrics on the embedded transport', () => {
  consumerMetricsContract((pool) => new EmbeddedTransport({ pool, logger: silent }));
});

describeWithKafka('consumer metrics on Kafka', ({ brokers }) => {
  consumerMetricsContract(
    () =>
      new KafkaTransport({
        brokers: brokers(),
        clientId: uniqueName('consumer-metrics'),
        logger: silent,
      }),
  );
});
