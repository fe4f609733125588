/**
 * The CRM as deployed: the contacts and sales services as two separate processes on one database
 * (each in its own schema), talking only over HTTP (lead conversion creates the contact through
 * CONTACTS_URL) and the message transport (crm.sales.v1 feeds the contacts timeline). Runs once on
 * the embedded Postgres transport and, when the test run has a broker, once on real Kafka.
 *
 * On Kafka both processes run in a MESSAGING_NAMESPACE of this run, so their topics and consumer
 * groups are their own: another test run on the same broker (contacts' Kafka e2e, a parallel CI
 * job) can neither take their partitions nor feed them its messages. The tenant is unique too.
 */
import { topicFor } from '@crm/contracts';
import { namespacedName } from '@crm/messaging';
import { describeWithKafka, uniqueName, waitForTopicMessage } from '@crm/testing';
import { setUpCarCatalogue } from '../testing/car-catalogue';
import { eventually } from '@crm/testing';
import { CAR_PIPELINE } from '../testing/fixtures';
import type { SalesTestApp } from '../testing/sales-test-app';
import { useRunningCrm, type RunningCrm } from '@crm/platform/testing';

const MESSAGE_TIMEOUT_MS = 30_000;
// Room for both bounded message waits, so a failure reports what it waited for, not a jest timeout.
const FLOW_TIMEOUT_MS = 30_000 + 2 * MESSAGE_TIMEOUT_MS;
const rep = { sub: 'rep-1' };
const manager = { roles: ['sales-manager' as const], sub: 'boss' };
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** The story of issue 6 through both services' REST APIs; returns what the transport must carry. */
async function sellACar(crm: RunningCrm) {
  const { sales, contacts } = crm;
  const created = async (res: { status: number; body: any }, what: string) => {
    if (res.status !== 200 && res.status !== 201)
      throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  const pipelineId = (
    await created(
      await sales.request('POST', '/pipelines', { as: manager, body: CAR_PIPELINE }),
      'pipeline',
    )
  ).id;
  // The catalogue helper only calls request(); this client speaks the same HTTP through a socket.
  const { productId, priceBookId } = await setUpCarCatalogue(sales as unknown as SalesTestApp);

  // Lead: captured, engaged (the score follows), worked, qualified.
  const leadId = (
    await created(
      await sales.request('POST', '/leads', {
        as: rep,
        body: {
          source: 'web_form',
          campaignId: 'spring',
          profile: {
            name: 'Grace Brewster Hopper',
            email: 'grace@example.com',
            phone: '+4915112345678',
            company: 'Compilers GmbH',
            interest: 'Roadster',
          },
        },
      }),
      'lead',
    )
  ).id;
  const before = (await sales.request('GET', `/leads/${leadId}`, { as: rep })).body.score;
  await created(
    await sales.request('POST', `/leads/${leadId}/engagements`, {
      as: rep,
      body: { kind: 'campaign-click', campaignId: 'spring' },
    }),
    'engagement',
  );
  const scored = (await sales.request('GET', `/leads/${leadId}`, { as: rep })).body;
  expect(scored.score).toBeGreaterThan(before);
  expect(scored.reasons.map((r: any) => r.rule)).toContain('engagement.campaign-clicks');
  await created(
    await sales.request('POST', `/leads/${leadId}/work`, { as: rep, body: {} }),
    'work',
  );
  await created(await sales.request('POST', `/leads/${leadId}/qualify`, { as: rep }), 'qualify');

  // Conversion: sales creates company and contact in the contacts process with the rep's token.
  const conversion = await sales.request('POST', `/leads/${leadId}/convert`, {
    as: rep,
    body: {
      opportunity: {
        pipelineId,
        amountMinor: 3_000_000,
        currency: 'EUR',
        expectedCloseDate: inDays(30),
      },
    },
  });
  expect(conversion.status).toBe(200);
  const { contactId, companyId, opportunityId } = conversion.body;

  const contact = await contacts.request('GET', `/contacts/${contactId}`, { as: rep });
  expect(contact.status).toBe(200);
  expect(contact.body).toMatchObject({
    id: contactId,
    name: { given: 'Grace Brewster', family: 'Hopper' },
    companyId,
    ownerId: 'rep-1',
  });
  expect(JSON.stringify(contact.body.emails)).toContain('grace@example.com');
  const company = await contacts.request('GET', `/companies/${companyId}`, { as: rep });
  expect(company.status).toBe(200);
  expect(company.body).toMatchObject({ name: 'Compilers GmbH' });
  // The contact belongs to this tenant only.
  const stranger = crm.contactsFor(uniqueName('other-tenant'));
  expect((await stranger.request('GET', `/contacts/${contactId}`, { as: rep })).status).toBe(404);

  // A sales call on the contact (held two hours ago, logged now), then the deal moves on.
  const heldAt = new Date(Date.now() - 2 * 3_600_000).toISOString();
  const call = await created(
    await sales.request('POST', '/activities', {
      as: rep,
      body: {
        kind: 'call',
        subject: 'Discovery call',
        contactId,
        opportunityId,
        phone: '+4915112345678',
        heldAt,
        outcome: 'connected',
      },
    }),
    'call',
  );
  for (const stageId of ['demo', 'negotiation']) {
    await created(
      await sales.request('POST', `/opportunities/${opportunityId}/stage`, {
        as: rep,
        body: { stageId },
      }),
      `stage ${stageId}`,
    );
  }

  // Quote with a configured car; sent, accepted -> order placed, deal won.
  const quoteId = (
    await created(
      await sales.request('POST', '/quotes', {
        as: rep,
        body: { opportunityId, taxRateBps: 1900, validUntil: inDays(14) },
      }),
      'quote',
    )
  ).id;
  await created(
    await sales.request('POST', `/quotes/${quoteId}/lines`, {
      as: rep,
      body: {
        productId,
        priceBookId,
        optionIds: ['paint-red', 'gear-auto'],
        quantity: 1,
        discountBps: 500,
      },
    }),
    'quote line',
  );
  const quote = (await sales.request('GET', `/quotes/${quoteId}`, { as: rep })).body;
  // Car 3 280 000 configured, - 5 % = 3 116 000, + 19 % tax = 592 040 -> 3 708 040.
  expect(quote.totals.totalMinor).toBe(3_708_040);
  await created(
    await sales.request('POST', `/quotes/${quoteId}/send`, {
      as: rep,
      headers: { 'if-match': `"${quote.version}"` },
    }),
    'send',
  );
  const acceptance = await sales.request('POST', `/quotes/${quoteId}/accept`, { as: rep });
  expect(acceptance.status).toBe(200);
  const { orderId } = acceptance.body;
  // Each write waits up to 5 s for the read models; on CI's two busy cores that wait can run out
  // (the answer then says `Read-Your-Writes: pending`), so the reads wait for the views instead.
  const order = await eventually(async () => {
    const body = (await sales.request('GET', `/orders/${orderId}`, { as: rep })).body;
    expect(body).toMatchObject({ status: 'placed', contactId, quoteId, opportunityId });
    return body;
  }, MESSAGE_TIMEOUT_MS);
  expect(order.totals.totalMinor).toBe(3_708_040);
  await eventually(async () => {
    expect(
      (await sales.request('GET', `/opportunities/${opportunityId}`, { as: rep })).body,
    ).toMatchObject({ status: 'won' });
  }, MESSAGE_TIMEOUT_MS);

  // The contacts timeline learns of the call and the order from crm.sales.v1 alone.
  const timeline = await eventually(async () => {
    const page = await contacts.request('GET', `/contacts/${contactId}/timeline?source=sales`, {
      as: rep,
    });
    expect(page.status).toBe(200);
    const ids = page.body.items.map((e: any) => e.entryId);
    expect(ids).toEqual(
      expect.arrayContaining([`sales-activity-${call.id}`, `sales-order-${orderId}`]),
    );
    const callEntry = page.body.items.find((e: any) => e.entryId === `sales-activity-${call.id}`);
    expect(callEntry.details.outcome).toBeTruthy();
    return page.body.items;
  }, MESSAGE_TIMEOUT_MS);
  expect(timeline.find((e: any) => e.entryId === `sales-activity-${call.id}`)).toMatchObject({
    source: 'sales',
    kind: 'sales-call',
    subject: 'Discovery call',
    // Outcome and held time travel on activity.completed, after activity.logged.
    occurredAt: heldAt,
    details: { opportunityId, outcome: 'connected' },
  });
  expect(timeline.find((e: any) => e.entryId === `sales-order-${orderId}`)).toMatchObject({
    source: 'sales',
    kind: 'order',
    details: { orderId, total: { amount: '37080.40', currency: 'EUR' } },
  });
  return { contactId, orderId, quoteId };
}

describe('sales and contacts as processes on the embedded transport (system e2e)', () => {
  const crm = useRunningCrm(() => undefined);

  it(
    'sells a car: conversion creates the contact, the timeline shows the call and the order',
    async () => {
      await sellACar(crm());
    },
    FLOW_TIMEOUT_MS,
  );
});

describeWithKafka('sales and contacts as processes on Kafka (system e2e)', ({ brokers }) => {
  const crm = useRunningCrm(brokers);

  it(
    "sells a car; crm.sales.v1 in this run's namespace carries the order and the contacts timeline shows it",
    async () => {
      const { contactId, orderId, quoteId } = await sellACar(crm());
      const placed = await waitForTopicMessage({
        brokers: brokers(),
        topic: namespacedName(crm().namespace, topicFor('sales')),
        tenant: crm().tenant,
        matches: (m) => m.type === 'crm.sales.order.placed.v1' && m.data.orderId === orderId,
        timeoutMs: MESSAGE_TIMEOUT_MS,
      });
      expect(placed.data).toMatchObject({
        orderId,
        contactId,
        quoteId,
        total: { amount: '37080.40', currency: 'EUR' },
      });
    },
    FLOW_TIMEOUT_MS,
  );
});
