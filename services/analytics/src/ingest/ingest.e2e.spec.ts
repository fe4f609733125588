/**
 * The analytics tables fed by real integration events: crm.contacts.v1, crm.sales.v1,
 * crm.campaigns.v1 and the state topics, published through the transport the app consumes
 * (the embedded log, and Kafka when the run has a broker) in a namespace of their own, checked
 * in every table and in GET /customers/{id}. Real PostgreSQL; the app's clock is pinned and every
 * business time derives from it.
 */
import { ContactStateTopic, OrderPlaced } from '@crm/contracts';
import { ManualClock } from '@crm/platform';
import { openIntegrationFeed, type IntegrationFeed } from '@crm/platform/testing';
import { describeWithKafka, uniqueName } from '@crm/testing';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { startAnalyticsTestApp, type AnalyticsTestApp } from '../testing/analytics-test-app';
import { INGEST_CONSUMER } from './ingest-consumer';
import * as F from './testing/facts';

const clock = new ManualClock(new Date(Date.now() - 10 * 86_400_000).toISOString());
/** A business time n hours after the app's clock. */
const at = (hours: number) => new Date(clock.now().getTime() + hours * 3_600_000).toISOString();
const TENANT_B = 'tenant-b';

function ingestSuite(kafkaBrokers: () => string) {
  let t: AnalyticsTestApp;
  let pool: Pool;
  let feed: IntegrationFeed;

  beforeAll(async () => {
    process.env.MESSAGING_NAMESPACE = uniqueName('analytics-ingest');
    t = await startAnalyticsTestApp({ KAFKA_BROKERS: kafkaBrokers() }, { clock });
    pool = new Pool({ connectionString: t.db.url, max: 2 });
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

  const rows = async (sql: string, values: unknown[] = []) => (await pool.query(sql, values)).rows;
  const stats = async (contactId: string, tenant = 'tenant-a') =>
    (
      await rows(
        `SELECT currency, orders_count, purchase_days, repeat_purchases, recency_days,
                total_spent_minor::int AS total, average_order_minor::int AS avg_order,
                average_repeat_day_minor::int AS avg_repeat, units_bought, products_held, families_held,
                messages_sent, messages_opened, messages_clicked, first_purchase_at, last_purchase_at
           FROM analytics.customer_stats WHERE tenant = $1 AND contact_id = $2`,
        [tenant, contactId],
      )
    )[0];
  /** Every analytics row that names the contact, table by table. */
  const everything = async (contactId: string) => {
    const found: Record<string, number> = {};
    for (const table of [
      'customers',
      'orders',
      'order_lines',
      'customer_stats',
      'leads',
      'opportunities',
      'campaign_messages',
      'segment_memberships',
    ]) {
      const [{ n }] = await rows(
        `SELECT count(*)::int AS n FROM analytics.${table} WHERE contact_id = $1`,
        [contactId],
      );
      if (n > 0) found[table] = n;
    }
    return found;
  };

  it('fills every table from published events, and GET /customers/{id} shows the summary', async () => {
    const person = randomUUID();
    const [car, wheel] = [randomUUID(), randomUUID()];
    const [o1, o2, o3, o4] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const [lead, deal, campaign, message] = [
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
    ];
    for (const message_ of [
      F.registered(person, at(1)),
      F.productCreated(car, 'Cars', at(1)),
      F.productCreated(wheel, 'Parts', at(1)),
      F.leadCaptured(lead, at(2)),
      F.leadQualified(lead, at(3)),
      F.opportunityOpened(deal, person, at(4)),
      F.leadConverted(lead, person, deal, at(4)),
      F.stageChanged(deal, 'qualify', 'propose', at(5)),
      F.won(deal, at(6)),
      F.launched(campaign, at(7)),
      F.sent(message, campaign, person, at(8)),
      F.opened(message, campaign, person, at(9)),
      F.clicked(message, campaign, person, at(10)),
      F.joinedSegment('seg-1', person, at(10)),
      // Day 1 (two orders, one purchase day), day 3, and an order cancelled afterwards.
      F.placed(o1, person, at(11), [F.line(car, 2_000_000)]),
      F.placed(o2, person, at(12), [F.line(wheel, 40_000, 4)]),
      F.placed(o3, person, at(59), [F.line(wheel, 20_000, 2)]),
      F.placed(o4, person, at(60), [F.line(car, 1_000_000)]),
      F.cancelled(o4, person, at(61)),
      F.detailsChanged(person, at(62), { lifecycleStage: 'customer' }),
    ])
      await feed.deliver(message_);

    expect(
      await rows(
        `SELECT lifecycle_stage, gender, to_char(birth_date, 'YYYY-MM-DD') AS birth, income_band
           FROM analytics.customers WHERE contact_id = $1`,
        [person],
      ),
    ).toEqual([
      { lifecycle_stage: 'customer', gender: 'female', birth: '1980-06-15', income_band: 'middle' },
    ]);
    expect(
      await rows(
        `SELECT order_id, product_id, family, quantity, net_minor::int, status FROM analytics.order_lines
          WHERE contact_id = $1 ORDER BY placed_at`,
        [person],
      ),
    ).toEqual([
      {
        order_id: o1,
        product_id: car,
        family: 'Cars',
        quantity: 1,
        net_minor: 2_000_000,
        status: 'placed',
      },
      {
        order_id: o2,
        product_id: wheel,
        family: 'Parts',
        quantity: 4,
        net_minor: 40_000,
        status: 'placed',
      },
      {
        order_id: o3,
        product_id: wheel,
        family: 'Parts',
        quantity: 2,
        net_minor: 20_000,
        status: 'placed',
      },
      {
        order_id: o4,
        product_id: car,
        family: 'Cars',
        quantity: 1,
        net_minor: 1_000_000,
        status: 'cancelled',
      },
    ]);
    expect(await stats(person)).toMatchObject({
      currency: 'EUR',
      orders_count: 3,
      purchase_days: 2,
      repeat_purchases: 1,
      recency_days: 2,
      total: 2_060_000,
      avg_order: Math.round(2_060_000 / 3),
      avg_repeat: 20_000,
      units_bought: 7,
      products_held: [car, wheel].sort(),
      families_held: ['Cars', 'Parts'],
      messages_sent: 1,
      messages_opened: 1,
      messages_clicked: 1,
    });
    expect(
      await rows(
        `SELECT status, source, owner_id, contact_id, opportunity_id, qualified_at IS NOT NULL AS q,
                converted_at IS NOT NULL AS c FROM analytics.leads WHERE lead_id = $1`,
        [lead],
      ),
    ).toEqual([
      {
        status: 'converted',
        source: 'web_form',
        owner_id: 'rep-1',
        contact_id: person,
        opportunity_id: deal,
        q: true,
        c: true,
      },
    ]);
    expect(
      await rows(
        `SELECT status, stage_id, amount_minor::int, forecast_category, probability, owner_id, contact_id,
                won_at IS NOT NULL AS won FROM analytics.opportunities WHERE opportunity_id = $1`,
        [deal],
      ),
    ).toEqual([
      {
        status: 'won',
        stage_id: 'won',
        amount_minor: 480_000,
        forecast_category: 'closed',
        probability: 100,
        owner_id: 'rep-1',
        contact_id: person,
        won: true,
      },
    ]);
    expect(
      (
        await rows(
          `SELECT stage_id FROM analytics.opportunity_stage_changes WHERE opportunity_id = $1 ORDER BY entered_at`,
          [deal],
        )
      ).map((r) => r.stage_id),
    ).toEqual(['qualify', 'propose', 'won']);
    // The order placed after the message counts as its conversion; the cancelled one does not.
    expect(
      await rows(
        `SELECT sent::int, opened::int, clicked::int, conversions::int, revenue_minor::int
           FROM analytics.campaign_results WHERE campaign_id = $1`,
        [campaign],
      ),
    ).toEqual([{ sent: 1, opened: 1, clicked: 1, conversions: 1, revenue_minor: 2_060_000 }]);
    expect(
      await rows(`SELECT name, channel FROM analytics.campaigns WHERE campaign_id = $1`, [
        campaign,
      ]),
    ).toEqual([{ name: 'Spring', channel: 'email' }]);
    expect(
      await rows(
        `SELECT segment_id, left_at FROM analytics.segment_memberships WHERE contact_id = $1`,
        [person],
      ),
    ).toEqual([{ segment_id: 'seg-1', left_at: null }]);

    const res = await t.request('GET', `/customers/${person}`);
    expect(res.status).toBe(200);
    const ageOnToday =
      clock.now().getUTCFullYear() -
      1980 -
      (clock.now().toISOString().slice(5, 10) < '06-15' ? 1 : 0);
    expect(res.body).toMatchObject({
      contactId: person,
      lifecycleStage: 'customer',
      demographics: { gender: 'female', incomeBand: 'middle' },
      purchases: {
        ordersCount: 3,
        repeatPurchases: 1,
        recencyDays: 2,
        totalSpentMinor: 2_060_000,
        currency: 'EUR',
      },
      holdings: { families: ['Cars', 'Parts'] },
      engagement: { messagesSent: 1, messagesOpened: 1, messagesClicked: 1 },
      model: { status: 'not-fitted', detail: 'not fitted yet' },
      segment: null,
      clvMinor: null,
      recommendations: null,
    });
    expect(res.body.demographics.ageBand).toBe(ageOnToday >= 45 ? '45-54' : '35-44');
    // The clock is pinned 10 days back and the first purchase was 11 h after it.
    expect(res.body.purchases.ageDays).toBe(0);
    expect(res.body.holdings.products.map((p: { family: string }) => p.family).sort()).toEqual([
      'Cars',
      'Parts',
    ]);
  });

  it('a redelivered event changes nothing (the inbox), a second click counts once per event', async () => {
    const person = randomUUID();
    const [order, message, campaign] = [randomUUID(), randomUUID(), randomUUID()];
    await feed.deliver(F.registered(person, at(1)));
    const orderEvent = {
      ...F.placed(order, person, at(2), [F.line('p-1', 10_000)]),
      id: randomUUID(),
    };
    await feed.deliver(orderEvent);
    await feed.deliver(orderEvent);
    const click = { ...F.clicked(message, campaign, person, at(3)), id: randomUUID() };
    await feed.deliver(click);
    await feed.deliver(click);
    expect(await stats(person)).toMatchObject({
      orders_count: 1,
      total: 10_000,
      messages_clicked: 1,
    });
    expect(
      await rows(`SELECT clicks FROM analytics.campaign_messages WHERE message_id = $1`, [message]),
    ).toEqual([{ clicks: 1 }]);
    await feed.deliver(F.clicked(message, campaign, person, at(4)));
    expect(
      await rows(`SELECT clicks FROM analytics.campaign_messages WHERE message_id = $1`, [message]),
    ).toEqual([{ clicks: 2 }]);
  });

  it('bootstraps from the state topics in either order, and an older state changes nothing', async () => {
    const person = randomUUID();
    const order = randomUUID();
    // The state first (version 3, cancelled), then the older placement event: skipped.
    await feed.deliver(
      F.orderState(order, 3, person, at(20), {
        status: 'cancelled',
        lines: [
          {
            lineId: 'l-1',
            productId: 'p-9',
            sku: 'S9',
            name: 'Nine',
            quantity: 1,
            unitPriceMinor: 700,
            discountBps: 0,
            netMinor: 700,
          },
        ],
        totals: { subtotalMinor: 700, discountMinor: 0, taxMinor: 0, totalMinor: 700 },
      }),
    );
    await feed.deliver(F.placed(order, person, at(10), [F.line('p-9', 700)]));
    await feed.deliver(F.contactState(person, 4, at(21)));
    await feed.deliver(F.contactState(person, 2, at(22), { lifecycleStage: 'lead' }));
    expect(await rows(`SELECT status FROM analytics.orders WHERE order_id = $1`, [order])).toEqual([
      { status: 'cancelled' },
    ]);
    expect(
      await rows(
        `SELECT lifecycle_stage, age_band FROM analytics.customers WHERE contact_id = $1`,
        [person],
      ),
    ).toEqual([{ lifecycle_stage: 'customer', age_band: '45-54' }]);
    expect((await stats(person))?.orders_count ?? 0).toBe(0);
  });

  it('an erased person disappears from every table and nothing late brings them back (410)', async () => {
    const person = randomUUID();
    const [order, lead, deal, message] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await feed.deliver(F.registered(person, at(1)));
    await feed.deliver(F.placed(order, person, at(2), [F.line('p-1', 5_000)]));
    await feed.deliver(F.leadCaptured(lead, at(2)));
    await feed.deliver(F.leadConverted(lead, person, deal, at(3)));
    await feed.deliver(F.opportunityOpened(deal, person, at(3)));
    await feed.deliver(F.sent(message, 'camp-1', person, at(4)));
    await feed.deliver(F.joinedSegment('seg-e', person, at(4)));
    expect(Object.keys(await everything(person)).sort()).toEqual([
      'campaign_messages',
      'customer_stats',
      'customers',
      'leads',
      'opportunities',
      'order_lines',
      'orders',
      'segment_memberships',
    ]);
    await feed.deliver(F.erased(person, at(5)));
    expect(await everything(person)).toEqual({});
    // The funnel keeps the deal and the lead, without the person.
    expect(
      await rows(`SELECT contact_id FROM analytics.opportunities WHERE opportunity_id = $1`, [
        deal,
      ]),
    ).toEqual([{ contact_id: null }]);
    // Late facts: a redelivered registration, a state, an order, a message.
    await feed.deliver(F.registered(person, at(6)));
    await feed.deliver(F.contactState(person, 9, at(7)));
    await feed.deliver(F.placed(randomUUID(), person, at(8), [F.line('p-1', 5_000)]));
    await feed.deliver(F.opened(message, 'camp-1', person, at(9)));
    expect(await everything(person)).toEqual({});
    expect(
      await rows(
        `SELECT erased, gone FROM analytics.record_marks WHERE kind = 'contact' AND record_id = $1`,
        [person],
      ),
    ).toEqual([{ erased: true, gone: true }]);
    const res = await t.request('GET', `/customers/${person}`);
    expect(res.status).toBe(410);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('a tombstone on the contact state topic deletes the person as well', async () => {
    const person = randomUUID();
    await feed.deliver(F.contactState(person, 1, at(1)));
    await feed.deliver(F.placed(randomUUID(), person, at(2), [F.line('p-1', 1_000)]));
    await feed.deliver(F.tombstone(ContactStateTopic.type, person, at(3)));
    expect(await everything(person)).toEqual({});
  });

  it('a merge hands the duplicate history to the survivor and recomputes its statistics', async () => {
    const [survivor, duplicate] = [randomUUID(), randomUUID()];
    await feed.deliver(F.registered(survivor, at(1)));
    await feed.deliver(F.registered(duplicate, at(1)));
    await feed.deliver(F.placed(randomUUID(), survivor, at(2), [F.line('p-1', 1_000)]));
    await feed.deliver(F.placed(randomUUID(), duplicate, at(50), [F.line('p-2', 3_000)]));
    await feed.deliver(F.merged(survivor, duplicate, at(60)));
    expect(await everything(duplicate)).toEqual({});
    expect(await stats(survivor)).toMatchObject({
      orders_count: 2,
      repeat_purchases: 1,
      total: 4_000,
      products_held: ['p-1', 'p-2'],
    });
    // A late order of the duplicate goes to the survivor.
    await feed.deliver(F.placed(randomUUID(), duplicate, at(100), [F.line('p-3', 500)]));
    expect((await stats(survivor)).orders_count).toBe(3);
    expect((await t.request('GET', `/customers/${duplicate}`)).status).toBe(404);
  });

  it("keeps tenants apart: tenant B's facts never show for tenant A (positive control: each sees its own)", async () => {
    const person = randomUUID();
    await feed.deliver(F.registered(person, at(1), { lifecycleStage: 'lead' }));
    await feed.deliver(F.placed(randomUUID(), person, at(2), [F.line('p-1', 1_000)]));
    await feed.deliver(
      F.registered(person, at(1), { lifecycleStage: 'customer' }, { tenant: TENANT_B }),
    );
    await feed.deliver(
      F.placed(randomUUID(), person, at(2), [F.line('p-1', 9_000)], { tenant: TENANT_B }),
    );
    const asA = await t.request('GET', `/customers/${person}`);
    const asB = await t.request('GET', `/customers/${person}`, { as: { tenant: TENANT_B } });
    expect([asA.body.lifecycleStage, asA.body.purchases.totalSpentMinor]).toEqual(['lead', 1_000]);
    expect([asB.body.lifecycleStage, asB.body.purchases.totalSpentMinor]).toEqual([
      'customer',
      9_000,
    ]);
    const onlyA = randomUUID();
    await feed.deliver(F.registered(onlyA, at(1)));
    expect((await t.request('GET', `/customers/${onlyA}`)).status).toBe(200);
    expect(
      (await t.request('GET', `/customers/${onlyA}`, { as: { tenant: TENANT_B } })).status,
    ).toBe(404);
  });

  it('one poison event is set aside; the events after it are applied and the service stays ready', async () => {
    const person = randomUUID();
    await feed.send([
      { topic: 'sales', type: OrderPlaced.type, subject: 'poison', data: '{not json' },
      {
        topic: 'sales',
        type: OrderPlaced.type,
        subject: 'poison',
        data: { orderId: 'x', lines: 'no' },
      },
    ]);
    await feed.deliver(F.registered(person, at(1)));
    await feed.deliver(F.placed(randomUUID(), person, at(2), [F.line('p-1', 1_000)]));
    expect((await stats(person)).orders_count).toBe(1);
    const ready = await t.request('GET', '/health/ready', { as: null });
    expect(ready.status).toBe(200);
  });

  it('unknown is 404, a customer token is 403, an analyst is let through (positive control)', async () => {
    const unknown = await t.request('GET', `/customers/${randomUUID()}`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
    const person = randomUUID();
    await feed.deliver(F.registered(person, at(1)));
    expect(
      (await t.request('GET', `/customers/${person}`, { as: { roles: ['customer'], sub: person } }))
        .status,
    ).toBe(403);
    for (const role of ['analyst', 'admin', 'sales-manager', 'marketer'] as const)
      expect(
        (await t.request('GET', `/customers/${person}`, { as: { roles: [role] } })).status,
      ).toBe(200);
    expect(
      (await t.request('GET', `/customers/${person}`, { as: { roles: ['sales-rep'] } })).status,
    ).toBe(403);
  });
}

describe('analytics ingest (embedded transport)', () => ingestSuite(() => ''));
describeWithKafka('analytics ingest (Kafka)', ({ brokers }) =>
  ingestSuite(() => brokers().join(',')),
);
