/**
 * crm.sales.v1 out and crm.contacts.v1 in, through the real transport: Kafka when the test run
 * has a broker, and always the embedded Postgres transport. The sales story is driven over HTTP.
 * The app runs in a MESSAGING_NAMESPACE of its own; the test talks to it on the namespaced topic
 * names through a transport without namespace, so it also checks where the messages really go.
 */
import {
  CompanyRegistered,
  ContactErased,
  ContactMerged,
  ContactRegistered,
  toCloudEventHeaders,
  topicFor,
} from '@crm/contracts';
import {
  createTransport,
  messagingConfigFromEnv,
  namespacedName,
  type MessageTransport,
} from '@crm/messaging';
import { ManualClock } from '@crm/platform';
import { describeWithKafka, uniqueName } from '@crm/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { CAR_PIPELINE } from '../testing/fixtures';
import { eventually } from '@crm/testing';
import { setUpPricedProduct } from '../testing/priced-product';
import { startSalesTestApp, type SalesTestApp } from '../testing/sales-test-app';

const manager = { roles: ['sales-manager' as const], sub: 'boss' };
// Business dates are relative to the app's clock, pinned; the transports run on the machine's.
const clock = new ManualClock('2026-06-15T12:00:00Z');
const inDays = (n: number) =>
  new Date(clock.now().getTime() + n * 86_400_000).toISOString().slice(0, 10);

