/**
 * Campaigns as deployed: contacts, sales and campaigns as three processes on one database, the
 * marketer's segments kept current only by what crm.contacts.v1 and crm.sales.v1 carry (no call
 * from the other services to campaigns, nor from campaigns to them). A person registered in
 * contacts who buys a car in sales enters "bought a car in the last 30 days"; withdrawing email
 * consent, being merged away and being erased take them out again. Another tenant sees nothing.
 * Runs on the embedded transport and, when the run has a broker, on Kafka (where the joins are
 * also read back from crm.campaigns.v1).
 */
import { topicFor } from '@crm/contracts';
import { namespacedName } from '@crm/messaging';
import { useRunningCrm, type RunningCrm, type ServiceClient } from '@crm/platform/testing';
import { describeWithKafka, eventually, waitForTopicMessage } from '@crm/testing';

const MESSAGE_TIMEOUT_MS = 30_000;
const FLOW_TIMEOUT_MS = 4 * MESSAGE_TIMEOUT_MS;
const marketer = { roles: ['marketer' as const], sub: 'mia' };
const manager = { roles: ['sales-manager' as const], sub: 'boss' };
const admin = { roles: ['admin' as const], sub: 'root' };
/** What the other services' topics carry reaches campaigns within the message timeout. */
const arrives = <T>(check: () => Promise<T>) => eventually(check, MESSAGE_TIMEOUT_MS);

const BOUGHT_A_CAR_WITH_EMAIL_CONSENT = {
  all: [
    { field: 'purchase.family', op: 'bought', value: { anyOf: ['Cars'], within: '30d' } },
    { field: 'consent.email', op: 'eq', value: 'granted' },
  ],
};

