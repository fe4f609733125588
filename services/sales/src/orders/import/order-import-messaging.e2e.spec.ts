/**
 * An imported order reaches crm.sales.v1 and crm.sales.order.state.v1 like any order, with its
 * original dates, source `import` and its external id: over real Kafka when the run has a broker,
 * and always over the embedded transport. The state message equals the REST answer.
 */
import { OrderStateTopic, topicFor } from '@crm/contracts';
import {
  createTransport,
  messagingConfigFromEnv,
  namespacedName,
  type MessageTransport,
} from '@crm/messaging';
import { ManualClock } from '@crm/platform';
import { describeWithKafka, eventually, uniqueName } from '@crm/testing';
import { feedContacts } from '../../testing/contacts-feed';
import { startSalesTestApp, type SalesTestApp } from '../../testing/sales-test-app';

const manager = { roles: ['admin' as const], sub: 'boss' };
const clock = new ManualClock('2026-06-15T12:00:00Z');

interface Received {
  topic: string;
  type: string;
  time: string;
  subject: string;
  data: any;
}

function importMessagingSuite(kafkaBrokers: () => string) {
  let t: SalesTestApp;
  let broker: MessageTransport;
  let stop: (() => Promise<void>) | undefined;
  const received: Received[] = [];
  let namespace: string;

  beforeAll(async () => {
    namespace = uniqueName('sales-import');
    process.env.MESSAGING_NAMESPACE = namespace;
    const env = { KAFKA_BROKERS: kafkaBrokers() };
    t = await startSalesTestApp(env, { clock });
    broker = createTransport(
      messagingConfigFromEnv({ KAFKA_BROKERS: kafkaBrokers(), DATABASE_URL: t.db.url }),
      { clientId: 'sales-import-messaging-e2e' },
    );
    const topics = [topicFor('sales'), OrderStateTopic.topic].map((x) =>
      namespacedName(namespace, x),
    );
    const handle = await broker.consume({
      groupId: uniqueName('sales-import-reader'),
      topics,
      fromBeginning: true,
      handle: async (m) => {
        received.push({
          topic: m.topic,
          type: m.headers.ce_type,
          time: m.headers.ce_time,
          subject: m.headers.ce_subject,
          data: m.value ? JSON.parse(m.value.toString()) : null,
        });
      },
    });
    await handle.ready;
    stop = () => handle.stop();
    await feedContacts(t, { contacts: [{ contactId: 'c-hist', displayName: 'Historic' }] }, env);
    expect(
      (
        await t.request('POST', '/products', {
          as: manager,
          body: { sku: 'OLD-1', name: 'Old model' },
        })
      ).status,
    ).toBe(201);
  });
  afterAll(async () => {
    await stop?.();
    await broker?.close();
    await t?.close();
    delete process.env.MESSAGING_NAMESPACE;
  });

  it('publishes the imported order with its original dates and external id', async () => {
    const csv = [
      'external_order_id,placed_at,contact_id,currency,sku,quantity,unit_price,status,status_at,reason',
      'LEGACY-42,2019-05-06T08:00:00Z,c-hist,EUR,OLD-1,3,12.50,cancelled,2019-05-08,customer moved',
    ].join('\n');
    const res = await t.request('PUT', '/orders/imports/legacy', {
      as: manager,
      body: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.body).toMatchObject({ accepted: 1 });
    const orderId = (await t.request('GET', '/orders/imports/legacy/rows', { as: manager })).body
      .items[0].orderId as string;

    const ofOrder = () => received.filter((m) => m.subject === orderId);
    await eventually(async () => {
      expect(ofOrder().map((m) => m.type)).toEqual(
        expect.arrayContaining([
          'crm.sales.order.placed.v1',
          'crm.sales.order.cancelled.v1',
          OrderStateTopic.type,
        ]),
      );
    }, 30_000);
    const placed = ofOrder().find((m) => m.type === 'crm.sales.order.placed.v1')!;
    expect(placed.data).toMatchObject({
      orderId,
      contactId: 'c-hist',
      placedAt: '2019-05-06T08:00:00.000Z',
      source: 'import',
      externalId: 'LEGACY-42',
      totals: { totalMinor: 3750 },
    });
    const cancelled = ofOrder().find((m) => m.type === 'crm.sales.order.cancelled.v1')!;
    expect(cancelled.data).toMatchObject({
      cancelledAt: '2019-05-08T00:00:00.000Z',
      reason: 'customer moved',
      contactId: 'c-hist',
    });
    // ce_time is when the CRM recorded the fact (the import), so consumers' version/time order holds.
    expect(placed.time).toBe(clock.now().toISOString());

    const state = ofOrder()
      .filter((m) => m.type === OrderStateTopic.type)
      .at(-1)!;
    const rest = await t.request('GET', `/orders/${orderId}`, { as: manager });
    expect(state.data).toEqual(rest.body);
    expect(state.data).toMatchObject({
      status: 'cancelled',
      placedAt: '2019-05-06T08:00:00.000Z',
      externalId: 'LEGACY-42',
    });
  }, 60_000);
}

describe('imported orders over the embedded transport', () => importMessagingSuite(() => ''));
describeWithKafka('imported orders over Kafka', ({ brokers }) =>
  importMessagingSuite(() => brokers().join(',')),
);
