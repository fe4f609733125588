/**
 * Rebuild from the topics equals the live tables: a history of contacts, sales and campaigns
 * facts (with a state bootstrap, a cancellation, a merge and an erasure) is consumed live; the
 * app is stopped, rebuildAnalytics resets the consumer group and empties the tables, the app
 * starts again over the same database and re-reads every topic; every analytics table then
 * equals its live copy row for row, and the erased person stays erased. Embedded log and Kafka.
 */
import { ManualClock } from '@crm/platform';
import {
  openIntegrationFeed,
  startTestServiceApp,
  type IntegrationFeed,
} from '@crm/platform/testing';
import { createTransport, messagingConfigFromEnv, namespacedTransport } from '@crm/messaging';
import { describeWithKafka, uniqueName } from '@crm/testing';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { AppModule } from '../app.module';
import { INGEST_CONSUMER } from '../ingest/ingest-consumer';
import { DERIVED_TABLES } from '../ingest/ingest-schema';
import * as F from '../ingest/testing/facts';
import {
  ANALYTICS_TEST_JWT_SECRET,
  startAnalyticsTestApp,
  type AnalyticsTestApp,
} from '../testing/analytics-test-app';
import { rebuildAnalytics } from './rebuild-analytics';

const clock = new ManualClock(new Date(Date.now() - 30 * 86_400_000).toISOString());
const at = (hours: number) => new Date(clock.now().getTime() + hours * 3_600_000).toISOString();

function rebuildSuite(kafkaBrokers: () => string) {
  let t: AnalyticsTestApp;
  let pool: Pool;
  let feed: IntegrationFeed;

  beforeAll(async () => {
    process.env.MESSAGING_NAMESPACE = uniqueName('analytics-rebuild');
    t = await startAnalyticsTestApp({ KAFKA_BROKERS: kafkaBrokers() }, { clock });
    pool = new Pool({ connectionString: t.db.url, max: 3 });
    feed = openIntegrationFeed({
      consumer: INGEST_CONSUMER.consumer!,
      databaseUrl: t.db.url,
      pool,
      kafkaBrokers: kafkaBrokers(),
    });
  }, 60_000);
  afterAll(async () => {
    await feed?.close();
    await pool?.end();
    await t?.close();
    delete process.env.MESSAGING_NAMESPACE;
  });

  /** Every derived table and the marks, each as sorted JSON rows. */
  const snapshot = async () => {
    const tables: Record<string, string[]> = {};
    for (const table of [...DERIVED_TABLES, 'record_marks']) {
      const { rows } = await pool.query(`SELECT to_jsonb(t) AS row FROM analytics.${table} t`);
      tables[table] = rows.map((r) => JSON.stringify(r.row)).sort();
    }
    const { rows } = await pool.query(
      `SELECT to_jsonb(r) AS row FROM analytics.campaign_results r`,
    );
    tables.campaign_results = rows.map((r) => JSON.stringify(r.row)).sort();
    return tables;
  };

  it('replaying every topic into emptied tables ends equal to the live tables', async () => {
    const [a, b, dup, gone] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const [car, wheel, deal, lead, campaign] = [
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
    ];
    const history = [
      F.productCreated(car, 'Cars', at(0)),
      F.productCreated(wheel, 'Parts', at(0)),
      F.registered(a, at(1)),
      F.contactState(b, 2, at(1)),
      F.registered(dup, at(1)),
      F.registered(gone, at(1)),
      F.placed(randomUUID(), a, at(2), [F.line(car, 2_000_000)]),
      F.placed(randomUUID(), a, at(50), [F.line(wheel, 40_000, 4)]),
      F.orderState(randomUUID(), 1, b, at(3), {
        lines: [
          {
            lineId: 'l-1',
            productId: wheel,
            sku: 'W',
            name: 'Wheel',
            quantity: 2,
            unitPriceMinor: 100,
            discountBps: 0,
            netMinor: 200,
          },
        ],
        totals: { subtotalMinor: 200, discountMinor: 0, taxMinor: 0, totalMinor: 200 },
      }),
      F.placed(randomUUID(), dup, at(4), [F.line(car, 1_500_000)]),
      F.placed(randomUUID(), gone, at(4), [F.line(car, 1_000_000)]),
      F.leadCaptured(lead, at(5)),
      F.leadQualified(lead, at(6)),
      F.opportunityOpened(deal, a, at(7)),
      F.leadConverted(lead, a, deal, at(7)),
      F.stageChanged(deal, 'qualify', 'propose', at(8)),
      F.won(deal, at(9)),
      F.launched(campaign, at(10)),
      F.sent('m-a', campaign, a, at(11)),
      F.opened('m-a', campaign, a, at(12)),
      F.clicked('m-a', campaign, a, at(13)),
      F.sent('m-g', campaign, gone, at(11)),
      F.joinedSegment('seg', a, at(11)),
      F.merged(a, dup, at(20)),
      F.erased(gone, at(21)),
    ];
    const ids: string[] = [];
    for (const message of history) ids.push(await feed.deliver(message));
    const live = await snapshot();
    expect(live.customers.length).toBe(2);
    expect(live.order_lines.length).toBe(4);
    expect(live.customer_stats.length).toBe(2);

    await t.stop();
    const config = messagingConfigFromEnv({
      KAFKA_BROKERS: kafkaBrokers(),
      DATABASE_URL: t.db.url,
    });
    const transport = namespacedTransport(
      createTransport(config, { clientId: 'analytics-rebuild-spec' }),
      process.env.MESSAGING_NAMESPACE ?? '',
    );
    const result = await rebuildAnalytics({ pool, transport }).finally(() => transport.close());
    expect(result.forgotten).toBe(history.length);
    expect((await snapshot()).customers).toEqual([]);

    const again = await startTestServiceApp(AppModule, {
      databaseUrl: t.db.url,
      jwtSecret: ANALYTICS_TEST_JWT_SECRET,
      env: { KAFKA_BROKERS: kafkaBrokers() },
      clock,
    });
    try {
      await feed.handled(ids, 60_000);
      expect(await snapshot()).toEqual(live);
    } finally {
      await again.close();
    }
  }, 180_000);
}

describe('analytics rebuild (embedded transport)', () => rebuildSuite(() => ''));
describeWithKafka('analytics rebuild (Kafka)', ({ brokers }) =>
  rebuildSuite(() => brokers().join(',')),
);
