/**
 * Other services' facts arrive on the (embedded) transport and land on the contact's timeline;
 * a campaign unsubscribe withdraws consent; redelivery changes nothing.
 */
import { toCloudEventHeaders } from '@crm/contracts';
import { ManualClock } from '@crm/platform';
import { MESSAGE_TRANSPORT, type MessageTransport } from '@crm/messaging';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { startContactsTestApp, type ContactsTestApp } from '../testing/contacts-test-app';

describe('timeline feed from sales and campaigns (e2e, embedded transport)', () => {
  let t: ContactsTestApp;
  // The facts below happened in February and March 2026; the app's "now" is pinned after them, so
  // a consent withdrawn by an unsubscribe is never "in the future", whatever the machine's date.
  const clock = new ManualClock('2026-04-01T12:00:00.000Z');
  beforeAll(async () => {
    t = await startContactsTestApp({}, { clock });
  });
  afterAll(() => t?.close());

  async function publish(
    topic: string,
    type: string,
    subject: string,
    data: object,
    id = randomUUID(),
  ) {
    const transport = t.app.get<MessageTransport>(MESSAGE_TRANSPORT);
    await transport.provision([{ name: topic, partitions: 1, retentionMs: -1 }]);
    const headers = toCloudEventHeaders({
      id,
      type,
      source: '/crm/test',
      time: new Date().toISOString(),
      subject,
      tenant: 'tenant-a',
    });
    await transport.send([{ topic, key: subject, value: JSON.stringify(data), headers }]);
    return id;
  }

  async function eventually<T>(
    read: () => Promise<T>,
    done: (value: T) => boolean,
    timeoutMs = 20_000,
  ): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (done(value) || Date.now() > until) return value;
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  it('shows sales orders and campaign messages on the timeline, and an unsubscribe withdraws consent', async () => {
    const id = (
      await t.call({
        method: 'POST',
        url: '/contacts',
        payload: { name: { given: 'Mary' }, emails: [{ address: 'mary@x.example' }] },
      })
    ).json().id;
    await t.call({
      method: 'PUT',
      url: `/contacts/${id}/consent/email`,
      payload: { status: 'granted', legalBasis: 'consent', source: 'form' },
    });
    const orderId = randomUUID();
    const order = {
      orderId,
      contactId: id,
      lines: [
        {
          productId: 'p1',
          sku: 'SKU-1',
          quantity: 1,
          unitPrice: { amount: '10.00', currency: 'EUR' },
          lineTotal: { amount: '10.00', currency: 'EUR' },
        },
      ],
      total: { amount: '10.00', currency: 'EUR' },
      placedAt: '2026-02-01T10:00:00.000Z',
    };
    const orderEventId = await publish('crm.sales.v1', 'crm.sales.order.placed.v1', orderId, order);
    await publish('crm.sales.v1', 'crm.sales.order.placed.v1', orderId, order, orderEventId); // redelivery
    const messageId = randomUUID();
    await publish('crm.campaigns.v1', 'crm.campaigns.message.sent.v1', id, {
      messageId,
      campaignId: 'cmp1',
      contactId: id,
      channel: 'email',
      sentAt: '2026-02-02T10:00:00.000Z',
    });
    await publish('crm.campaigns.v1', 'crm.campaigns.message.unsubscribed.v1', id, {
      messageId,
      campaignId: 'cmp1',
      contactId: id,
      channel: 'email',
      unsubscribedAt: '2026-02-03T10:00:00.000Z',
    });
    // Another campaign's message bounced, and a third one was reported as spam.
    const bounced = randomUUID();
    await publish('crm.campaigns.v1', 'crm.campaigns.message.bounced.v1', id, {
      messageId: bounced,
      campaignId: 'cmp2',
      contactId: id,
      channel: 'email',
      kind: 'soft',
      code: '452',
      bouncedAt: '2026-02-04T10:00:00.000Z',
    });
    await publish('crm.campaigns.v1', 'crm.campaigns.message.complained.v1', id, {
      messageId: randomUUID(),
      campaignId: 'cmp3',
      contactId: id,
      channel: 'email',
      complainedAt: '2026-02-05T10:00:00.000Z',
    });

    const timeline = await eventually(
      async () =>
        (await t.call({ url: `/contacts/${id}/timeline` })).json().items as {
          kind: string;
          source: string;
          details: Record<string, unknown>;
        }[],
      (items) => items.length >= 5,
    );
    expect(timeline.map((e) => [e.source, e.kind])).toEqual([
      ['campaigns', 'campaign-complaint'],
      ['campaigns', 'campaign-bounce'],
      ['campaigns', 'campaign-unsubscribe'],
      ['campaigns', 'campaign-message'],
      ['sales', 'order'],
    ]);
    expect(timeline[1].details).toMatchObject({ campaignId: 'cmp2', bounce: 'soft', code: '452' });
    const consent = await eventually(
      async () => (await t.call({ url: `/contacts/${id}/consent` })).json(),
      (c) => c.channels.email?.status === 'withdrawn',
    );
    expect(consent.channels.email).toMatchObject({
      status: 'withdrawn',
      source: `campaign-message:${messageId}`,
    });
  });

  it('shows a cancelled order at its cancellation and marks the order no longer standing', async () => {
    const id = (
      await t.call({ method: 'POST', url: '/contacts', payload: { name: { given: 'Lin' } } })
    ).json().id;
    const money = { amount: '25.00', currency: 'EUR' };
    const order = (orderId: string, placedAt: string) => ({
      orderId,
      contactId: id,
      lines: [{ productId: 'p1', sku: 'SKU-1', quantity: 1, unitPrice: money, lineTotal: money }],
      total: money,
      placedAt,
    });
    const cancelled = randomUUID();
    const older = randomUUID();
    await publish(
      'crm.sales.v1',
      'crm.sales.order.placed.v1',
      cancelled,
      order(cancelled, '2026-03-02T10:00:00.000Z'),
    );
    await publish(
      'crm.sales.v1',
      'crm.sales.order.placed.v1',
      older,
      order(older, '2026-03-01T10:00:00.000Z'),
    );
    const cancellation = {
      orderId: cancelled,
      cancelledAt: '2026-03-05T10:00:00.000Z',
      reason: 'changed mind',
      contactId: id,
      totalMinor: 2500,
      currency: 'EUR',
    };
    const cancelEventId = await publish(
      'crm.sales.v1',
      'crm.sales.order.cancelled.v1',
      cancelled,
      cancellation,
    );
    await publish(
      'crm.sales.v1',
      'crm.sales.order.cancelled.v1',
      cancelled,
      cancellation,
      cancelEventId,
    ); // redelivery
    // A cancellation published before it named the contact: the order's entry knows whose it is.
    await publish('crm.sales.v1', 'crm.sales.order.cancelled.v1', older, {
      orderId: older,
      cancelledAt: '2026-03-06T10:00:00.000Z',
    });

    const items = await eventually(
      async () =>
        (await t.call({ url: `/contacts/${id}/timeline?source=sales` })).json().items as {
          entryId: string;
          kind: string;
          occurredAt: string;
          details: Record<string, unknown>;
        }[],
      (entries) => entries.length >= 4,
    );
    expect(items.map((e) => [e.entryId, e.kind, e.occurredAt])).toEqual([
      [`sales-order-cancelled-${older}`, 'order-cancelled', '2026-03-06T10:00:00.000Z'],
      [`sales-order-cancelled-${cancelled}`, 'order-cancelled', '2026-03-05T10:00:00.000Z'],
      [`sales-order-${cancelled}`, 'order', '2026-03-02T10:00:00.000Z'],
      [`sales-order-${older}`, 'order', '2026-03-01T10:00:00.000Z'],
    ]);
    const byId = new Map(items.map((e) => [e.entryId, e.details]));
    expect(byId.get(`sales-order-cancelled-${cancelled}`)).toEqual({
      orderId: cancelled,
      reason: 'changed mind',
    });
    expect(byId.get(`sales-order-${cancelled}`)).toMatchObject({
      orderId: cancelled,
      status: 'cancelled',
      endedAt: '2026-03-05T10:00:00.000Z',
    });
    expect(byId.get(`sales-order-${older}`)).toMatchObject({ status: 'cancelled' });
  });

  it('places a fact about a contact the directory has not caught up with yet (read from its stream)', async () => {
    const id = (
      await t.call({ method: 'POST', url: '/contacts', payload: { name: { given: 'Lise' } } })
    ).json().id;
    // The directory row is what lags behind a fresh registration; without it the call was dropped.
    const sql = new Client({ connectionString: t.db.url });
    await sql.connect();
    try {
      await eventually(
        async () =>
          (await sql.query('DELETE FROM contacts.contact_list WHERE contact_id = $1', [id]))
            .rowCount,
        (deleted) => deleted === 1,
      );
    } finally {
      await sql.end();
    }
    const activityId = randomUUID();
    await publish('crm.sales.v1', 'crm.sales.activity.logged.v1', activityId, {
      activityId,
      kind: 'call',
      contactId: id,
      subject: 'Welcome call',
      scheduledAt: '2026-03-02T09:00:00.000Z',
    });
    const items = await eventually(
      async () =>
        (await t.call({ url: `/contacts/${id}/timeline?source=sales` })).json().items as {
          entryId: string;
        }[],
      (found) => found.length > 0,
    );
    expect(items.map((i) => i.entryId)).toEqual([`sales-activity-${activityId}`]);
  });

  it('moves a sales call to when it was held and shows its outcome once sales reports it done', async () => {
    const id = (
      await t.call({ method: 'POST', url: '/contacts', payload: { name: { given: 'Hedy' } } })
    ).json().id;
    const activityId = randomUUID();
    await publish('crm.sales.v1', 'crm.sales.activity.logged.v1', activityId, {
      activityId,
      kind: 'call',
      contactId: id,
      subject: 'Follow-up',
      scheduledAt: '2026-03-01T09:00:00.000Z',
    });
    await publish('crm.sales.v1', 'crm.sales.activity.completed.v1', activityId, {
      activityId,
      completedAt: '2026-03-01T09:30:00.000Z',
      outcome: 'ordered brochures',
    });

    const [call] = await eventually(
      async () =>
        (await t.call({ url: `/contacts/${id}/timeline?source=sales` })).json().items as {
          entryId: string;
          occurredAt: string;
          details: Record<string, unknown>;
        }[],
      (items) => items[0]?.details.outcome !== undefined && items[0]?.details.outcome !== null,
    );
    expect(call).toMatchObject({
      entryId: `sales-activity-${activityId}`,
      occurredAt: '2026-03-01T09:30:00.000Z',
      details: { activityId, outcome: 'ordered brochures' },
    });
  });
});
