/**
 * One poison event never stops the relay: a mapper that throws for one event of tenant A parks
 * it and holds its stream, while tenant B and A's other streams are published; after the mapper
 * is fixed the relay-parked CLI publishes the held stream in order and the parked table empties.
 * Real PostgreSQL, the embedded log and real Kafka as brokers, the relay running throughout.
 */
import { PostgresEventStore, type RecordedEvent } from '@crm/event-sourcing';
import { createTestDatabase, describeWithKafka, uniqueName, type TestDatabase } from '@crm/testing';
import { Pool } from 'pg';
import pino from 'pino';
import { register } from 'prom-client';
import { runRelayParkedCli } from '../cli/relay-parked';
import { messagingConfigFromEnv, topicSpecs } from '../messaging-config';
import { migrateMessaging } from '../messaging-schema';
import { appendContacts, contactsMapper, REGISTERED, waitFor } from '../testing/contacts-fixture';
import { EmbeddedTransport } from '../transport/embedded/embedded-transport';
import { KafkaTransport } from '../transport/kafka/kafka-transport';
import type { DeliveredMessage, MessageTransport } from '../transport/message-transport';
import type { IntegrationEventMapper } from './integration-event-mapper';
import { Relay } from './relay';
import { relayHealth } from './relay-health';

jest.setTimeout(120_000);

const silent = pino({ level: 'silent' });

