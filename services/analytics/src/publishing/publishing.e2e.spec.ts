/**
 * crm.analytics.v1 from analytics' own log through the platform relay, on the embedded transport
 * (the relay is the same code on Kafka; campaigns' messaging e2e covers the Kafka path). What the
 * publisher appends arrives on the namespaced topic keyed by the contact, schema-valid; an equal
 * value appends nothing, also when the publisher's table has fallen behind the log; a contact
 * erased through the ingest path gets nothing afterwards.
 */
import { CE, fromCloudEventHeaders, topicFor, validatePayload } from '@crm/contracts';
import {
  createTransport,
  messagingConfigFromEnv,
  namespacedName,
  type MessageTransport,
} from '@crm/messaging';
import { ManualClock } from '@crm/platform';
import { openIntegrationFeed, type IntegrationFeed } from '@crm/platform/testing';
import { eventually, uniqueName } from '@crm/testing';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { INGEST_CONSUMER } from '../ingest/ingest-consumer';
import * as F from '../ingest/testing/facts';
import { startAnalyticsTestApp, type AnalyticsTestApp } from '../testing/analytics-test-app';
import { AnalyticsPublisher } from './analytics-publisher';

const clock = new ManualClock(new Date(Date.now() - 3 * 86_400_000).toISOString());
const TENANT = 'tenant-a';
// The relay reads below the cluster's oldest open transaction, which a busy shared PostgreSQL
// can hold back for seconds.
const WAIT_MS = 45_000;

interface Received {
  readonly key: string | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly data: any;
}

