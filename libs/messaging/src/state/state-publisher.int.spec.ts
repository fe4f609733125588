/**
 * The state publisher against real PostgreSQL and BOTH transports (real Kafka, the embedded
 * log): latest state per touched subject, tombstones, parking of an invalid state, resume from
 * its checkpoint, and the republish command.
 */
import { PostgresEventStore, type EventStore } from '@crm/event-sourcing';
import { createTestDatabase, describeWithKafka, uniqueName, type TestDatabase } from '@crm/testing';
import { Pool } from 'pg';
import pino from 'pino';
import { migrateMessaging } from '../messaging-schema';
import { messagingConfigFromEnv, stateTopicSpecs } from '../messaging-config';
import { FIXTURE_CONTACT_STATE, fixtureContactStateSource } from '../testing/contact-state-fixture';
import { appendContacts, waitFor } from '../testing/contacts-fixture';
import { EmbeddedTransport } from '../transport/embedded/embedded-transport';
import { KafkaTransport } from '../transport/kafka/kafka-transport';
import type { DeliveredMessage, MessageTransport } from '../transport/message-transport';
import { runRepublishStateCli } from '../cli/republish-state';
import { republishState, type RepublishProgress } from './republish-state';
import { StatePublisher } from './state-publisher';

jest.setTimeout(120_000);

const silent = pino({ level: 'silent' });
const config = messagingConfigFromEnv({ MESSAGING_TOPIC_PARTITIONS: '3' });
const quickRetry = { initialDelayMs: 20, maxDelayMs: 200 };

interface Factory {
  kind: 'kafka' | 'embedded';
  create(pool: Pool): MessageTransport;
}