function relayParkingSuite(createTransport: (db: TestDatabase) => MessageTransport): void {
  let db: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase('relay_parking');
    pool = new Pool({ connectionString: db.url, max: 10 });
    await migrateMessaging(pool);
  });

  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it('parks the poison event and holds its stream; the rest is published; a retry publishes it in order', async () => {
    const id = uniqueName('park').replace(/-/g, '_');
    const name = `relay-${id}`;
    const store = await PostgresEventStore.open(pool, { schema: `es_${id}` });
    const transport = createTransport(db);
    const topic = uniqueName('crm-contacts-v1');
    await transport.provision(
      topicSpecs([topic], messagingConfigFromEnv({ MESSAGING_TOPIC_PARTITIONS: '4' })),
    );
    // Tenant A: contact a-0 is the poison one (its seq 2 cannot be mapped), a-1 is healthy;
    // tenant B: b-0. Five events each: seq 1, 2, 4, 5 are published, seq 3 is internal.
    const poison = `${id}-a-0`;
    let broken = true;
    const mapper: IntegrationEventMapper = (event: RecordedEvent) => {
      const data = event.data as { contactId: string; seq: number };
      if (broken && data.contactId === poison && data.seq === 2)
        throw new Error('cannot map this contact');
      return contactsMapper(event);
    };
    await appendContacts(store, {
      tenant: 'tenant-a',
      prefix: `${id}-a`,
      contacts: 2,
      perContact: 5,
    });
    await appendContacts(store, {
      tenant: 'tenant-b',
      prefix: `${id}-b`,
      contacts: 1,
      perContact: 5,
    });

    const seen: DeliveredMessage[] = [];
    const reader = await transport.consume({
      groupId: uniqueName('reader'),
      topics: [topic],
      fromBeginning: true,
      handle: async (m) => void seen.push(m),
    });
    // Small batches: the poison event and the events held behind it span several hand-overs.
    const relay = new Relay({
      name,
      source: '/crm/contacts',
      store,
      pool,
      transport,
      mapper,
      topicName: () => topic,
      batchSize: 3,
      retry: { initialDelayMs: 20, maxDelayMs: 200 },
      logger: silent,
    });
    await relay.start();
    try {
      const seqsOf = (key: string) =>
        seen.filter((m) => m.key === key).map((m) => seqOf(m.headers.ce_type, m.value));
      // Everything but a-0 after seq 1: 4 + 4 + 1.
      await waitFor(
        'the healthy streams published',
        async () => seen.length,
        (n) => n >= 9,
      );
      await waitFor(
        'the checkpoint past the log',
        () => metric('relay_lag_events', name),
        (n) => n === 0,
      );
      // Parked events are behind the checkpoint, not lag: caught up is 0 seconds too.
      expect(await metric('relay_lag_seconds', name)).toBe(0);
      expect(seqsOf(`${id}-a-1`)).toEqual([1, 2, 4, 5]);
      expect(seqsOf(`${id}-b-0`)).toEqual([1, 2, 4, 5]);
      expect(seqsOf(poison)).toEqual([1]);

      // The poison event and every later event of its stream (the internal one too) are parked.
      const parked = await relay.parked.list(name);
      expect(parked.map((p) => [p.tenant, p.streamVersion, p.blockedBy])).toEqual([
        ['tenant-a', 2, null],
        ['tenant-a', 3, parked[0].eventId],
        ['tenant-a', 4, parked[0].eventId],
        ['tenant-a', 5, parked[0].eventId],
      ]);
      expect(parked[0].errorMessage).toContain('the mapper threw: cannot map this contact');
      expect(await metric('relay_parked_events', name)).toBe(4);
      expect(await metric('relay_events_parked_total', name)).toBe(4);
      expect(relayHealth(await relay.parkedSummary())).toMatchObject({
        relay: { status: 'up', parked: 4, oldestParked: { eventId: parked[0].eventId } },
      });

      // A later event of the held stream, appended while the relay runs, is held too.
      await store.append({ tenant: 'tenant-a', id: `contact-${poison}` }, [renamed(poison, 6)], 5);
      await waitFor(
        'seq 6 parked',
        async () => (await relay.parked.list(name)).length,
        (n) => n === 5,
      );

      const cli = (argv: string[], out: string[]) =>
        runRelayParkedCli(
          {
            relay: name,
            source: '/crm/contacts',
            mapper,
            openStore: async () => ({ store }),
            transport: () => createTransport(db),
            topicName: () => topic,
          },
          ['--database-url', db.url, ...argv],
          (line) => out.push(line),
        );
      const listed: string[] = [];
      expect(await cli(['list'], listed)).toBe(0);
      expect(listed).toHaveLength(5);
      expect(listed[0]).toContain(`tenant-a/contact-${poison}@2`);
      expect(listed[1]).toContain(`behind ${parked[0].eventId}`);

      // Still broken: nothing is published, the failing row counts the attempt.
      const stillBroken: string[] = [];
      expect(await cli(['retry', parked[3].eventId], stillBroken)).toBe(1);
      expect(stillBroken.join('\n')).toContain('still held');
      expect((await relay.parked.list(name))[0].attempts).toBe(2);

      // Fixed: the stream is published in order behind what was published before, rows gone.
      broken = false;
      const retried: string[] = [];
      expect(await cli(['retry', '--all'], retried)).toBe(0);
      expect(retried).toEqual([
        `published ${name} tenant-a/contact-${poison}: 5 event(s), no longer held`,
      ]);
      expect(await relay.parked.list(name)).toEqual([]);
      expect(await metric('relay_parked_events', name)).toBe(0);
      await waitFor(
        'the held stream published',
        async () => seqsOf(poison).length,
        (n) => n >= 5,
      );

      // The stream is no longer held: its next event goes out through the relay, after them.
      await store.append({ tenant: 'tenant-a', id: `contact-${poison}` }, [renamed(poison, 7)], 6);
      await waitFor(
        'seq 7 published',
        async () => seqsOf(poison).length,
        (n) => n >= 6,
      );
      expect(seqsOf(poison)).toEqual([1, 2, 4, 5, 6, 7]);
      expect(await relay.parked.list(name)).toEqual([]);
    } finally {
      await relay.stop();
      await reader.stop();
      await transport.close();
      await store.close();
    }
  });
}

function renamed(contactId: string, seq: number) {
  return {
    type: 'ContactRenamed',
    data: { contactId, name: 'Contact 0', seq },
    metadata: { tenant: 'tenant-a', occurredAt: new Date().toISOString() },
  };
}

/** Seq the fixture mapper carries in the tag (registered) or the display name (renamed). */
function seqOf(type: string | undefined, value: DeliveredMessage['value']): number {
  const data = JSON.parse(String(value));
  return type === REGISTERED
    ? Number(String(data.tags[0]).slice(4))
    : Number(String(data.displayName).split('#')[1]);
}

async function metric(metricName: string, relay: string): Promise<number | undefined> {
  const { values } = await register.getSingleMetric(metricName)!.get();
  return values.find((v) => v.labels.relay === relay)?.value;
}

describe('relay parking on the embedded Postgres log', () => {
  relayParkingSuite(
    (db) =>
      new EmbeddedTransport({
        pool: new Pool({ connectionString: db.url, max: 4 }),
        ownsPool: true,
        maxIdleMs: 200,
        logger: silent,
      }),
  );
});

describeWithKafka('relay parking on Kafka', ({ brokers }) => {
  relayParkingSuite(
    () => new KafkaTransport({ brokers: brokers(), clientId: 'relay-parking-test' }),
  );
});
