/**
 * Contacts' timeline and lifecycle consumers bootstrap from sales' state topics (issue 13): a
 * contacts app that starts in a namespace where sales' facts exist only as state messages (no
 * crm.sales.v1 event at all, as after the event retention) shows the activity and the order on
 * the timeline and moves the lifecycle stage; an older event arriving after the state changes
 * nothing; a contact churned after a fact is not won back by its state, however often it is
 * re-read; a redelivered state changes nothing. Real PostgreSQL; the embedded log, and Kafka when
 * the run has a broker.
 */
import {
  ActivityStateTopic,
  LeadStateTopic,
  OpportunityStateTopic,
  OrderStateTopic,
  SALES_STATE_TOPICS,
  toCloudEventHeaders,
  topicFor,
} from '@crm/contracts';
import {
  createTransport,
  DEFAULT_MESSAGING_SCHEMA,
  messagingConfigFromEnv,
  namespacedName,
  type MessageTransport,
} from '@crm/messaging';
import { ManualClock, mintDevToken, type Role } from '@crm/platform';
import { startTestServiceApp } from '@crm/platform/testing';
import { describeWithKafka, uniqueName } from '@crm/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { AppModule } from '../app.module';
import { startContactsTestApp, type ContactsTestApp } from '../testing/contacts-test-app';

const SECRET = 'contacts-bootstrap-e2e-secret-0123456789abcdef';
const TENANT = 'tenant-a';

interface SalesMessage {
  readonly topic: string;
  readonly type: string;
  readonly subject: string;
  readonly data: object | null;
  readonly time: string;
  readonly id?: string;
}

