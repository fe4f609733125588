/**
 * Analytics as deployed: contacts, sales and analytics as three processes on one database,
 * analytics fed only by what crm.contacts.v1 and crm.sales.v1 carry (no call between the
 * services). A person registered through contacts' REST API who orders through sales' shows in
 * GET /customers/{id} with the order in their statistics and holdings; another tenant sees
 * nothing (positive control: the own tenant does); erasing them in contacts makes the summary
 * 410. Embedded transport, and Kafka when the run has a broker.
 */
import {
  useRunningCrm,
  type Caller,
  type RunningCrm,
  type ServiceClient,
} from '@crm/platform/testing';
import { describeWithKafka, eventually } from '@crm/testing';

const MESSAGE_TIMEOUT_MS = 30_000;
const FLOW_TIMEOUT_MS = 4 * MESSAGE_TIMEOUT_MS;
const manager: Caller = { roles: ['sales-manager'], sub: 'boss' };
const admin: Caller = { roles: ['admin'], sub: 'root' };
const analyst: Caller = { roles: ['analyst'], sub: 'ana' };
const arrives = <T>(check: () => Promise<T>) => eventually(check, MESSAGE_TIMEOUT_MS);

async function ok(client: ServiceClient, method: 'POST' | 'PUT', url: string, body?: unknown) {
  const res = await client.request(method, url, { as: admin, body });
  if (res.status >= 300)
    throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function theStory(crm: RunningCrm): Promise<void> {
  const { contacts, sales, analytics } = crm;
  const product = await ok(sales, 'POST', '/products', {
    sku: 'CAR-1',
    name: 'Roadster',
    family: 'Cars',
  });
  const book = await ok(sales, 'POST', '/price-books', { name: 'List' });
  const price = await sales.request('PUT', `/price-books/${book.id}/prices/${product.id}/EUR`, {
    as: manager,
    body: { amountMinor: 3_000_000 },
  });
  expect(price.status).toBe(200);
  const contact = await ok(contacts, 'POST', '/contacts', {
    name: { given: 'Ada', family: 'Analytica' },
    emails: [{ address: 'ada@example.org' }],
    demographics: { gender: 'female', householdIncomeBand: 'high' },
  });
  const order = await sales.request('POST', '/orders', {
    as: manager,
    body: {
      contactId: contact.id,
      currency: 'EUR',
      priceBookId: book.id,
      taxRateBps: 0,
      lines: [{ productId: product.id, quantity: 1 }],
    },
  });
  expect(order.status).toBe(201);

  const summary = await arrives(async () => {
    const res = await analytics.request('GET', `/customers/${contact.id}`, { as: analyst });
    expect(res.status).toBe(200);
    expect(res.body.purchases.ordersCount).toBe(1);
    return res.body;
  });
  expect(summary).toMatchObject({
    contactId: contact.id,
    demographics: { gender: 'female', incomeBand: 'high' },
    purchases: { ordersCount: 1, repeatPurchases: 0, totalSpentMinor: 3_000_000, currency: 'EUR' },
    holdings: { products: [{ productId: product.id, family: 'Cars' }], families: ['Cars'] },
    model: { status: 'not-fitted' },
  });

  const other = await crm
    .analyticsFor(`${crm.tenant}-other`)
    .request('GET', `/customers/${contact.id}`, { as: analyst });
  expect(other.status).toBe(404);

  await ok(contacts, 'POST', `/contacts/${contact.id}/erase`);
  await arrives(async () => {
    const res = await analytics.request('GET', `/customers/${contact.id}`, { as: analyst });
    expect(res.status).toBe(410);
  });
}

describe('analytics follows contacts and sales on the embedded transport (system e2e)', () => {
  const crm = useRunningCrm(() => undefined, { analytics: true });

  it(
    'a person registered and an order placed through REST show in GET /customers/{id}; erasure makes it 410',
    () => theStory(crm()),
    FLOW_TIMEOUT_MS,
  );
});

describeWithKafka('analytics follows contacts and sales on Kafka (system e2e)', ({ brokers }) => {
  const crm = useRunningCrm(brokers, { analytics: true });

  it(
    'a person registered and an order placed through REST show in GET /customers/{id}; erasure makes it 410',
    () => theStory(crm()),
    FLOW_TIMEOUT_MS,
  );
});
