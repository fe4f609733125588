/**
 * A relay in its own process, so a test can SIGKILL it mid-batch. Configured by environment:
 *   DATABASE_URL, EVENT_STORE_SCHEMA, RELAY_NAME, RELAY_TOPIC (the topic crm.contacts.v1 maps to),
 *   KAFKA_BROKERS (unset = embedded log in DATABASE_URL), RELAY_BATCH_SIZE,
 *   ACK_DELAY_MS: pause after each acknowledged send, widening the window between the broker's
 *   ack and the checkpoint that a kill must hit to produce duplicates.
 * Prints `relay started` once running.
 */
import { PostgresEventStore } from '@crm/event-sourcing';
import { Pool } from 'pg';
import { EmbeddedTransport } from '../transport/embedded/embedded-transport';
import { KafkaTransport } from '../transport/kafka/kafka-transport';
import type { MessageTransport } from '../transport/message-transport';
import { Relay } from '../relay/relay';
import { contactsMapper } from './contacts-fixture';

async function main(): Promise<void> {
  const env = process.env;
  const pool = new Pool({ connectionString: env.DATABASE_URL, max: 4 });
  const store = await PostgresEventStore.open(pool, { schema: env.EVENT_STORE_SCHEMA });
  const transport: MessageTransport = env.KAFKA_BROKERS
    ? new KafkaTransport({ brokers: env.KAFKA_BROKERS.split(','), clientId: 'relay-process' })
    : new EmbeddedTransport({ pool });
  const send = transport.send.bind(transport);
  const ackDelay = Number(env.ACK_DELAY_MS ?? 0);
  transport.send = async (messages, options) => {
    await send(messages, options);
    if (ackDelay) await new Promise((r) => setTimeout(r, ackDelay));
  };
  const relay = new Relay({
    name: env.RELAY_NAME!,
    source: '/crm/contacts',
    store,
    pool,
    transport,
    mapper: contactsMapper,
    topicName: () => env.RELAY_TOPIC!,
    batchSize: Number(env.RELAY_BATCH_SIZE ?? 100),
  });
  await relay.start();
  process.stdout.write('relay started\n');
  await relay.done;
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
