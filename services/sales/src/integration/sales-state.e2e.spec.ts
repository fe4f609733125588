/**
 * The sales state sources against the real app on real PostgreSQL: after a day of changes made
 * through REST, each record's state load() folds from the log equals what its REST GET answers,
 * member by member (minus the documented reader-dependent members), and is strictly valid for its
 * state topic's schema; an erased lead or an unknown id loads as a tombstone (null).
 */
import {
  ActivityStateTopic,
  LeadStateTopic,
  OpportunityStateTopic,
  OrderStateTopic,
  PipelineStateTopic,
  PriceBookStateTopic,
  ProductStateTopic,
  QuoteStateTopic,
  validateStateValue,
  type StateTopicDefinition,
} from '@crm/contracts';
import type { EventStore } from '@crm/event-sourcing';
import { EVENT_STORE, ManualClock } from '@crm/platform';
import type { StateSource } from '@crm/messaging';
import { setUpCarCatalogue } from '../testing/car-catalogue';
import { eventually } from '@crm/testing';
import { CAR_PIPELINE } from '../testing/fixtures';
import { startSalesTestApp, type SalesTestApp } from '../testing/sales-test-app';
import {
  activityStateSource,
  leadStateSource,
  opportunityStateSource,
  orderStateSource,
  pipelineStateSource,
  priceBookStateSource,
  productStateSource,
  quoteStateSource,
} from './sales-state';

const TENANT = 'tenant-a';
const rep = { sub: 'rep-1' };
const manager = { roles: ['sales-manager' as const], sub: 'boss' };
const admin = { roles: ['admin' as const], sub: 'root' };
const clock = new ManualClock('2026-06-15T12:00:00Z');
const inDays = (n: number) =>
  new Date(clock.now().getTime() + n * 86_400_000).toISOString().slice(0, 10);