function statePublisherContract(factory: Factory): void {
  let db: TestDatabase;
  let pool: Pool;
  let transport: MessageTransport;
  const stops: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('state_publisher');
    pool = new Pool({ connectionString: db.url, max: 12 });
    await migrateMessaging(pool);
    transport = factory.create(pool);
  });

  afterEach(async () => {
    while (stops.length) await stops.pop()!().catch(() => undefined);
  });

  afterAll(async () => {
    await transport.close();
    await pool.end();
    await db.drop();
  });

  async function scenario() {
    const id = uniqueName(factory.kind).replace(/-/g, '_');
    const store = await PostgresEventStore.open(pool, { schema: `es_${id}` });
    const topic = uniqueName('crm-contacts-fixture-contact-state-v1');
    await transport.provision(stateTopicSpecs([topic], config));
    const publisher = (name = `${id}.state`) => {
      const p = new StatePublisher({
        name,
        source: '/crm/contacts',
        store,
        pool,
        transport,
        sources: [fixtureContactStateSource],
        stateTopics: [FIXTURE_CONTACT_STATE],
        topicName: () => topic,
        batchSize: 25,
        retry: quickRetry,
        logger: silent,
      });
      stops.push(() => p.stop());
      return p;
    };
    return { id, store, topic, publisher, prefix: `s${id.slice(-8)}` };
  }

  /** The latest message of every key on `topic`, read from offset 0 by a fresh group. */
  async function latestByKey(
    topic: string,
    done: (latest: Map<string, DeliveredMessage>, all: DeliveredMessage[]) => boolean,
  ): Promise<{ latest: Map<string, DeliveredMessage>; all: DeliveredMessage[] }> {
    const all: DeliveredMessage[] = [];
    const latest = new Map<string, DeliveredMessage>();
    const handle = await transport.consume({
      groupId: uniqueName('state-reader'),
      topics: [topic],
      fromBeginning: true,
      handle: async (m) => {
        all.push(m);
        latest.set(m.key!, m);
      },
    });
    try {
      await waitFor(
        `state messages on ${topic}`,
        async () => latest.size,
        () => done(latest, all),
        30_000,
      );
    } finally {
      await handle.stop();
    }
    return { latest, all };
  }

  const valueOf = (m: DeliveredMessage) => (m.tombstone ? null : JSON.parse(m.value.toString()));

  it('publishes the latest state of every touched subject, keyed by id, with state headers', async () => {
    const { store, topic, publisher, prefix } = await scenario();
    // 12 contacts x 5 events: registered, renamed, note (touches nothing), renamed, renamed.
    await appendContacts(store, { prefix, contacts: 12, perContact: 5 });
    const p = publisher();
    await p.start();
    const { latest } = await latestByKey(
      topic,
      (l) => [...l.values()].filter((m) => valueOf(m)?.version === 5).length === 12,
    );
    expect(latest.size).toBe(12);
    for (let c = 0; c < 12; c += 1) {
      const m = latest.get(`${prefix}-${c}`)!;
      expect(valueOf(m)).toEqual({
        contactId: `${prefix}-${c}`,
        name: `Contact ${c}#5`,
        version: 5,
      });
      expect(m.headers.ce_type).toBe(FIXTURE_CONTACT_STATE.type);
      expect(m.headers.ce_subject).toBe(`${prefix}-${c}`);
      expect(m.headers.ce_tenantid).toBe('acme');
      expect(m.headers.ce_source).toBe('/crm/contacts');
      expect(Number.isNaN(Date.parse(m.headers.ce_time))).toBe(false);
    }
    // Deduplicated per batch: far fewer messages than events (60 events, 48 of them touch).
    await waitFor(
      'checkpoint',
      async () => p.published,
      (n) => n >= 12,
    );
    expect(p.published).toBeLessThan(48);
  });

  it('sends a tombstone for an erased subject and resumes from its checkpoint after a restart', async () => {
    const { store, topic, publisher, prefix } = await scenario();
    await appendContacts(store, { prefix, contacts: 3, perContact: 2 });
    const first = publisher();
    await first.start();
    await latestByKey(topic, (l) => l.size === 3);
    await first.stop();

    await store.append(
      { tenant: 'acme', id: `contact-${prefix}-1` },
      [
        {
          type: 'ContactErased',
          data: {},
          metadata: { tenant: 'acme', occurredAt: new Date().toISOString() },
        },
      ],
      2,
    );
    const second = publisher();
    await second.start();
    const { latest } = await latestByKey(topic, (l) => l.get(`${prefix}-1`)?.tombstone === true);
    expect(latest.get(`${prefix}-1`)!.value.length).toBe(0);
    expect(valueOf(latest.get(`${prefix}-0`)!)).toMatchObject({ version: 2 });
    // Only the erased subject was published after the restart (the checkpoint held).
    await waitFor(
      'second publisher',
      async () => second.published,
      (n) => n >= 1,
    );
    expect(second.published).toBe(1);
  });

  it('parks a subject whose state breaks its schema, publishes the others, clears it once valid', async () => {
    const { id, store, topic, publisher, prefix } = await scenario();
    await appendContacts(store, { prefix, contacts: 2, perContact: 1 });
    const meta = { tenant: 'acme', occurredAt: new Date().toISOString() };
    await store.append(
      { tenant: 'acme', id: `contact-${prefix}-0` },
      [{ type: 'ContactCorrupted', data: {}, metadata: meta }],
      1,
    );
    await store.append(
      { tenant: 'acme', id: `contact-${prefix}-1` },
      [{ type: 'ContactRenamed', data: { name: 'Other', seq: 2 }, metadata: meta }],
      1,
    );
    const p = publisher();
    await p.start();
    const { latest } = await latestByKey(topic, (l) => {
      const m = l.get(`${prefix}-1`);
      return m !== undefined && valueOf(m)?.version === 2;
    });
    expect(latest.has(`${prefix}-0`)).toBe(false);
    const summary = await waitFor(
      'parked',
      () => p.parkedSummary(),
      (s) => s.parked === 1,
    );
    expect(summary.oldest?.stateType).toBe(FIXTURE_CONTACT_STATE.type);
    const [parked] = await p.parked.list(`${id}.state`);
    expect(parked).toMatchObject({ tenant: 'acme', subject: `${prefix}-0` });
    expect(parked.errorMessage).toContain('notInTheContract');

    // Its next state is a tombstone (valid): published, and the subject is no longer parked.
    await store.append(
      { tenant: 'acme', id: `contact-${prefix}-0` },
      [{ type: 'ContactErased', data: {}, metadata: meta }],
      2,
    );
    await latestByKey(topic, (l) => l.get(`${prefix}-0`)?.tombstone === true);
    await waitFor(
      'unparked',
      () => p.parkedSummary(),
      (s) => s.parked === 0,
    );
  });

  it('republishes the current state of every subject (one tenant, or all) with progress', async () => {
    const { store, topic, prefix } = await scenario();
    await appendContacts(store, { prefix, contacts: 7, perContact: 2 });
    await appendContacts(store, {
      tenant: 'globex',
      prefix: `${prefix}g`,
      contacts: 4,
      perContact: 1,
    });
    await eraseOne(store, `${prefix}-6`, 2);
    // The scan covers what the log shows when it runs (later events are the publisher's): wait
    // until the appends are visible past other suites' open transactions.
    await waitFor(
      'visible appends',
      async () => (await store.readAll({ limit: 100 })).events.length,
      (n) => n === 7 * 2 + 1 + 4,
    );
    const progress: RepublishProgress[] = [];
    const acme = await republishState({
      store,
      transport,
      sources: [fixtureContactStateSource],
      stateTopics: [FIXTURE_CONTACT_STATE],
      source: '/crm/contacts',
      tenant: 'acme',
      topicName: () => topic,
      chunkSize: 3,
      progress: (p) => {
        progress.push(p);
      },
    });
    expect(acme).toMatchObject({ total: 7, done: 7, values: 6, tombstones: 1, invalid: [] });
    const published = progress.filter((p) => p.phase === 'published');
    expect(published.map((p) => p.done)).toEqual([3, 6, 7]);
    expect(published.every((p) => p.total === 7 && p.ratePerSecond > 0)).toBe(true);
    const { latest } = await latestByKey(topic, (l) => l.size === 7);
    expect([...latest.keys()].every((k) => !k.startsWith(`${prefix}g`))).toBe(true);
    expect(latest.get(`${prefix}-6`)!.tombstone).toBe(true);

    const all = await republishState({
      store,
      transport,
      sources: [fixtureContactStateSource],
      stateTopics: [FIXTURE_CONTACT_STATE],
      source: '/crm/contacts',
      topicName: () => topic,
    });
    expect(all).toMatchObject({ total: 11, values: 10, tombstones: 1 });
    const after = await latestByKey(topic, (l) => l.size === 11);
    expect(after.latest.get(`${prefix}g-0`)!.headers.ce_tenantid).toBe('globex');
  });

  it('republishes again what changed while it ran, so the newest state is sent last', async () => {
    const { store, topic, prefix } = await scenario();
    await appendContacts(store, { prefix, contacts: 4, perContact: 1 });
    await waitFor(
      'visible appends',
      async () => (await store.readAll({ limit: 10 })).events.length,
      (n) => n === 4,
    );
    let changed = false;
    const result = await republishState({
      store,
      transport,
      sources: [fixtureContactStateSource],
      stateTopics: [FIXTURE_CONTACT_STATE],
      source: '/crm/contacts',
      topicName: () => topic,
      chunkSize: 2,
      // After the first chunk went out, one of its contacts changes (the service keeps working).
      progress: async (p) => {
        if (p.phase !== 'published' || changed) return;
        changed = true;
        const meta = { tenant: 'acme', occurredAt: new Date().toISOString() };
        await store.append(
          { tenant: 'acme', id: `contact-${prefix}-0` },
          [{ type: 'ContactRenamed', data: { name: 'Renamed', seq: 2 }, metadata: meta }],
          1,
        );
        await waitFor(
          'visible rename',
          async () => (await store.readAll({ limit: 10 })).events.length,
          (n) => n === 5,
        );
      },
    });
    expect(result).toMatchObject({ total: 5, done: 5, values: 5 });
    const { latest } = await latestByKey(topic, (l) => {
      const m = l.get(`${prefix}-0`);
      return l.size === 4 && m !== undefined && valueOf(m).version === 2;
    });
    expect(valueOf(latest.get(`${prefix}-0`)!)).toMatchObject({ name: 'Renamed#2' });
  });

  it('runs as the republish-state CLI: progress lines, a summary, exit 0', async () => {
    const { store, topic, prefix } = await scenario();
    await appendContacts(store, { prefix, contacts: 3, perContact: 1 });
    await waitFor(
      'visible appends',
      async () => (await store.readAll({ limit: 10 })).events.length,
      (n) => n === 3,
    );
    const lines: string[] = [];
    const code = await runRepublishStateCli(
      {
        service: 'contacts',
        sources: [fixtureContactStateSource],
        stateTopics: [FIXTURE_CONTACT_STATE],
        openStore: async () => ({ store }),
        // The suite's transport, which the CLI must not close.
        transport: () => ({
          kind: transport.kind,
          provision: (topics) => transport.provision(topics),
          send: (messages, options) => transport.send(messages, options),
          consume: (options) => transport.consume(options),
          resetOffsets: (group, t, from) => transport.resetOffsets(group, t, from),
          close: async () => undefined,
        }),
        config,
        topicName: () => topic,
      },
      ['--database-url', db.url, '--tenant', 'acme'],
      (line) => lines.push(line),
    );
    expect(code).toBe(0);
    const progress = /^published 3\/3 \(100%\), \d+\/s, 0 tombstones, 0 invalid$/;
    expect(lines.some((line) => progress.test(line))).toBe(true);
    expect(lines.at(-1)).toBe('done: 3 states and 0 tombstones of 3 subjects of tenant acme');
    await latestByKey(topic, (l) => l.size === 3);
  });

  if (factory.kind === 'embedded') {
    it('behaves like a compacted topic: one message per key, a tombstone gone after its delete retention', async () => {
      const { store, topic, publisher, prefix } = await scenario();
      await transport.provision(
        stateTopicSpecs(
          [topic],
          messagingConfigFromEnv({
            MESSAGING_TOPIC_PARTITIONS: '3',
            MESSAGING_STATE_DELETE_RETENTION_MS: '300',
          }),
        ),
      );
      await appendContacts(store, { prefix, contacts: 5, perContact: 5 });
      await eraseOne(store, `${prefix}-4`, 5);
      const p = publisher();
      await p.start();
      const complete = (l: Map<string, DeliveredMessage>) =>
        l.get(`${prefix}-4`)?.tombstone === true &&
        [...l.values()].filter((m) => !m.tombstone && valueOf(m).version === 5).length === 4;
      await latestByKey(topic, complete);
      // A reader that starts now: whatever the batches published, only each key's latest
      // message is left to read.
      const { latest, all } = await latestByKey(topic, complete);
      expect(all.length).toBe(5);
      expect(valueOf(latest.get(`${prefix}-0`)!)).toMatchObject({ version: 5 });
      await new Promise((r) => setTimeout(r, 400));
      await (transport as EmbeddedTransport).pruneExpired();
      const { latest: later } = await latestByKey(topic, (l) => l.size === 4);
      expect(later.has(`${prefix}-4`)).toBe(false);
    });
  }
}

async function eraseOne(store: EventStore, contactId: string, version: number): Promise<void> {
  await store.append(
    { tenant: 'acme', id: `contact-${contactId}` },
    [
      {
        type: 'ContactErased',
        data: {},
        metadata: { tenant: 'acme', occurredAt: new Date().toISOString() },
      },
    ],
    version,
  );
}

describe('state publisher on the embedded transport', () => {
  statePublisherContract({
    kind: 'embedded',
    create: (pool) => new EmbeddedTransport({ pool, logger: silent }),
  });
});

describeWithKafka('state publisher on Kafka', ({ brokers }) => {
  statePublisherContract({
    kind: 'kafka',
    create: () =>
      new KafkaTransport({ brokers: brokers(), clientId: uniqueName('state'), logger: silent }),
  });
});
