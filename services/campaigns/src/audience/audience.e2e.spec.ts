/**
 * The audience read model fed by real integration events: crm.contacts.v1, crm.sales.v1 and
 * their state topics published through the transport the app consumes (Kafka when the run has a
 * broker, and the embedded log), in a namespace of their own, checked in the tables the segment
 * rules read, the change queue, and GET /audience/contacts/{id}. Real PostgreSQL; the app's
 * clock is pinned and every business time derives from it.
 */
import {
  ContactArchived,
  ContactConsentChanged,
  ContactDetailsChanged,
  ContactErased,
  ContactMerged,
  ContactRegistered,
  ContactRestored,
  ContactStateTopic,
  OpportunityOpened,
  OpportunityStageChanged,
  OpportunityStateTopic,
  OrderCancelled,
  OrderPlaced,
  OrderStateTopic,
  ProductCreated,
  ProductInfoChanged,
  ProductStateTopic,
} from '@crm/contracts';
import { ManualClock } from '@crm/platform';
import { describeWithKafka, uniqueName } from '@crm/testing';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { startCampaignsTestApp, type CampaignsTestApp } from '../testing/campaigns-test-app';
import {
  openIntegrationFeed,
  type FedMessage,
  type IntegrationFeed,
} from './testing/integration-feed';

const clock = new ManualClock(new Date(Date.now() - 3 * 86_400_000).toISOString());
/** A business time n minutes after the app's clock. */
const at = (n: number) => new Date(clock.now().getTime() + n * 60_000).toISOString();
const TENANT_B = 'tenant-b';

const registered = (contactId: string, time: string, members: object = {}, tenant?: string) =>
  ({
    topic: 'contacts',
    type: ContactRegistered.type,
    subject: contactId,
    time,
    tenant,
    data: {
      contactId,
      displayName: `Person ${contactId.slice(0, 4)}`,
      lifecycleStage: 'lead',
      primaryEmail: `${contactId.slice(0, 8)}@example.com`,
      tags: ['newsletter'],
      customFields: { fleetSize: 3 },
      demographics: { ageBand: '35-44', householdIncomeBand: 'middle' },
      addresses: [
        { addressId: 'a-1', primary: true, lines: ['1 Main St'], city: 'Berlin', country: 'DE' },
      ],
      bestTimeToCall: { timeZone: 'Europe/Berlin', windows: [] },
      ...members,
    },
  }) satisfies FedMessage;

const line = (productId: string, netMinor: number, options: string[] = []) => ({
  productId,
  sku: `SKU-${productId}`,
  name: `Product ${productId}`,
  quantity: 1,
  unitPrice: { amount: (netMinor / 100).toFixed(2), currency: 'EUR' },
  lineTotal: { amount: (netMinor / 100).toFixed(2), currency: 'EUR' },
  netMinor,
  options: options.map((optionId) => ({
    groupId: 'g',
    optionId,
    name: optionId,
    priceDeltaMinor: 0,
    defaulted: false,
  })),
});

const placed = (
  orderId: string,
  contactId: string,
  time: string,
  lines: ReturnType<typeof line>[],
  tenant?: string,
) =>
  ({
    topic: 'sales',
    type: OrderPlaced.type,
    subject: orderId,
    time,
    tenant,
    data: {
      orderId,
      contactId,
      lines,
      total: { amount: '0.00', currency: 'EUR' },
      currency: 'EUR',
      totals: {
        subtotalMinor: 0,
        discountMinor: 0,
        taxMinor: 0,
        totalMinor: lines.reduce((sum, l) => sum + l.netMinor, 0),
      },
      placedAt: time,
    },
  }) satisfies FedMessage;

const contactState = (id: string, version: number, members: object = {}) => ({
  id,
  version,
  status: 'active',
  name: { given: 'Grace' },
  displayName: 'Grace Hopper',
  emails: [{ address: 'grace@example.com', primary: true }],
  phones: [],
  addresses: [],
  tags: ['state-only'],
  customFields: {},
  lifecycleStage: 'customer',
  consent: { email: { status: 'granted', source: 'web_form', at: at(0) } },
  ...members,
});