async function ok(client: ServiceClient, method: 'POST' | 'PUT', url: string, body?: unknown) {
  const res = await client.request(method, url, { as: admin, body });
  if (res.status >= 300)
    throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function segmentIdsOf(crm: RunningCrm, contactId: string): Promise<string[]> {
  const res = await crm.campaigns.request('GET', `/contacts/${contactId}/segments`, {
    as: marketer,
  });
  expect(res.status).toBe(200);
  return res.body.items.map((s: { segmentId: string }) => s.segmentId);
}

/** A car in the catalogue with a price, through sales' API. */
async function carOnSale(
  sales: ServiceClient,
): Promise<{ productId: string; priceBookId: string }> {
  const as = { as: manager };
  const product = await sales.request('POST', '/products', {
    ...as,
    body: { sku: 'CAR-1', name: 'Roadster', family: 'Cars' },
  });
  expect(product.status).toBe(201);
  const book = await sales.request('POST', '/price-books', { ...as, body: { name: 'List' } });
  expect(book.status).toBe(201);
  const price = await sales.request(
    'PUT',
    `/price-books/${book.body.id}/prices/${product.body.id}/EUR`,
    { ...as, body: { amountMinor: 3_000_000 } },
  );
  expect(price.status).toBe(200);
  return { productId: product.body.id, priceBookId: book.body.id };
}

async function registerWithEmailConsent(contacts: ServiceClient, given: string): Promise<string> {
  const contact = await ok(contacts, 'POST', '/contacts', {
    name: { given, family: 'Campaignson' },
    emails: [{ address: `${given.toLowerCase()}@example.org` }],
  });
  await ok(contacts, 'PUT', `/contacts/${contact.id}/consent/email`, {
    status: 'granted',
    legalBasis: 'consent',
    source: 'form',
  });
  return contact.id;
}

async function theStory(crm: RunningCrm): Promise<{ segmentId: string; contactId: string }> {
  const { contacts, sales, campaigns } = crm;

  // The marketer's segment, live before anyone qualifies.
  const created = await campaigns.request('POST', '/segments', {
    as: marketer,
    body: { name: 'Bought a car lately', kind: 'dynamic', rule: BOUGHT_A_CAR_WITH_EMAIL_CONSENT },
  });
  expect(created.status).toBe(201);
  const segmentId = created.body.id;
  const activated = await campaigns.request('POST', `/segments/${segmentId}/activate`, {
    as: marketer,
  });
  expect(activated.status).toBe(200);

  // A person registers in contacts and buys a car in sales.
  const car = await carOnSale(sales);
  const contactId = await registerWithEmailConsent(contacts, 'Ada');
  const order = await sales.request('POST', '/orders', {
    as: manager,
    body: {
      contactId,
      currency: 'EUR',
      priceBookId: car.priceBookId,
      taxRateBps: 1900,
      lines: [{ productId: car.productId, quantity: 1 }],
    },
  });
  expect(order.status).toBe(201);

  // Campaigns learns both from the topics alone: she is in, and says why.
  await arrives(async () => expect(await segmentIdsOf(crm, contactId)).toEqual([segmentId]));
  const members = await campaigns.request('GET', `/segments/${segmentId}/members`, {
    as: marketer,
  });
  expect(members.body.items).toEqual([
    expect.objectContaining({
      contactId,
      why: expect.arrayContaining([expect.objectContaining({ fields: ['purchase.family'] })]),
    }),
  ]);

  // Withdrawing email consent takes her out; granting it again brings her back.
  await ok(contacts, 'PUT', `/contacts/${contactId}/consent/email`, {
    status: 'withdrawn',
    source: 'form',
  });
  await arrives(async () => expect(await segmentIdsOf(crm, contactId)).toEqual([]));
  await ok(contacts, 'PUT', `/contacts/${contactId}/consent/email`, {
    status: 'granted',
    legalBasis: 'consent',
    source: 'form',
  });
  await arrives(async () => expect(await segmentIdsOf(crm, contactId)).toEqual([segmentId]));

  // A duplicate of her who also bought a car is merged into her: the duplicate leaves, she stays.
  const duplicateId = await registerWithEmailConsent(contacts, 'Adah');
  expect(
    (
      await sales.request('POST', '/orders', {
        as: manager,
        body: {
          contactId: duplicateId,
          currency: 'EUR',
          priceBookId: car.priceBookId,
          taxRateBps: 1900,
          lines: [{ productId: car.productId, quantity: 1 }],
        },
      })
    ).status,
  ).toBe(201);
  await arrives(async () => expect(await segmentIdsOf(crm, duplicateId)).toEqual([segmentId]));
  await ok(contacts, 'POST', `/contacts/${contactId}/merge`, { duplicateId });
  await arrives(async () => expect(await segmentIdsOf(crm, duplicateId)).toEqual([]));
  expect(await segmentIdsOf(crm, contactId)).toEqual([segmentId]);
  const audience = await campaigns.request('GET', `/audience/contacts/${contactId}`, {
    as: marketer,
  });
  expect(audience.status).toBe(200);
  // The survivor inherits the duplicate's purchase history: both cars are hers now.
  await arrives(async () => {
    const view = await campaigns.request('GET', `/audience/contacts/${contactId}`, {
      as: marketer,
    });
    expect(view.body.purchases.ordersCount).toBe(2);
  });

  // Another tenant's marketer sees none of it; this tenant's does (the positive control above).
  const outsider = crm.campaignsFor('someone-else');
  const theirs = await outsider.request('GET', `/contacts/${contactId}/segments`, {
    as: marketer,
  });
  expect(theirs.status).toBe(200);
  expect(theirs.body.items).toEqual([]);
  expect((await outsider.request('GET', `/segments/${segmentId}`, { as: marketer })).status).toBe(
    404,
  );
  expect(
    (await outsider.request('GET', `/audience/contacts/${contactId}`, { as: marketer })).status,
  ).toBe(404);
  return { segmentId, contactId };
}

async function erasure(crm: RunningCrm, segmentId: string, contactId: string) {
  await ok(crm.contacts, 'POST', `/contacts/${contactId}/erase`);
  await arrives(async () => expect(await segmentIdsOf(crm, contactId)).toEqual([]));
  const audience = await crm.campaigns.request('GET', `/audience/contacts/${contactId}`, {
    as: marketer,
  });
  expect(audience.status).toBe(404);
  const members = await crm.campaigns.request('GET', `/segments/${segmentId}/members`, {
    as: marketer,
  });
  expect(members.body.items).toEqual([]);
}

describe('campaigns follows contacts and sales on the embedded transport (system e2e)', () => {
  const crm = useRunningCrm(() => undefined, { campaigns: true });

  it(
    'a car buyer enters the segment, consent, merge and erasure take people out',
    async () => {
      const { segmentId, contactId } = await theStory(crm());
      await erasure(crm(), segmentId, contactId);
    },
    FLOW_TIMEOUT_MS,
  );
});

describeWithKafka('campaigns follows contacts and sales on Kafka (system e2e)', ({ brokers }) => {
  const crm = useRunningCrm(brokers, { campaigns: true });

  it(
    "the join travels on crm.campaigns.v1 in this run's namespace; erasure takes the person out",
    async () => {
      const { segmentId, contactId } = await theStory(crm());
      const joined = await waitForTopicMessage({
        brokers: brokers(),
        topic: namespacedName(crm().namespace, topicFor('campaigns')),
        tenant: crm().tenant,
        matches: (m) =>
          m.type === 'crm.campaigns.segment.member_joined.v1' && m.data.contactId === contactId,
        timeoutMs: MESSAGE_TIMEOUT_MS,
      });
      expect(joined.data).toMatchObject({ segmentId, contactId });
      await erasure(crm(), segmentId, contactId);
    },
    FLOW_TIMEOUT_MS,
  );
});