function bootstrapSuite(kafkaBrokers: () => string) {
  // Every time below is derived from this clock, pinned at the machine's "now" when it starts.
  const clock = new ManualClock(new Date());
  const start = clock.now().getTime();
  /** n minutes after the suite's start. */
  const at = (n: number) => new Date(start + n * 60_000).toISOString();

  let first: ContactsTestApp;
  let app: NestFastifyApplication | undefined;
  let sql: Client;
  let feed: MessageTransport;
  const namespace = uniqueName('contacts-sales-bootstrap');
  const ids = { ada: '', bob: '', cy: '', dee: '' };
  const facts = {
    activityId: randomUUID(),
    orderId: randomUUID(),
    leadId: randomUUID(),
    dealId: randomUUID(),
    bobOrderId: randomUUID(),
    deeOrderId: randomUUID(),
    /** The message of Dee's order state. */
    deeOrderMessage: randomUUID(),
  };

  const call = async (
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    body?: object,
    roles: Role[] = ['sales-manager'],
  ) => {
    const token = await mintDevToken({ tenant: TENANT, roles, sub: 'user-1', secret: SECRET });
    const res = await app!
      .getHttpAdapter()
      .getInstance()
      .inject({
        method,
        url,
        headers: { authorization: `Bearer ${token}` },
        ...(body ? { payload: body } : {}),
      });
    return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined };
  };
  const send = async (messages: readonly SalesMessage[]) => {
    for (const m of messages) {
      await feed.send([
        {
          topic: namespacedName(namespace, m.topic),
          key: m.subject,
          value: m.data === null ? null : JSON.stringify(m.data),
          headers: toCloudEventHeaders({
            id: m.id ?? randomUUID(),
            type: m.type,
            source: '/crm/sales',
            time: m.time,
            subject: m.subject,
            tenant: TENANT,
          }),
        },
      ]);
    }
  };
  const consumed = async (consumer: string, eventIds: readonly string[]) => {
    const until = Date.now() + 20_000;
    for (;;) {
      const { rows } = await sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${DEFAULT_MESSAGING_SCHEMA}.inbox WHERE consumer = $1 AND event_id = ANY($2)`,
        [consumer, [...new Set(eventIds)]],
      );
      if (rows[0].n === new Set(eventIds).size || Date.now() > until) return rows[0].n;
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const timeline = async (contactId: string) =>
    (await call('GET', `/contacts/${contactId}/timeline`)).body.items as {
      entryId: string;
      kind: string;
      occurredAt: string;
      userId: string | null;
      subject: string | null;
      details: Record<string, unknown>;
    }[];
  const stageOf = async (contactId: string) =>
    (await call('GET', `/contacts/${contactId}`)).body.lifecycleStage as string;
  const stageChanges = async (contactId: string) =>
    (
      await sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM contacts.events WHERE stream_id = $1 AND type = 'ContactLifecycleStageChanged'`,
        [`contact-${contactId}`],
      )
    ).rows[0].n;
  const eventually = async <T>(read: () => Promise<T>, done: (v: T) => boolean): Promise<T> => {
    const until = Date.now() + 20_000;
    for (;;) {
      const value = await read();
      if (done(value) || Date.now() > until) return value;
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  const activityState = (version: number, members: object = {}) => ({
    id: facts.activityId,
    kind: 'call',
    subject: 'Discuss the fleet',
    status: 'completed',
    priority: 'normal',
    assigneeId: 'rep-7',
    contactId: ids.ada,
    opportunityId: facts.dealId,
    phone: '+4930123456',
    dueAt: at(10),
    heldAt: at(12),
    completedAt: at(20),
    outcome: 'interested',
    reminders: [],
    firedReminderIds: [],
    version,
    ...members,
  });
  const orderState = (orderId: string, contactId: string, version: number, placedAt: string) => ({
    id: orderId,
    source: 'api',
    status: 'placed',
    contactId,
    currency: 'EUR',
    lines: [
      {
        lineId: 'l1',
        productId: 'p1',
        sku: 'SKU-1',
        name: 'Widget',
        quantity: 2,
        unitPriceMinor: 1250,
        discountBps: 0,
      },
    ],
    totals: { subtotalMinor: 2500, discountMinor: 0, taxMinor: 0, totalMinor: 2500 },
    placedAt,
    version,
  });

  beforeAll(async () => {
    const env = { KAFKA_BROKERS: kafkaBrokers() };
    // The contacts exist first (registered and churned on their own), in a namespace of their own.
    process.env.MESSAGING_NAMESPACE = uniqueName('contacts-register');
    try {
      first = await startContactsTestApp(env, { clock });
    } finally {
      delete process.env.MESSAGING_NAMESPACE;
    }
    const create = async (payload: object) => {
      const res = await first.call({
        method: 'POST',
        url: '/contacts',
        payload: { name: { given: 'Bootstrap' }, ...payload },
      });
      expect(res.statusCode).toBe(201);
      return res.json().id as string;
    };
    ids.ada = await create({ name: { given: 'Ada' } });
    ids.cy = await create({ name: { given: 'Cy' } });
    ids.dee = await create({ name: { given: 'Dee' } });
    ids.bob = await create({ name: { given: 'Bob' }, lifecycleStage: 'customer' });
    clock.set(at(60));
    const churned = await first.call({
      method: 'PATCH',
      url: `/contacts/${ids.bob}`,
      payload: { lifecycleStage: 'churned' },
    });
    expect(churned.json().lifecycleStage).toBe('churned');
    const erased = await first.call({
      method: 'POST',
      url: `/contacts/${ids.dee}/erase`,
      roles: ['sales-manager'],
    });
    expect(erased.statusCode).toBe(200);
    await first.stopApp();

    // Sales' facts, only as state messages, in a namespace no contacts consumer ever read.
    feed = createTransport(
      messagingConfigFromEnv({ KAFKA_BROKERS: env.KAFKA_BROKERS, DATABASE_URL: first.db.url }),
      { clientId: 'contacts-test-sales-feed' },
    );
    await feed.provision(
      SALES_STATE_TOPICS.map((s) => ({
        name: namespacedName(namespace, s.topic),
        partitions: 4,
        retentionMs: -1,
        cleanupPolicy: 'compact' as const,
      })),
    );
    await send([
      {
        topic: ActivityStateTopic.topic,
        type: ActivityStateTopic.type,
        subject: facts.activityId,
        time: at(20),
        data: activityState(3),
      },
      {
        topic: OrderStateTopic.topic,
        type: OrderStateTopic.type,
        subject: facts.orderId,
        time: at(30),
        data: orderState(facts.orderId, ids.ada, 1, at(30)),
      },
      {
        topic: LeadStateTopic.topic,
        type: LeadStateTopic.type,
        subject: facts.leadId,
        time: at(5),
        data: {
          id: facts.leadId,
          name: 'Cy Bootstrap',
          status: 'converted',
          source: 'web',
          score: 40,
          capturedAt: at(1),
          updatedAt: at(5),
          profile: { name: 'Cy Bootstrap' },
          contactId: ids.cy,
          opportunityId: facts.dealId,
          version: 4,
        },
      },
      // Bob's order was placed (and the deal won) before he churned: it must not win him back.
      {
        topic: OrderStateTopic.topic,
        type: OrderStateTopic.type,
        subject: facts.bobOrderId,
        time: at(40),
        data: orderState(facts.bobOrderId, ids.bob, 1, at(40)),
      },
      // Dee was erased in contacts: her order stays off every timeline.
      {
        topic: OrderStateTopic.topic,
        type: OrderStateTopic.type,
        subject: facts.deeOrderId,
        time: at(41),
        id: facts.deeOrderMessage,
        data: orderState(facts.deeOrderId, ids.dee, 1, at(41)),
      },
    ]);

    // Then the contacts app starts on that database, in that namespace.
    clock.set(at(70));
    app = await startTestServiceApp(AppModule, {
      databaseUrl: first.db.url,
      jwtSecret: SECRET,
      env: { ...env, MESSAGING_NAMESPACE: namespace },
      clock,
    });
    sql = new Client({ connectionString: first.db.url });
    await sql.connect();
  });
  afterAll(async () => {
    await feed?.close();
    await sql?.end();
    await app?.close();
    await first?.close();
  });

  it('shows the activity and the order only the state topics hold, and moves the lifecycle stage', async () => {
    const entries = await eventually(
      () => timeline(ids.ada),
      (items) => items.filter((e) => e.entryId.startsWith('sales-')).length >= 2,
    );
    expect(entries.filter((e) => e.entryId.startsWith('sales-'))).toEqual([
      {
        entryId: `sales-order-${facts.orderId}`,
        source: 'sales',
        kind: 'order',
        channel: null,
        direction: null,
        occurredAt: at(30),
        userId: null,
        subject: 'Order 25.00 EUR',
        body: null,
        details: { orderId: facts.orderId, total: { amount: '25.00', currency: 'EUR' }, lines: 1 },
      },
      {
        entryId: `sales-activity-${facts.activityId}`,
        source: 'sales',
        kind: 'sales-call',
        channel: null,
        direction: null,
        occurredAt: at(12),
        userId: 'rep-7',
        subject: 'Discuss the fleet',
        body: null,
        details: {
          activityId: facts.activityId,
          opportunityId: facts.dealId,
          outcome: 'interested',
        },
      },
    ]);
    // The order made Ada a customer; Cy's converted lead an opportunity.
    expect(
      await eventually(
        () => stageOf(ids.ada),
        (s) => s === 'customer',
      ),
    ).toBe('customer');
    expect(
      await eventually(
        () => stageOf(ids.cy),
        (s) => s === 'opportunity',
      ),
    ).toBe('opportunity');
  });

  it('skips an older event arriving after the state, and a redelivered state changes nothing', async () => {
    await eventually(
      () => timeline(ids.ada),
      (items) => items.some((e) => e.entryId === `sales-activity-${facts.activityId}`),
    );
    const before = await timeline(ids.ada);
    const changes = await stageChanges(ids.ada);
    const logged = randomUUID();
    const stateId = randomUUID();
    const olderState = randomUUID();
    await send([
      // The call as first logged (open, planned, no outcome): the state already holds what followed.
      {
        topic: topicFor('sales'),
        type: 'crm.sales.activity.logged.v1',
        subject: facts.activityId,
        time: at(8),
        id: logged,
        data: {
          activityId: facts.activityId,
          kind: 'call',
          contactId: ids.ada,
          ownerId: 'rep-1',
          subject: 'First plan',
          scheduledAt: at(10),
          status: 'open',
        },
      },
      // An older state of the call (before its completion), read late.
      {
        topic: ActivityStateTopic.topic,
        type: ActivityStateTopic.type,
        subject: facts.activityId,
        time: at(8),
        id: olderState,
        data: activityState(1, {
          status: 'open',
          heldAt: undefined,
          completedAt: undefined,
          outcome: undefined,
        }),
      },
    ]);
    // The order's state re-sent (a republish gives it a new id), then redelivered (the same id).
    const resent = {
      topic: OrderStateTopic.topic,
      type: OrderStateTopic.type,
      subject: facts.orderId,
      time: at(30),
      id: stateId,
      data: orderState(facts.orderId, ids.ada, 1, at(30)),
    };
    await send([resent]);
    expect(await consumed('contacts', [logged, olderState, stateId])).toBe(3);
    expect(await consumed('contacts.lifecycle', [stateId])).toBe(1);
    await send([resent]);
    // Positive control: a newer state of the call does move the entry.
    const newer = randomUUID();
    await send([
      {
        topic: ActivityStateTopic.topic,
        type: ActivityStateTopic.type,
        subject: facts.activityId,
        time: at(25),
        id: newer,
        data: activityState(4, { subject: 'Discuss the fleet (notes typed up)' }),
      },
    ]);
    expect(await consumed('contacts', [newer])).toBe(1);
    const after = await timeline(ids.ada);
    expect(after).toEqual(
      before.map((e) =>
        e.entryId === `sales-activity-${facts.activityId}`
          ? { ...e, subject: 'Discuss the fleet (notes typed up)' }
          : e,
      ),
    );
    expect(await stageChanges(ids.ada)).toBe(changes);
  });

  it('does not win back a contact churned after the fact, however often its state is re-read', async () => {
    const bobOrder = `sales-order-${facts.bobOrderId}`;
    // The order is on Bob's timeline (it happened), but he stays churned.
    await eventually(
      () => timeline(ids.bob),
      (items) => items.some((e) => e.entryId === bobOrder),
    );
    // A re-read at deploy (a fresh id), then a newer version (the order re-pointed later), one
    // after the other: a state topic keeps only a key's latest message, so both are not read.
    const rereads = [randomUUID(), randomUUID()];
    for (const [i, version, time] of [
      [0, 1, at(40)],
      [1, 2, at(65)],
    ] as const) {
      await send([
        {
          topic: OrderStateTopic.topic,
          type: OrderStateTopic.type,
          subject: facts.bobOrderId,
          time,
          id: rereads[i],
          data: orderState(facts.bobOrderId, ids.bob, version, at(40)),
        },
      ]);
      expect(await consumed('contacts.lifecycle', [rereads[i]])).toBe(1);
    }
    await send([
      // A deal won before the churn, its state updated after it: still the old win.
      {
        topic: OpportunityStateTopic.topic,
        type: OpportunityStateTopic.type,
        subject: facts.dealId,
        time: at(66),
        data: {
          id: facts.dealId,
          name: 'Fleet',
          pipelineId: 'p1',
          stageId: 'won',
          status: 'won',
          amountMinor: 100,
          currency: 'EUR',
          probability: 100,
          forecastCategory: 'closed',
          expectedCloseDate: at(0).slice(0, 10),
          ownerId: 'rep-7',
          contactId: ids.bob,
          stageHistory: [
            { stageId: 'new', enteredAt: at(2) },
            { stageId: 'won', enteredAt: at(45) },
          ],
          version: 9,
        },
      },
    ]);
    await eventually(
      async () =>
        (
          await sql.query(
            `SELECT 1 FROM contacts.sales_deal_contacts WHERE opportunity_id = $1 AND contact_id = $2`,
            [facts.dealId, ids.bob],
          )
        ).rowCount,
      (n) => n === 1,
    );
    expect(await stageOf(ids.bob)).toBe('churned');
    // Positive control: an order placed after the churn wins him back.
    const later = randomUUID();
    await send([
      {
        topic: OrderStateTopic.topic,
        type: OrderStateTopic.type,
        subject: later,
        time: at(71),
        data: orderState(later, ids.bob, 1, at(71)),
      },
    ]);
    expect(
      await eventually(
        () => stageOf(ids.bob),
        (s) => s === 'customer',
      ),
    ).toBe('customer');
  });

  it("never puts an erased contact's entries back", async () => {
    expect(await consumed('contacts', [facts.deeOrderMessage])).toBe(1);
    const { rows } = await sql.query(
      `SELECT contact_id FROM contacts.timeline_entries WHERE entry_id = $1`,
      [`sales-order-${facts.deeOrderId}`],
    );
    expect(rows).toEqual([]);
    expect((await call('GET', `/contacts/${ids.dee}`)).status).toBe(410);
  });
}

describe('contacts timeline and lifecycle from sales state topics (embedded transport)', () =>
  bootstrapSuite(() => ''));
describeWithKafka(
  'contacts timeline and lifecycle from sales state topics (Kafka)',
  ({ brokers }) => bootstrapSuite(() => brokers().join(',')),
);