function audienceSuite(kafkaBrokers: () => string) {
  let t: CampaignsTestApp;
  let pool: Pool;
  let feed: IntegrationFeed;

  beforeAll(async () => {
    process.env.MESSAGING_NAMESPACE = uniqueName('campaigns-audience');
    t = await startCampaignsTestApp({ KAFKA_BROKERS: kafkaBrokers() }, { clock });
    pool = new Pool({ connectionString: t.db.url, max: 2 });
    feed = openIntegrationFeed(t, pool, { KAFKA_BROKERS: kafkaBrokers() });
    // The membership re-evaluation drains audience_changes as it goes: a trigger keeps every
    // upsert of the queue, so the test sees what was queued whenever the drain ran.
    await pool.query(`
      CREATE TABLE audience_changes_tap (seq bigserial PRIMARY KEY, tenant text, contact_id text,
        changed_at timestamptz, merged_into text, erased boolean);
      CREATE FUNCTION tap_audience_changes() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        INSERT INTO audience_changes_tap (tenant, contact_id, changed_at, merged_into, erased)
          VALUES (NEW.tenant, NEW.contact_id, NEW.changed_at, NEW.merged_into, NEW.erased);
        RETURN NEW; END $$;
      CREATE TRIGGER tap AFTER INSERT OR UPDATE ON campaigns.audience_changes
        FOR EACH ROW EXECUTE FUNCTION tap_audience_changes();`);
  }, 60_000);
  afterAll(async () => {
    await feed?.close();
    await pool?.end();
    await t?.close();
    delete process.env.MESSAGING_NAMESPACE;
  });

  const contactRow = async (contactId: string, tenant = 'tenant-a') =>
    (
      await pool.query(
        `SELECT display_name, email, lifecycle_stage, status, tags, custom_fields, age_band,
                household_income_band, time_zone, country, consent, orders_count,
                total_spent_minor::int, spend_currency, first_order_at, last_order_at
           FROM campaigns.audience_contacts WHERE tenant = $1 AND contact_id = $2`,
        [tenant, contactId],
      )
    ).rows[0];
  const lines = async (contactId: string, tenant = 'tenant-a') =>
    (
      await pool.query(
        `SELECT order_id, line_no, product_id, product_family, options, net_minor::int, status
           FROM campaigns.audience_order_lines WHERE tenant = $1 AND contact_id = $2
          ORDER BY order_id, line_no`,
        [tenant, contactId],
      )
    ).rows;
  /** The contact's latest entry in the change queue, as the tap saw it (the drain deletes rows). */
  const queued = async (contactId: string, tenant = 'tenant-a') =>
    (
      await pool.query(
        `SELECT changed_at, merged_into, erased FROM audience_changes_tap
          WHERE tenant = $1 AND contact_id = $2 ORDER BY seq DESC LIMIT 1`,
        [tenant, contactId],
      )
    ).rows[0];
  const timesQueued = async (contactId: string) =>
    (
      await pool.query(
        `SELECT count(*)::int AS n FROM audience_changes_tap WHERE tenant = 'tenant-a' AND contact_id = $1`,
        [contactId],
      )
    ).rows[0].n;
  /** Every audience row that names the contact, in every table. */
  const everything = async (contactId: string, tenant = 'tenant-a') => {
    const found: Record<string, unknown[]> = {};
    for (const table of [
      'audience_contacts',
      'audience_orders',
      'audience_order_lines',
      'audience_deals',
    ]) {
      const { rows } = await pool.query(
        `SELECT * FROM campaigns.${table} WHERE tenant = $1 AND contact_id = $2 ORDER BY 1, 2, 3`,
        [tenant, contactId],
      );
      if (rows.length) found[table] = rows;
    }
    return found;
  };
  const snapshot = async () => {
    const tables = [
      'audience_contacts',
      'audience_orders',
      'audience_order_lines',
      'audience_products',
      'audience_deals',
      'audience_contact_marks',
    ];
    const all: Record<string, unknown[]> = {};
    for (const table of tables)
      all[table] = (await pool.query(`SELECT * FROM campaigns.${table} ORDER BY 1, 2, 3`)).rows;
    all.queued = (await pool.query(`SELECT * FROM audience_changes_tap ORDER BY seq`)).rows;
    return all;
  };

  it('a registration, a details change and a consent withdrawal shape the profile; each queues the contact', async () => {
    const id = randomUUID();
    await feed.deliver(registered(id, at(1)));
    expect(await contactRow(id)).toMatchObject({
      display_name: `Person ${id.slice(0, 4)}`,
      email: `${id.slice(0, 8)}@example.com`,
      lifecycle_stage: 'lead',
      status: 'active',
      tags: ['newsletter'],
      custom_fields: { fleetSize: 3 },
      age_band: '35-44',
      time_zone: 'Europe/Berlin',
      country: 'DE',
      consent: { email: 'unknown', sms: 'unknown', phone: 'unknown', post: 'unknown' },
      orders_count: 0,
    });
    const first = await queued(id);
    expect(first).toMatchObject({ merged_into: null, erased: false });

    await feed.deliver({
      topic: 'contacts',
      type: ContactDetailsChanged.type,
      subject: id,
      time: at(2),
      data: {
        contactId: id,
        changed: ['tags', 'lifecycleStage'],
        tags: ['vip'],
        lifecycleStage: 'customer',
      },
    });
    await feed.deliver({
      topic: 'contacts',
      type: ContactConsentChanged.type,
      subject: id,
      time: at(3),
      data: {
        contactId: id,
        channel: 'email',
        status: 'withdrawn',
        legalBasis: null,
        source: 'customer_portal',
        changedAt: at(3),
      },
    });
    const row = await contactRow(id);
    // Members the change did not carry stay as they were.
    expect(row).toMatchObject({
      tags: ['vip'],
      lifecycle_stage: 'customer',
      email: `${id.slice(0, 8)}@example.com`,
      country: 'DE',
      consent: { email: 'withdrawn', sms: 'unknown', phone: 'unknown', post: 'unknown' },
    });
    expect(await timesQueued(id)).toBe(3);

    const view = await t.request('GET', `/audience/contacts/${id}`, {
      as: { roles: ['analyst'], sub: 'ana' },
    });
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      contactId: id,
      tags: ['vip'],
      consent: { email: 'withdrawn' },
      demographics: { ageBand: '35-44', householdIncomeBand: 'middle' },
      purchases: { ordersCount: 0, totalSpentMinor: 0 },
      lastOrders: [],
    });
    const unknown = await t.request('GET', `/audience/contacts/${randomUUID()}`);
    expect([unknown.status, unknown.headers['content-type']]).toEqual([
      404,
      expect.stringContaining('application/problem+json'),
    ]);
  });

  it('an order before the registration is kept; the product family fills in later; a cancellation undoes the sale', async () => {
    const id = randomUUID();
    const car = randomUUID();
    const mat = randomUUID();
    const [o1, o2] = [randomUUID(), randomUUID()];
    await feed.deliver(
      placed(o1, id, at(10), [line(car, 3_000_000, ['automatic']), line(mat, 5_000)]),
    );
    expect(await contactRow(id)).toBeUndefined();
    expect(await lines(id)).toHaveLength(2);

    await feed.deliver(registered(id, at(11)));
    expect(await contactRow(id)).toMatchObject({
      orders_count: 1,
      total_spent_minor: 3_005_000,
      spend_currency: 'EUR',
      first_order_at: new Date(at(10)),
      last_order_at: new Date(at(10)),
    });

    await feed.deliver({
      topic: 'sales',
      type: ProductCreated.type,
      subject: car,
      time: at(12),
      data: {
        productId: car,
        sku: `SKU-${car}`,
        name: 'Roadster',
        family: 'Cars',
        createdAt: at(12),
        state: {
          id: car,
          sku: `SKU-${car}`,
          name: 'Roadster',
          family: 'Cars',
          active: true,
          options: { groups: [], rules: [] },
          version: 1,
        },
      },
    });
    await feed.deliver(placed(o2, id, at(13), [line(car, 2_000_000)]));
    expect((await lines(id)).map((l) => [l.order_id, l.product_family, l.options])).toEqual(
      [
        [o1, 'Cars', ['automatic']],
        [o1, null, []],
        [o2, 'Cars', []],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    // A family change is back-filled on every line of the product.
    await feed.deliver({
      topic: 'sales',
      type: ProductInfoChanged.type,
      subject: car,
      time: at(14),
      data: { productId: car, name: 'Roadster', family: 'Sports cars', changedAt: at(14) },
    });
    expect(
      (await lines(id)).filter((l) => l.product_id === car).map((l) => l.product_family),
    ).toEqual(['Sports cars', 'Sports cars']);
    expect(await contactRow(id)).toMatchObject({
      orders_count: 2,
      total_spent_minor: 5_005_000,
      last_order_at: new Date(at(13)),
    });

    await feed.deliver({
      topic: 'sales',
      type: OrderCancelled.type,
      subject: o2,
      time: at(15),
      data: {
        orderId: o2,
        cancelledAt: at(15),
        contactId: id,
        totalMinor: 2_000_000,
        currency: 'EUR',
      },
    });
    expect(await contactRow(id)).toMatchObject({
      orders_count: 1,
      total_spent_minor: 3_005_000,
      last_order_at: new Date(at(10)),
    });
    expect((await lines(id)).filter((l) => l.order_id === o2).map((l) => l.status)).toEqual([
      'cancelled',
    ]);
    const view = await t.request('GET', `/audience/contacts/${id}`);
    expect(view.body.purchases).toEqual({
      ordersCount: 1,
      totalSpentMinor: 3_005_000,
      spendCurrency: 'EUR',
      firstOrderAt: at(10),
      lastOrderAt: at(10),
    });
    expect(
      view.body.lastOrders.map((o: { orderId: string; status: string }) => [o.orderId, o.status]),
    ).toEqual([
      [o2, 'cancelled'],
      [o1, 'placed'],
    ]);
  });

  it('a merge: the survivor inherits the orders and deals, the duplicate is gone; a late order of the duplicate goes to the survivor', async () => {
    const [survivor, duplicate] = [randomUUID(), randomUUID()];
    const deal = randomUUID();
    await feed.deliver(registered(survivor, at(20)));
    await feed.deliver(registered(duplicate, at(20)));
    await feed.deliver(placed(randomUUID(), survivor, at(21), [line(randomUUID(), 1_000)]));
    await feed.deliver(placed(randomUUID(), duplicate, at(21), [line(randomUUID(), 2_500)]));
    await feed.deliver({
      topic: 'sales',
      type: OpportunityOpened.type,
      subject: deal,
      time: at(22),
      data: {
        opportunityId: deal,
        pipelineId: 'p-1',
        stageId: 'qualify',
        contactId: duplicate,
        amount: { amount: '20000.00', currency: 'EUR' },
        probability: 0.2,
      },
    });
    await feed.deliver({
      topic: 'contacts',
      type: ContactMerged.type,
      subject: survivor,
      time: at(23),
      data: { survivorId: survivor, duplicateId: duplicate, mergedAt: at(23) },
    });
    expect(await everything(duplicate)).toEqual({});
    expect(await contactRow(survivor)).toMatchObject({ orders_count: 2, total_spent_minor: 3_500 });
    expect(await queued(duplicate)).toMatchObject({ merged_into: survivor, erased: false });
    expect(await queued(survivor)).toMatchObject({ merged_into: null, erased: false });

    await feed.deliver(placed(randomUUID(), duplicate, at(24), [line(randomUUID(), 500)]));
    await feed.deliver({
      topic: 'sales',
      type: OpportunityStageChanged.type,
      subject: deal,
      time: at(25),
      data: {
        opportunityId: deal,
        pipelineId: 'p-1',
        fromStageId: 'qualify',
        toStageId: 'negotiate',
        probability: 0.6,
        changedAt: at(25),
      },
    });
    expect(await everything(duplicate)).toEqual({});
    expect(await contactRow(survivor)).toMatchObject({ orders_count: 3, total_spent_minor: 4_000 });
    const view = await t.request('GET', `/audience/contacts/${survivor}`);
    expect(view.body.deals).toEqual([
      {
        opportunityId: deal,
        stageId: 'negotiate',
        status: 'open',
        amountMinor: 2_000_000,
        currency: 'EUR',
      },
    ]);
    expect((await t.request('GET', `/audience/contacts/${duplicate}`)).status).toBe(404);
  });

  it('an erasure leaves nothing of the person in any audience table; the queue says erased; nothing revives them', async () => {
    const id = randomUUID();
    await feed.deliver(registered(id, at(30)));
    await feed.deliver(placed(randomUUID(), id, at(31), [line(randomUUID(), 9_900)]));
    await feed.deliver({
      topic: 'sales',
      type: OpportunityOpened.type,
      subject: randomUUID(),
      time: at(31),
      data: {
        opportunityId: randomUUID(),
        pipelineId: 'p',
        stageId: 's',
        contactId: id,
        amount: { amount: '1.00', currency: 'EUR' },
        probability: 0.1,
      },
    });
    // Positive control: the person is in every table first.
    expect(Object.keys(await everything(id)).sort()).toEqual([
      'audience_contacts',
      'audience_deals',
      'audience_order_lines',
      'audience_orders',
    ]);
    await feed.deliver({
      topic: 'contacts',
      type: ContactErased.type,
      subject: id,
      time: at(32),
      data: { contactId: id, erasedAt: at(32) },
    });
    expect(await everything(id)).toEqual({});
    expect(await queued(id)).toMatchObject({ erased: true });

    // A replayed registration, a state and an order of the erased person keep nothing.
    await feed.deliver(registered(id, at(33)));
    await feed.deliver({
      topic: 'state',
      type: ContactStateTopic.type,
      subject: id,
      time: at(34),
      data: contactState(id, 9),
    });
    await feed.deliver(placed(randomUUID(), id, at(35), [line(randomUUID(), 100)]));
    expect(await everything(id)).toEqual({});
    expect((await t.request('GET', `/audience/contacts/${id}`)).status).toBe(404);
  });

  it('a redelivered event changes nothing', async () => {
    const id = randomUUID();
    const orderId = randomUUID();
    await feed.deliver(registered(id, at(40)));
    const order = placed(orderId, id, at(41), [line(randomUUID(), 700)]);
    const eventId = await feed.deliver(order);
    const before = await snapshot();
    expect(before.audience_orders.some((o: any) => o.order_id === orderId)).toBe(true);
    await feed.deliver({ ...order, id: eventId, time: at(45) });
    // A fact after it on the same partition (key): once it is handled, so was the redelivery.
    const sentinel = randomUUID();
    await feed.deliver({
      ...registered(sentinel, at(46)),
      subject: orderId,
      topic: 'sales',
      type: OrderCancelled.type,
      data: { orderId: randomUUID(), cancelledAt: at(46) },
    });
    expect(await snapshot()).toEqual(before);
    expect(await contactRow(id)).toMatchObject({ orders_count: 1, total_spent_minor: 700 });
  });

  it('the state topics bootstrap a contact and an order whose events are not on the event topics; older facts change nothing', async () => {
    const id = randomUUID();
    const orderId = randomUUID();
    const product = randomUUID();
    await feed.deliver({
      topic: 'state',
      type: ProductStateTopic.type,
      subject: product,
      time: at(50),
      data: {
        id: product,
        version: 3,
        sku: 'RDST',
        name: 'Roadster',
        family: 'Cars',
        active: true,
        options: { groups: [], rules: [] },
      },
    });
    await feed.deliver({
      topic: 'state',
      type: ContactStateTopic.type,
      subject: id,
      time: at(51),
      data: contactState(id, 4),
    });
    await feed.deliver({
      topic: 'state',
      type: OrderStateTopic.type,
      subject: orderId,
      time: at(52),
      data: {
        id: orderId,
        source: 'api',
        status: 'fulfilled',
        contactId: id,
        currency: 'EUR',
        placedAt: at(49),
        totals: { subtotalMinor: 800, discountMinor: 0, taxMinor: 200, totalMinor: 1_000 },
        lines: [
          {
            lineId: 'l1',
            productId: product,
            sku: 'RDST',
            name: 'Roadster',
            options: [
              {
                groupId: 'gearbox',
                optionId: 'automatic',
                name: 'Automatic',
                priceDeltaMinor: 0,
                defaulted: false,
              },
            ],
            quantity: 1,
            unitPriceMinor: 800,
            discountBps: 0,
            grossMinor: 800,
            discountMinor: 0,
            netMinor: 800,
          },
        ],
        version: 2,
      },
    });
    const bootstrapped = {
      display_name: 'Grace Hopper',
      email: 'grace@example.com',
      lifecycle_stage: 'customer',
      tags: ['state-only'],
      consent: { email: 'granted', sms: 'unknown', phone: 'unknown', post: 'unknown' },
      orders_count: 1,
      total_spent_minor: 1_000,
      spend_currency: 'EUR',
    };
    expect(await contactRow(id)).toMatchObject(bootstrapped);
    expect(await lines(id)).toEqual([
      {
        order_id: orderId,
        line_no: 1,
        product_id: product,
        product_family: 'Cars',
        options: ['automatic'],
        net_minor: 800,
        status: 'placed',
      },
    ]);

    // Facts the states already hold (older than them) and an older state: nothing changes.
    const before = await snapshot();
    await feed.deliver(registered(id, at(48), { displayName: 'Old name', tags: [] }));
    await feed.deliver({
      topic: 'state',
      type: ContactStateTopic.type,
      subject: id,
      time: at(47),
      data: contactState(id, 3, { displayName: 'Older state' }),
    });
    await feed.deliver({ ...placed(orderId, id, at(49), [line(product, 1)]) });
    await feed.deliver({
      topic: 'state',
      type: ProductStateTopic.type,
      subject: product,
      time: at(46),
      data: {
        id: product,
        version: 2,
        sku: 'RDST',
        name: 'Roadster',
        family: 'Vans',
        active: true,
        options: { groups: [], rules: [] },
      },
    });
    expect(await snapshot()).toEqual(before);

    // A newer fact does apply, and a tombstone removes the person for good.
    await feed.deliver({
      topic: 'contacts',
      type: ContactConsentChanged.type,
      subject: id,
      time: at(53),
      data: {
        contactId: id,
        channel: 'sms',
        status: 'granted',
        legalBasis: 'consent',
        source: 'web_form',
        changedAt: at(53),
      },
    });
    expect((await contactRow(id)).consent).toMatchObject({ email: 'granted', sms: 'granted' });
    await feed.deliver({
      topic: 'state',
      type: ContactStateTopic.type,
      subject: id,
      time: at(54),
      data: null,
    });
    expect(await everything(id)).toEqual({});
    await feed.deliver({
      topic: 'state',
      type: ContactStateTopic.type,
      subject: id,
      time: at(55),
      data: contactState(id, 9),
    });
    expect(await everything(id)).toEqual({});
  });

  it('a state and the events of one contact, in any interleaving of the two topics, end in the same row', async () => {
    const events = (id: string): FedMessage[] => [
      registered(id, at(70), { displayName: 'Ada', tags: ['a'] }),
      {
        topic: 'contacts',
        type: ContactDetailsChanged.type,
        subject: id,
        time: at(71),
        data: { contactId: id, changed: ['tags'], tags: ['a', 'b'] },
      },
      {
        topic: 'contacts',
        type: ContactConsentChanged.type,
        subject: id,
        time: at(72),
        data: {
          contactId: id,
          channel: 'email',
          status: 'granted',
          legalBasis: 'consent',
          source: 'web_form',
          changedAt: at(72),
        },
      },
    ];
    const consent = { email: { status: 'granted', source: 'web_form', at: at(72) } };
    const states = (id: string): FedMessage[] =>
      [
        contactState(id, 1, { displayName: 'Ada', tags: ['a'], consent: {} }),
        contactState(id, 2, { displayName: 'Ada', tags: ['a', 'b'], consent: {} }),
        contactState(id, 3, { displayName: 'Ada', tags: ['a', 'b'], consent }),
      ].map((data, i) => ({
        topic: 'state',
        type: ContactStateTopic.type,
        subject: id,
        time: at(70 + i),
        data,
      }));
    // e = the next event, s = the next state; each topic keeps its own order. '.': a bootstrap
    // (the registration expired from the event topic, compaction kept the newest state).
    const plans = ['eeesss', 'ssseee', 'eseses', 'sseese', 'sesees', '.ees', '.ese', '.see'];
    const rows = [];
    for (const plan of plans) {
      const id = randomUUID();
      const pending = { e: events(id), s: states(id) };
      if (plan.startsWith('.')) {
        pending.e.shift();
        pending.s.splice(0, 2);
      }
      for (const step of plan.replace('.', '')) {
        await feed.deliver((step === 'e' ? pending.e : pending.s).shift()!);
        // Once the newest state is in, no older fact may bring an old value back.
        if (pending.s.length === 0) {
          const row = await contactRow(id);
          rows.push([
            plan,
            { tags: row.tags, consent: row.consent, display_name: row.display_name },
          ]);
        }
      }
    }
    const expected = {
      tags: ['a', 'b'],
      consent: { email: 'granted', sms: 'unknown', phone: 'unknown', post: 'unknown' },
      display_name: 'Ada',
    };
    expect(rows).toEqual(rows.map(([plan]) => [plan, expected]));
    expect(rows.length).toBeGreaterThan(plans.length);
  });

  it('archive and restore set the status; a deal from the opportunity state topic', async () => {
    const id = randomUUID();
    const deal = randomUUID();
    await feed.deliver(registered(id, at(80)));
    await feed.deliver({
      topic: 'contacts',
      type: ContactArchived.type,
      subject: id,
      time: at(81),
      data: { contactId: id, archivedAt: at(81), status: 'archived' },
    });
    expect((await contactRow(id)).status).toBe('archived');
    await feed.deliver({
      topic: 'contacts',
      type: ContactRestored.type,
      subject: id,
      time: at(82),
      data: { contactId: id, restoredAt: at(82), status: 'active' },
    });
    expect((await contactRow(id)).status).toBe('active');
    const opportunity = (version: number, members: object) => ({
      topic: 'state' as const,
      type: OpportunityStateTopic.type,
      subject: deal,
      time: at(82 + version),
      data: {
        id: deal,
        name: 'Fleet deal',
        pipelineId: 'p',
        stageId: 'proposal',
        status: 'open',
        amountMinor: 5_000_000,
        currency: 'EUR',
        probability: 40,
        forecastCategory: 'pipeline',
        expectedCloseDate: at(0).slice(0, 10),
        ownerId: 'rep-1',
        contactId: id,
        version,
        ...members,
      },
    });
    await feed.deliver(opportunity(2, { stageId: 'won', status: 'won' }));
    await feed.deliver(opportunity(1, {}));
    const view = await t.request('GET', `/audience/contacts/${id}`);
    expect(view.body.deals).toEqual([
      {
        opportunityId: deal,
        stageId: 'won',
        status: 'won',
        amountMinor: 5_000_000,
        currency: 'EUR',
      },
    ]);
  });

  it('registrations and orders handled at the same moment: every summary counts its order', async () => {
    const ids = Array.from({ length: 24 }, () => randomUUID());
    // Interleaved in one batch over both topics: the consumer handles them concurrently.
    const sent = await feed.send(
      ids.flatMap((id, i) => [
        placed(randomUUID(), id, at(90), [line(randomUUID(), 100 + i)]),
        registered(id, at(90)),
      ]),
    );
    await feed.handled(sent);
    const { rows } = await pool.query(
      `SELECT contact_id, orders_count, total_spent_minor::int FROM campaigns.audience_contacts
        WHERE tenant = 'tenant-a' AND contact_id = ANY($1::text[]) ORDER BY contact_id`,
      [ids],
    );
    expect(rows).toEqual(
      ids
        .map((id, i) => ({ contact_id: id, orders_count: 1, total_spent_minor: 100 + i }))
        .sort((a, b) => a.contact_id.localeCompare(b.contact_id)),
    );
  });

  it("tenant B's facts never touch tenant A's rows (positive control: they land in B's)", async () => {
    const id = randomUUID();
    const product = randomUUID();
    await feed.deliver(registered(id, at(60), { displayName: 'In A' }));
    await feed.deliver(placed(randomUUID(), id, at(61), [line(product, 1_000)]));
    const tenantA = await everything(id);

    await feed.deliver(registered(id, at(62), { displayName: 'In B' }, TENANT_B));
    await feed.deliver(placed(randomUUID(), id, at(63), [line(product, 50_000)], TENANT_B));
    await feed.deliver({
      topic: 'contacts',
      type: ContactConsentChanged.type,
      subject: id,
      time: at(64),
      tenant: TENANT_B,
      data: {
        contactId: id,
        channel: 'email',
        status: 'withdrawn',
        legalBasis: null,
        source: 'x',
        changedAt: at(64),
      },
    });
    await feed.deliver({
      topic: 'sales',
      type: ProductCreated.type,
      subject: product,
      time: at(65),
      tenant: TENANT_B,
      data: {
        productId: product,
        sku: 'B',
        name: 'B',
        family: 'Only in B',
        createdAt: at(65),
        state: {
          id: product,
          sku: 'B',
          name: 'B',
          active: true,
          options: { groups: [], rules: [] },
          version: 1,
        },
      },
    });
    await feed.deliver({
      topic: 'contacts',
      type: ContactErased.type,
      subject: id,
      time: at(66),
      tenant: TENANT_B,
      data: { contactId: id, erasedAt: at(66) },
    });

    expect(await everything(id)).toEqual(tenantA);
    expect(await contactRow(id)).toMatchObject({
      display_name: 'In A',
      orders_count: 1,
      total_spent_minor: 1_000,
    });
    expect((await queued(id, TENANT_B)).erased).toBe(true);
    expect((await queued(id)).erased).toBe(false);
    const bProducts = await pool.query(
      `SELECT tenant, family FROM campaigns.audience_products WHERE product_id = $1`,
      [product],
    );
    expect(bProducts.rows).toEqual([{ tenant: TENANT_B, family: 'Only in B' }]);
    const asB = await t.request('GET', `/audience/contacts/${id}`, {
      as: { tenant: TENANT_B, roles: ['marketer'], sub: 'm-b' },
    });
    expect(asB.status).toBe(404);
    expect((await t.request('GET', `/audience/contacts/${id}`)).body.displayName).toBe('In A');
  });
}

describe('campaigns audience (embedded transport)', () => audienceSuite(() => ''));
describeWithKafka('campaigns audience (Kafka)', ({ brokers }) =>
  audienceSuite(() => brokers().join(',')),
);
