/**
 * The relay reads and maps ahead while a batch is being sent; these are the guarantees that must
 * survive that: one send in flight, sends in log order, a checkpoint never ahead of what the
 * broker acknowledged, and bounded read-ahead. Real PostgreSQL and the embedded log as broker,
 * with slow acknowledgements so that the read-ahead actually fills up.
 */
import { PostgresEventStore } from '@crm/event-sourcing';
import { createTestDatabase, uniqueName, type TestDatabase } from '@crm/testing';
import { Pool } from 'pg';
import pino from 'pino';
import { migrateMessaging } from '../messaging-schema';
import { messagingConfigFromEnv, topicSpecs } from '../messaging-config';
import { appendContacts, contactsMapper, waitFor } from '../testing/contacts-fixture';
import { EmbeddedTransport } from '../transport/embedded/embedded-transport';
import type { OutgoingMessage } from '../transport/message-transport';
import { Relay } from './relay';

describe('relay pipeline (read-ahead)', () => {
  let db: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase('relay_pipeline');
    pool = new Pool({ connectionString: db.url, max: 8 });
    await migrateMessaging(pool);
  });

  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it('sends one batch at a time, in log order, and checkpoints only acknowledged batches', async () => {
    const id = uniqueName('rp').replace(/-/g, '_');
    const store = await PostgresEventStore.open(pool, { schema: `es_${id}` });
    const transport = new EmbeddedTransport({ pool, logger: pino({ level: 'silent' }) });
    const topic = uniqueName('crm-contacts-v1');
    await transport.provision(
      topicSpecs([topic], messagingConfigFromEnv({ MESSAGING_TOPIC_PARTITIONS: '4' })),
    );
    const published = await appendContacts(store, { prefix: id, contacts: 60, perContact: 5 });

    const sent: OutgoingMessage[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    let acknowledged = 0;
    const checkpointAtSend: { published: number; acknowledged: number }[] = [];
    let reads = 0;
    let readsAtFirstAck = 0;
    const readAll = store.readAll.bind(store);
    store.readAll = (options) => ((reads += 1), readAll(options));
    const send = transport.send.bind(transport);
    transport.send = async (messages, options) => {
      // The relay hands a batch over early, to be sent once `after` resolves: in flight from then.
      await options?.after;
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const { rows } = await pool.query<{ published: string }>(
        'SELECT published FROM messaging.relay_checkpoints WHERE relay = $1',
        [`relay-${id}`],
      );
      checkpointAtSend.push({ published: Number(rows[0]?.published ?? 0), acknowledged });
      // Slow acknowledgements: the relay has time to read and map ahead.
      await new Promise((resolve) => setTimeout(resolve, 60));
      await send(messages);
      sent.push(...messages);
      if (!acknowledged) readsAtFirstAck = reads;
      acknowledged += messages.length;
      inFlight -= 1;
    };

    const relay = new Relay({
      name: `relay-${id}`,
      source: '/crm/contacts',
      store,
      pool,
      transport,
      mapper: contactsMapper,
      topicName: () => topic,
      batchSize: 20,
      logger: pino({ level: 'silent' }),
    });
    await relay.start();
    await waitFor(
      'every event relayed',
      async () => relay.published,
      (n) => n >= published,
    );
    await relay.stop();
    await transport.close();
    // When the first batch was acknowledged, two more had been read and mapped (read-ahead),
    // and no further one (back-pressure).
    expect(readsAtFirstAck).toBe(3);

    expect(maxInFlight).toBe(1);
    expect(sent).toHaveLength(published);
    // Log order: every contact's events leave in stream order (seq is carried in the payload).
    const seqs = new Map<string, number[]>();
    for (const m of sent) {
      const data = JSON.parse(String(m.value));
      const seq = Number(data.tags?.[0]?.slice(4) ?? String(data.displayName).split('#')[1]);
      seqs.set(m.key, [...(seqs.get(m.key) ?? []), seq]);
    }
    for (const list of seqs.values()) expect(list).toEqual([...list].sort((a, b) => a - b));
    // A checkpoint never counts a message the broker had not acknowledged.
    for (const c of checkpointAtSend) expect(c.published).toBeLessThanOrEqual(c.acknowledged);
    const { rows } = await pool.query<{ published: string }>(
      'SELECT published FROM messaging.relay_checkpoints WHERE relay = $1',
      [`relay-${id}`],
    );
    expect(Number(rows[0].published)).toBe(published);
    await store.close();
  }, 60_000);
});