function messagingSuite(kafkaBrokers: () => string) {
  let t: SalesTestApp;
  let namespace: string;
  let broker: MessageTransport;
  const received: { type: string; subject: string; tenant: string; data: any }[] = [];
  let stopConsumer: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    namespace = uniqueName('sales');
    process.env.MESSAGING_NAMESPACE = namespace;
    t = await startSalesTestApp({ KAFKA_BROKERS: kafkaBrokers() }, { clock });
    // The embedded log lives in the app's database (no MESSAGING_DATABASE_URL in tests).
    broker = createTransport(
      messagingConfigFromEnv({ KAFKA_BROKERS: kafkaBrokers(), DATABASE_URL: t.db.url }),
      { clientId: 'sales-messaging-e2e' },
    );
    const handle = await broker.consume({
      groupId: uniqueName('sales-test-reader'),
      topics: [namespacedName(namespace, topicFor('sales'))],
      fromBeginning: true,
      handle: async (m) => {
        received.push({
          type: m.headers.ce_type,
          subject: m.headers.ce_subject,
          tenant: m.headers.ce_tenant ?? m.headers['ce_tenant'],
          data: JSON.parse(m.value.toString()),
        });
      },
    });
    await handle.ready;
    stopConsumer = () => handle.stop();
  });
  afterAll(async () => {
    await stopConsumer?.();
    await broker?.close();
    await t?.close();
    delete process.env.MESSAGING_NAMESPACE;
  });

  const sendContactEvent = async (definition: { type: string }, subject: string, data: object) => {
    const headers = toCloudEventHeaders({
      id: randomUUID(),
      type: definition.type,
      source: '/crm/contacts',
      time: clock.now().toISOString(),
      subject,
      tenant: 'tenant-a',
    });
    await broker.send([
      {
        topic: namespacedName(namespace, topicFor('contacts')),
        key: subject,
        value: JSON.stringify(data),
        headers,
      },
    ]);
  };

  it('publishes the sales story on crm.sales.v1, re-points merged contacts and scrubs erased ones', async () => {
    const pipelineId = (await t.request('POST', '/pipelines', { as: manager, body: CAR_PIPELINE }))
      .body.id;
    const leadId = (
      await t.request('POST', '/leads', {
        body: {
          source: 'campaign',
          campaignId: 'spring',
          profile: { name: 'Ada', email: 'ada@example.com', company: 'Engines' },
        },
      })
    ).body.id;
    await t.request('POST', `/leads/${leadId}/work`, { body: {} });
    await t.request('POST', `/leads/${leadId}/qualify`);
    const conversion = (
      await t.request('POST', `/leads/${leadId}/convert`, {
        body: {
          opportunity: {
            pipelineId,
            amountMinor: 100_000,
            currency: 'EUR',
            expectedCloseDate: inDays(20),
          },
        },
      })
    ).body;
    const { contactId, companyId, opportunityId } = conversion;
    const callId = (
      await t.request('POST', '/activities', {
        body: {
          kind: 'call',
          subject: 'Intro',
          contactId,
          phone: '+4915112345678',
          notes: 'private',
          heldAt: clock.now().toISOString(),
          outcome: 'connected',
        },
      })
    ).body.id;
    const mats = await setUpPricedProduct(t, { sku: 'P-1', name: 'Mats', amountMinor: 1_050 });
    const orderId = (
      await t.request('POST', '/orders', {
        body: {
          contactId,
          currency: 'EUR',
          priceBookId: mats.priceBookId,
          taxRateBps: 1900,
          lines: [{ productId: mats.productId, quantity: 2 }],
        },
      })
    ).body.id;
    await t.request('POST', `/orders/${orderId}/cancel`, { body: { reason: 'ordered twice' } });

    await eventually(async () => {
      const types = received.map((m) => m.type);
      for (const type of [
        'pipeline.created',
        'lead.captured',
        'lead.scored',
        'lead.qualified',
        'lead.converted',
        'opportunity.opened',
        'activity.logged',
        'activity.completed',
        'order.placed',
        'order.cancelled',
      ]) {
        expect(types).toContain(`crm.sales.${type}.v1`);
      }
    }, 20_000);
    const placed = received.find((m) => m.type === 'crm.sales.order.placed.v1')!;
    expect(placed).toMatchObject({
      subject: orderId,
      data: { orderId, contactId, total: { amount: '24.99', currency: 'EUR' } },
    });
    expect(received.find((m) => m.type === 'crm.sales.lead.converted.v1')!.data).toMatchObject({
      leadId,
      contactId,
      opportunityId,
    });
    expect(JSON.stringify(received)).not.toContain('ada@example.com');
    // The facts carry the business: the deal's name, the call as held, the cancelled order's customer.
    const fact = (type: string) => received.find((m) => m.type === `crm.sales.${type}.v1`)!.data;
    expect(fact('opportunity.opened')).toMatchObject({
      amountMinor: 100_000,
      currency: 'EUR',
      state: { id: opportunityId, status: 'open', amountMinor: 100_000 },
    });
    expect(fact('opportunity.opened').name).toEqual(expect.any(String));
    expect(fact('activity.logged')).toMatchObject({
      activityId: callId,
      heldAt: clock.now().toISOString(),
      outcome: 'connected',
      status: 'completed',
    });
    expect(fact('order.placed').lines[0]).toMatchObject({
      name: 'Mats',
      unitPriceMinor: 1_050,
      grossMinor: 2_100,
      netMinor: 2_100,
    });
    expect(fact('order.cancelled')).toMatchObject({
      orderId,
      contactId,
      reason: 'ordered twice',
      totalMinor: 2_499,
      currency: 'EUR',
    });

    // The contacts service names the contact, then merges it into a survivor.
    const survivorId = randomUUID();
    await sendContactEvent(ContactRegistered, contactId, {
      contactId,
      displayName: 'Ada Lovelace',
      lifecycleStage: 'lead',
    });
    await sendContactEvent(CompanyRegistered, companyId, {
      companyId,
      name: 'Analytical Engines Ltd',
    });
    await eventually(async () => {
      const board = (await t.request('GET', `/pipelines/${pipelineId}/board`, { as: manager }))
        .body;
      expect(board.stages[0].deals[0]).toMatchObject({
        contactId,
        contactName: 'Ada Lovelace',
        companyId,
        companyName: 'Analytical Engines Ltd',
      });
    }, 20_000);
    await sendContactEvent(ContactMerged, survivorId, {
      survivorId,
      duplicateId: contactId,
      mergedAt: clock.now().toISOString(),
    });
    await eventually(async () => {
      expect((await t.request('GET', `/opportunities/${opportunityId}`)).body.contactId).toBe(
        survivorId,
      );
      expect((await t.request('GET', `/activities/${callId}`)).body.contactId).toBe(survivorId);
      expect((await t.request('GET', `/orders/${orderId}`)).body.contactId).toBe(survivorId);
      expect(
        (await t.request('GET', `/contacts/${survivorId}/orders`)).body.items.map((o: any) => o.id),
      ).toEqual([orderId]);
    }, 20_000);

    // Erasing the surviving person erases the lead converted into the duplicate and shreds the
    // call's number and notes (logged under the duplicate's key) in the log and the read models.
    expect((await t.request('GET', `/activities/${callId}`)).body.phone).toBe('+4915112345678');
    await sendContactEvent(ContactErased, survivorId, {
      contactId: survivorId,
      erasedAt: clock.now().toISOString(),
    });
    await eventually(async () => {
      expect((await t.request('GET', `/leads/${leadId}`)).body).toMatchObject({ name: '[erased]' });
      const call = (await t.request('GET', `/activities/${callId}`)).body;
      expect(call.phone).toBeUndefined();
      expect(call).toMatchObject({ kind: 'call', status: 'completed', contactId: survivorId });
      // The lead converted into the erased person is erased on the topic too.
      expect(received.find((m) => m.type === 'crm.sales.lead.erased.v1')).toMatchObject({
        subject: leadId,
        data: { leadId, erasedAt: clock.now().toISOString() },
      });
    }, 20_000);
    const db = new Client({ connectionString: t.db.url });
    await db.connect();
    try {
      const { rows } = await db.query(
        `SELECT data::text AS text FROM sales.events WHERE stream_id = $1`,
        [`activity-${callId}`],
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.map((r) => r.text).join(' ')).not.toMatch(/4915112345678|private/);
    } finally {
      await db.end();
    }
    // A redelivered erase (same effects) and events of other tenants change nothing.
    expect(
      (await t.request('GET', `/leads/${leadId}`, { as: { tenant: 'tenant-b' } })).status,
    ).toBe(404);
  });
}

describe('sales messaging over the embedded transport', () => messagingSuite(() => ''));
describeWithKafka('sales messaging over Kafka', ({ brokers }) =>
  messagingSuite(() => brokers().join(',')),
);