describe('crm.analytics.v1 publishing (embedded transport)', () => {
  let t: AnalyticsTestApp;
  let pool: Pool;
  let feed: IntegrationFeed;
  let reader: MessageTransport;
  let stopReader: (() => Promise<void>) | undefined;
  let publisher: AnalyticsPublisher;
  const received: Received[] = [];
  const of = (contactId: string) => received.filter((m) => m.key === contactId);

  beforeAll(async () => {
    const namespace = uniqueName('analytics-publishing');
    process.env.MESSAGING_NAMESPACE = namespace;
    t = await startAnalyticsTestApp({ KAFKA_BROKERS: '' }, { clock });
    pool = new Pool({ connectionString: t.db.url, max: 2 });
    feed = openIntegrationFeed({
      consumer: INGEST_CONSUMER.consumer!,
      databaseUrl: t.db.url,
      pool,
      kafkaBrokers: '',
    });
    publisher = t.app.get(AnalyticsPublisher);
    reader = createTransport(
      messagingConfigFromEnv({ KAFKA_BROKERS: '', DATABASE_URL: t.db.url }),
      {
        clientId: 'analytics-publishing-e2e',
      },
    );
    const handle = await reader.consume({
      groupId: uniqueName('analytics-test-reader'),
      topics: [namespacedName(namespace, topicFor('analytics'))],
      fromBeginning: true,
      handle: async (m) => {
        received.push({ key: m.key, headers: m.headers, data: JSON.parse(m.value.toString()) });
      },
    });
    await handle.ready;
    stopReader = () => handle.stop();
  }, 60_000);
  afterAll(async () => {
    await stopReader?.();
    await reader?.close();
    await feed?.close();
    await pool?.end();
    await t?.close();
    delete process.env.MESSAGING_NAMESPACE;
  });

  it('publishes changes only, schema-valid, keyed by the contact; nothing for an erased contact', async () => {
    const ada = randomUUID();
    const bob = randomUUID();
    const first = await publisher.publishRecommendations(TENANT, [
      { contactId: ada, model: 'basket@1', productIds: ['p-1', 'p-2'] },
      { contactId: bob, model: 'basket@1', productIds: ['p-3'] },
    ]);
    expect(first).toEqual({ published: 2, unchanged: 0, skippedGone: 0 });
    // The same lists again: nothing appended.
    const again = await publisher.publishRecommendations(TENANT, [
      { contactId: ada, model: 'basket@1', productIds: ['p-1', 'p-2'] },
      { contactId: bob, model: 'basket@1', productIds: ['p-3'] },
    ]);
    expect(again).toEqual({ published: 0, unchanged: 2, skippedGone: 0 });
    clock.advance(60_000);
    const changed = await publisher.publishRecommendations(TENANT, [
      { contactId: ada, model: 'basket@1', productIds: ['p-2', 'p-1'] },
      { contactId: bob, model: 'basket@1', productIds: ['p-3'] },
    ]);
    expect(changed).toEqual({ published: 1, unchanged: 1, skippedGone: 0 });
    expect(
      await publisher.publishScores(TENANT, [
        { contactId: bob, model: 'propensity@2', score: 0.25 },
      ]),
    ).toEqual({ published: 1, unchanged: 0, skippedGone: 0 });

    // Bob is erased (through the ingest path): nothing about him is published any more.
    await feed.deliver(F.erased(bob, clock.now().toISOString()));
    clock.advance(60_000);
    expect(
      await publisher.publishRecommendations(TENANT, [
        { contactId: bob, model: 'basket@1', productIds: ['p-9'] },
      ]),
    ).toEqual({ published: 0, unchanged: 0, skippedGone: 1 });
    const { rows } = await pool.query(
      `SELECT count(*)::int AS n FROM analytics.published_outputs WHERE contact_id = $1`,
      [bob],
    );
    expect(rows[0].n).toBe(0);

    // The table behind the log (a crash between the append and its write): the log decides.
    await pool.query(`DELETE FROM analytics.published_outputs WHERE contact_id = $1`, [ada]);
    expect(
      await publisher.publishRecommendations(TENANT, [
        { contactId: ada, model: 'basket@1', productIds: ['p-2', 'p-1'] },
      ]),
    ).toEqual({ published: 0, unchanged: 1, skippedGone: 0 });
    await pool.query(`DELETE FROM analytics.published_outputs WHERE contact_id = $1`, [ada]);
    clock.advance(60_000);
    expect(
      await publisher.publishRecommendations(TENANT, [
        { contactId: ada, model: 'basket@2', productIds: ['p-3'] },
      ]),
    ).toEqual({ published: 1, unchanged: 0, skippedGone: 0 });
    const { rows: kept } = await pool.query(
      `SELECT model, value, stream_version FROM analytics.published_outputs WHERE contact_id = $1`,
      [ada],
    );
    expect(kept).toEqual([{ model: 'basket@2', value: ['p-3'], stream_version: 3 }]);

    await eventually(async () => {
      expect(of(ada)).toHaveLength(3);
      expect(of(bob)).toHaveLength(2);
    }, WAIT_MS);
    for (const m of received) {
      const envelope = fromCloudEventHeaders(m.headers);
      expect(envelope).toMatchObject({ subject: m.key, source: '/crm/analytics' });
      expect(m.headers[CE.tenant]).toBe(TENANT);
      expect(validatePayload(envelope.type, m.data, 'strict')).toEqual([]);
    }
    expect(of(ada).map((m) => [m.data.model, m.data.productIds])).toEqual([
      ['basket@1', ['p-1', 'p-2']],
      ['basket@1', ['p-2', 'p-1']],
      ['basket@2', ['p-3']],
    ]);
    expect(of(bob).map((m) => m.headers[CE.type])).toEqual([
      'crm.analytics.contact.recommendation_produced.v1',
      'crm.analytics.contact.scored.v1',
    ]);
    expect(of(bob)[1].data).toMatchObject({ contactId: bob, model: 'propensity@2', score: 0.25 });
    // Nothing after the erasure, however long one waits for the relay: the publisher refused it.
    expect(received.some((m) => JSON.stringify(m.data).includes('p-9'))).toBe(false);
  }, 120_000);
});