describe('sales state sources (e2e, real PostgreSQL)', () => {
  let t: SalesTestApp;
  let store: EventStore;
  let car: { productId: string; priceBookId: string };
  beforeAll(async () => {
    t = await startSalesTestApp({}, { clock });
    store = t.app.get<EventStore>(EVENT_STORE);
    car = await setUpCarCatalogue(t);
  });
  afterAll(() => t?.close());

  async function call(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: object) {
    const catalogue = ['/products', '/price-books', '/pipelines'].some((p) => url.startsWith(p));
    const res = await t.request(method, url, { as: catalogue ? manager : rep, body });
    if (res.status >= 300) throw new Error(`${method} ${url}: ${JSON.stringify(res.body)}`);
    return res.body;
  }
  const get = async (url: string) => (await t.request('GET', url, { as: rep })).body;

  /** The state equals the REST answer: the same members, each deeply equal. */
  async function expectAsRest(
    source: StateSource,
    topic: StateTopicDefinition,
    id: string,
    rest: Record<string, unknown>,
  ) {
    const state = await source.load(store, TENANT, id);
    expect(state).toEqual(rest);
    expect(validateStateValue(topic, state)).toEqual([]);
  }

  it('a lead, its deal, quote, order and activities load as REST answers them', async () => {
    const pipelineId = (await call('POST', '/pipelines', CAR_PIPELINE)).id;
    await call('PUT', `/pipelines/${pipelineId}/name`, { name: 'Cars 2026' });
    await expectAsRest(
      pipelineStateSource,
      PipelineStateTopic,
      pipelineId,
      await get(`/pipelines/${pipelineId}`),
    );
    const leadId = (
      await call('POST', '/leads', {
        source: 'web_form',
        profile: { name: 'Ada Lovelace', email: 'ada@example.com', company: 'Engines Ltd' },
      })
    ).id;
    await call('POST', `/leads/${leadId}/engagements`, { kind: 'interaction' });
    await call('POST', `/leads/${leadId}/work`, {});
    await call('POST', `/leads/${leadId}/qualify`, {});
    // Conversion names the contact and company sales minted, so they are known references.
    const converted = await call('POST', `/leads/${leadId}/convert`, {
      opportunity: {
        pipelineId,
        amountMinor: 3_000_000,
        currency: 'EUR',
        expectedCloseDate: inDays(30),
      },
    });
    const { opportunityId, contactId } = converted;
    await expectAsRest(leadStateSource, LeadStateTopic, leadId, await get(`/leads/${leadId}`));

    await call('POST', `/opportunities/${opportunityId}/stage`, { stageId: 'demo' });
    await call('PATCH', `/opportunities/${opportunityId}`, {
      name: 'Roadster for Ada',
      expectedCloseDate: inDays(20),
    });
    await call('PUT', `/opportunities/${opportunityId}/probability`, { probability: 55 });
    await expectAsRest(
      opportunityStateSource,
      OpportunityStateTopic,
      opportunityId,
      await get(`/opportunities/${opportunityId}`),
    );

    const quoteId = (
      await call('POST', '/quotes', { opportunityId, taxRateBps: 1900, validUntil: inDays(14) })
    ).id;
    await call('POST', `/quotes/${quoteId}/lines`, {
      productId: car.productId,
      priceBookId: car.priceBookId,
      optionIds: ['paint-red', 'gear-auto'],
      quantity: 1,
      discountBps: 500,
    });
    await call('POST', `/quotes/${quoteId}/send`);
    const { orderId } = await call('POST', `/quotes/${quoteId}/accept`);
    await expectAsRest(quoteStateSource, QuoteStateTopic, quoteId, await get(`/quotes/${quoteId}`));
    await call('POST', `/orders/${orderId}/cancel`, { reason: 'financing refused' });
    const order = await get(`/orders/${orderId}`);
    expect(order.lines[0].options.map((o: { optionId: string }) => o.optionId)).toContain(
      'paint-red',
    );
    await expectAsRest(orderStateSource, OrderStateTopic, orderId, order);
    // The cancellation lost the deal; its state says so like REST does.
    const lost = await get(`/opportunities/${opportunityId}`);
    expect(lost.status).toBe('lost');
    await expectAsRest(opportunityStateSource, OpportunityStateTopic, opportunityId, lost);

    const activityId = (
      await call('POST', '/activities', {
        kind: 'call',
        subject: 'Follow-up',
        contactId,
        phone: '+4915112345678',
        dueAt: `${inDays(2)}T09:00:00.000Z`,
        timeZone: 'Europe/Berlin',
        reminders: [{ reminderId: 'r1', remindAt: `${inDays(2)}T08:45:00.000Z` }],
      })
    ).id;
    await call('POST', `/activities/${activityId}/reschedule`, {
      dueAt: `${inDays(3)}T09:00:00.000Z`,
    });
    const {
      dueStatus: _clockDependent,
      contactName: _fromContacts,
      ...activity
    } = await get(`/activities/${activityId}`);
    await expectAsRest(activityStateSource, ActivityStateTopic, activityId, activity);
  });

  it('a product and a price book load as REST answers them (the book without product columns)', async () => {
    const { productId, priceBookId } = car;
    await call('PUT', `/products/${productId}/info`, { name: 'Roadster S', family: 'Cars' });
    await call('POST', `/products/${productId}/deactivate`);
    await expectAsRest(
      productStateSource,
      ProductStateTopic,
      productId,
      await get(`/products/${productId}`),
    );
    const book = await get(`/price-books/${priceBookId}`);
    await expectAsRest(priceBookStateSource, PriceBookStateTopic, priceBookId, {
      id: book.id,
      name: book.name,
      isStandard: book.isStandard,
      version: book.version,
      entries: book.entries.map((e: Record<string, unknown>) => ({
        productId: e.productId,
        currency: e.currency,
        amountMinor: e.amountMinor,
      })),
    });
  });

  it('an erased lead and an unknown id are tombstones', async () => {
    const leadId = (
      await call('POST', '/leads', { source: 'manual', profile: { name: 'Bob Stone' } })
    ).id;
    expect(await leadStateSource.load(store, TENANT, leadId)).toMatchObject({ name: 'Bob Stone' });
    const activityId = (
      await call('POST', '/activities', {
        kind: 'call',
        subject: 'Call Bob',
        leadId,
        phone: '+4915112345679',
        notes: 'prefers mornings',
        dueAt: `${inDays(1)}T09:00:00.000Z`,
      })
    ).id;
    expect(await activityStateSource.load(store, TENANT, activityId)).toMatchObject({
      phone: '+4915112345679',
    });
    const erased = await t.request('DELETE', `/leads/${leadId}/personal-data`, { as: admin });
    expect(erased.status).toBe(204);
    expect(await leadStateSource.load(store, TENANT, leadId)).toBeNull();
    // The activities that held the lead's number lose it on their state topic as in REST
    // (once the read model has applied the erasure fact the erase appended).
    await eventually(async () => {
      const { dueStatus: _clock, ...activity } = await get(`/activities/${activityId}`);
      expect(activity.phone).toBeUndefined();
      await expectAsRest(activityStateSource, ActivityStateTopic, activityId, activity);
    });
    for (const source of [leadStateSource, opportunityStateSource, orderStateSource])
      expect(await source.load(store, TENANT, 'no-such-id')).toBeNull();
    // Another tenant's records are not this tenant's subjects.
    expect(await productStateSource.load(store, 'tenant-b', leadId)).toBeNull();
  });
});
