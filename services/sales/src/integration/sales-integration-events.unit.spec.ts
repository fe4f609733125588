import { assertValidPayload, SALES_EVENTS } from '@crm/contracts';
import type { DomainEvent, RecordedEvent } from '@crm/event-sourcing';
import type { IntegrationEventDraft } from '@crm/messaging';
import { activityDecider } from '../activities/activity.decider';
import { CAR_BASE_PRICE_EUR, carModel } from '../cpq/car.fixture';
import { EMPTY_MODEL } from '../cpq/configuration-model';
import { pipelineDecider } from '../pipelines/pipeline.decider';
import { priceBookDecider } from '../price-books/price-book.decider';
import { productDecider } from '../products/product.decider';
import { leadDecider } from '../leads/lead.decider';
import { opportunityDecider } from '../opportunities/opportunity.decider';
import { orderDecider } from '../orders/order.decider';
import { quoteDecider } from '../quotes/quote.decider';
import type { Decider } from '@crm/event-sourcing';
import { salesIntegrationEvents } from './sales-integration-events';
import { moneyJson, unitMoneyJson } from './money-json';

const at = '2026-11-23T10:00:00.000Z';
const stages = [
  { stageId: 'a', name: 'A', kind: 'open' as const, probability: 25 },
  { stageId: 'b', name: 'B', kind: 'open' as const, probability: 75 },
  { stageId: 'w', name: 'W', kind: 'won' as const, probability: 100 },
  { stageId: 'l', name: 'L', kind: 'lost' as const, probability: 0 },
];
const pipeline = { pipelineId: 'p1', stages };

/** Each story event's version in its own stream (a story is one aggregate's stream). */
const streamVersions = new WeakMap<object, number>();

/** Runs commands through a decider, collecting every event it decides: a real story, not hand-made events. */
function story<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, commands: C[]): E[] {
  let state = decider.initialState();
  const events: E[] = [];
  for (const command of commands) {
    const decided = decider.decide(command, state);
    state = decided.reduce(decider.evolve, state);
    events.push(...decided);
  }
  events.forEach((event, i) => streamVersions.set(event, i + 1));
  return events;
}

const recorded = (event: DomainEvent, i: number): RecordedEvent => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  type: event.type,
  schemaVersion: 1,
  data: event.data,
  metadata: { tenant: 't', occurredAt: at },
  tenant: 't',
  streamId: 'x-1',
  streamVersion: streamVersions.get(event) ?? i + 1,
  position: { commit: 1n, prepare: BigInt(i) },
  createdAt: new Date(at),
});

/** A quote line for floor mats (no options). */
const mats = (lineId: string) => ({
  lineId,
  product: {
    productId: 'mats',
    sku: 'MAT',
    name: 'Mats',
    active: true,
    model: EMPTY_MODEL,
    listPriceMinor: 2_499,
  },
  optionIds: [],
  quantity: 1,
  discountBps: 0,
  actorRoles: ['sales-rep'],
});

const domainEvents: DomainEvent[] = [
  ...story(leadDecider, [
    {
      type: 'CaptureLead',
      data: {
        leadId: 'l1',
        source: 'web_form',
        campaignId: 'c',
        profile: { name: 'Ada', email: 'ada@example.com', company: 'Engines', interest: 'cars' },
        at,
      },
    },
    { type: 'RecordLeadEngagement', data: { kind: 'interaction', at } },
    { type: 'StartWorkingLead', data: { ownerId: 'rep', at } },
    { type: 'QualifyLead', data: { at } },
    {
      type: 'StartLeadConversion',
      data: {
        conversionId: 'conv-1',
        attempt: 1,
        newContactId: 'c1',
        newCompanyId: 'co1',
        opportunityId: 'o1',
        at,
      },
    },
    { type: 'ConvertLead', data: { conversionId: 'conv-1', at } },
  ]),
  ...story(leadDecider, [
    { type: 'CaptureLead', data: { leadId: 'l3', source: 'manual', profile: { name: 'Eve' }, at } },
    {
      type: 'UpdateLeadProfile',
      data: { profile: { name: 'Eve Adams', email: 'eve@example.com', interest: 'vans' } },
    },
    { type: 'EraseLeadPersonalData', data: { at } },
  ]),
  ...story(leadDecider, [
    { type: 'CaptureLead', data: { leadId: 'l2', source: 'import', profile: { name: 'Bob' }, at } },
    { type: 'DisqualifyLead', data: { reason: 'spam', at } },
  ]),
  ...story(opportunityDecider, [
    {
      type: 'OpenOpportunity',
      data: {
        opportunityId: 'o1',
        name: 'Deal',
        pipeline,
        amountMinor: 123_456,
        currency: 'EUR',
        expectedCloseDate: '2026-12-01',
        ownerId: 'rep',
        contactId: 'c1',
        at,
      },
    },
    { type: 'ChangeOpportunityStage', data: { pipeline, stageId: 'b', at } },
    { type: 'WinOpportunity', data: { pipeline, orderId: 'ord1', at } },
  ]),
  ...story(opportunityDecider, [
    {
      type: 'OpenOpportunity',
      data: {
        opportunityId: 'o2',
        name: 'Deal',
        pipeline,
        amountMinor: 1,
        currency: 'EUR',
        expectedCloseDate: '2026-12-01',
        ownerId: 'rep',
        at,
      },
    },
    { type: 'LoseOpportunity', data: { pipeline, reason: 'price', competitor: 'Rival', at } },
    { type: 'ReopenOpportunity', data: { pipeline, stageId: 'b', reason: 'came back', at } },
    { type: 'OverrideOpportunityProbability', data: { probability: 60 } },
    {
      type: 'UpdateOpportunity',
      data: { name: 'Bigger deal', expectedCloseDate: '2027-01-15', forecastCategory: 'commit' },
    },
    { type: 'ReassignOpportunity', data: { ownerId: 'rep-2' } },
    {
      type: 'SetOpportunityLineItems',
      data: {
        lineItems: [{ productId: 'car', name: 'Car', quantity: 2, unitPriceMinor: 1_000_000 }],
      },
    },
    { type: 'WinOpportunity', data: { pipeline, orderId: 'ord2', reason: 'signed', at } },
    {
      type: 'RecordOrderCancelled',
      data: { pipeline, orderId: 'ord2', reason: 'changed mind', at },
    },
  ]),
  ...story(activityDecider, [
    {
      type: 'LogActivity',
      data: {
        activityId: 'a1',
        kind: 'task',
        subject: 'Call back',
        assigneeId: 'rep',
        contactId: 'c1',
        dueAt: '2026-11-24T10:00:00Z',
        reminders: [{ reminderId: 'r1', remindAt: '2026-11-24T09:00:00Z' }],
        at,
      },
    },
    { type: 'FireReminder', data: { reminderId: 'r1', at: '2026-11-24T09:00:01Z' } },
    { type: 'CompleteActivity', data: { outcome: 'done', at } },
  ]),
  ...story(activityDecider, [
    {
      type: 'LogActivity',
      data: {
        activityId: 'a5',
        kind: 'meeting',
        subject: 'Test drive',
        assigneeId: 'rep',
        leadId: 'l1',
        dueAt: '2026-11-25T10:00:00Z',
        endsAt: '2026-11-25T11:00:00Z',
        at,
      },
    },
    {
      type: 'RescheduleActivity',
      data: { dueAt: '2026-11-26T10:00:00Z', endsAt: '2026-11-26T11:00:00Z', at },
    },
    { type: 'ReassignActivity', data: { assigneeId: 'rep-2' } },
    {
      type: 'AddReminder',
      data: { reminderId: 'r9', remindAt: '2026-11-26T09:00:00Z', at },
    },
    { type: 'CancelActivity', data: { reason: 'car in service', at } },
  ]),
  ...story(activityDecider, [
    {
      type: 'LogActivity',
      data: {
        activityId: 'a2',
        kind: 'call',
        subject: 'Intro',
        assigneeId: 'rep',
        contactId: 'c1',
        phone: '+4915112345678',
        heldAt: at,
        outcome: 'connected',
        at,
      },
    },
  ]),
  ...story(quoteDecider, [
    {
      type: 'DraftQuote',
      data: {
        quoteId: 'q1',
        opportunityId: 'o1',
        contactId: 'c1',
        ownerId: 'rep',
        currency: 'EUR',
        taxRateBps: 1900,
        validUntil: '2026-12-31',
        at,
      },
    },
    {
      type: 'AddQuoteLine',
      data: {
        lineId: 'l1',
        product: {
          productId: 'car',
          sku: 'CAR',
          name: 'Car',
          active: true,
          model: carModel,
          listPriceMinor: CAR_BASE_PRICE_EUR,
        },
        optionIds: ['paint-red'],
        quantity: 3,
        discountBps: 333,
        actorRoles: ['sales-rep'],
      },
    },
    {
      type: 'ChangeQuoteLine',
      data: { lineId: 'l1', quantity: 3, discountBps: 300, actorRoles: ['sales-rep'] },
    },
    { type: 'SetQuoteDiscount', data: { discountBps: 200, actorRoles: ['sales-rep'] } },
    { type: 'ChangeQuoteTerms', data: { taxRateBps: 1900, validUntil: '2026-12-30' } },
    { type: 'SendQuote', data: { at } },
    { type: 'AcceptQuote', data: { orderId: 'ord1', at } },
  ]),
  ...story(quoteDecider, [
    {
      type: 'DraftQuote',
      data: {
        quoteId: 'q2',
        opportunityId: 'o2',
        ownerId: 'rep',
        currency: 'EUR',
        taxRateBps: 0,
        validUntil: '2026-12-01',
        at,
      },
    },
    { type: 'AddQuoteLine', data: { ...mats('m1') } },
    { type: 'AddQuoteLine', data: { ...mats('m2') } },
    { type: 'RemoveQuoteLine', data: { lineId: 'm2' } },
    { type: 'SendQuote', data: { at } },
    { type: 'RejectQuote', data: { reason: 'too expensive', at } },
  ]),
  ...story(quoteDecider, [
    {
      type: 'DraftQuote',
      data: {
        quoteId: 'q3',
        opportunityId: 'o2',
        ownerId: 'rep',
        currency: 'EUR',
        taxRateBps: 0,
        validUntil: '2026-11-23',
        at,
      },
    },
    { type: 'AddQuoteLine', data: { ...mats('m1') } },
    { type: 'SendQuote', data: { at } },
    { type: 'ExpireQuote', data: { at: '2026-11-24T00:00:01.000Z' } },
  ]),
  ...story(productDecider, [
    {
      type: 'CreateProduct',
      data: { productId: 'car', sku: 'CAR', name: 'Car', family: 'Cars' },
    },
    { type: 'ChangeProductInfo', data: { name: 'Roadster', description: 'Two seats' } },
    { type: 'DefineProductOptions', data: { model: carModel } },
    { type: 'DeactivateProduct', data: {} },
    { type: 'ActivateProduct', data: {} },
  ]),
  ...story(pipelineDecider, [
    { type: 'CreatePipeline', data: { pipelineId: 'p1', name: 'Cars', stages } },
    { type: 'RenamePipeline', data: { name: 'New cars' } },
    {
      type: 'RevisePipelineStages',
      data: { stages: stages.map((s) => (s.stageId === 'b' ? { ...s, name: 'Test drive' } : s)) },
    },
  ]),
  ...story(priceBookDecider, [
    { type: 'CreatePriceBook', data: { priceBookId: 'pb1', name: 'Retail', isStandard: true } },
    { type: 'SetListPrice', data: { productId: 'car', currency: 'EUR', amountMinor: 3_000_000 } },
    { type: 'RemoveListPrice', data: { productId: 'car', currency: 'EUR' } },
  ]),
  ...story(orderDecider, [
    {
      type: 'PlaceOrder',
      data: {
        orderId: 'ord1',
        source: 'quote',
        contactId: 'c1',
        quoteId: 'q1',
        ownerId: 'rep',
        currency: 'EUR',
        taxRateBps: 1900,
        lines: [
          {
            lineId: '1',
            productId: 'car',
            sku: 'CAR',
            name: 'Car',
            options: [
              {
                groupId: 'paint',
                optionId: 'paint-red',
                name: 'Racing red',
                priceDeltaMinor: 80_000,
                defaulted: false,
              },
            ],
            quantity: 3,
            unitPriceMinor: 3_080_000,
            discountBps: 333,
          },
        ],
        at,
      },
    },
    { type: 'FulfillOrder', data: { at } },
    { type: 'ReturnOrder', data: { reason: 'damaged', at } },
  ]),
  ...story(orderDecider, [
    {
      type: 'PlaceOrder',
      data: {
        orderId: 'ord2',
        source: 'quote',
        companyId: 'co1',
        opportunityId: 'o2',
        currency: 'EUR',
        taxRateBps: 0,
        lines: [
          {
            lineId: '1',
            productId: 'p',
            sku: 'P',
            name: 'P',
            quantity: 1,
            unitPriceMinor: 1,
            discountBps: 0,
          },
        ],
        at,
      },
    },
    { type: 'CancelOrder', data: { reason: 'changed mind', at } },
  ]),
];

const drafts = domainEvents.flatMap((event, i) => {
  const mapped = salesIntegrationEvents(recorded(event, i));
  return mapped ? ([] as IntegrationEventDraft[]).concat(mapped) : [];
});

describe('crm.sales.v1 mapper', () => {
  it('maps every published sales fact, and each message passes its JSON Schema strictly', () => {
    for (const d of drafts)
      expect(() => assertValidPayload(d.type, d.data, 'strict')).not.toThrow();
    expect(new Set(drafts.map((d) => d.type))).toEqual(new Set(SALES_EVENTS.map((e) => e.type)));
  });

  it('publishes ids, never personal data', () => {
    const text = JSON.stringify(drafts);
    for (const secret of ['ada@example.com', 'Ada', '+4915112345678', 'Engines', 'Eve', 'eve@'])
      expect(text).not.toContain(secret);
  });

  it('keys each message by its aggregate', () => {
    const placed = drafts.find((d) => d.type === 'crm.sales.order.placed.v1')!;
    expect(placed.subject).toBe('ord1');
  });

  it('converts cents to decimal strings exactly, unit prices after discounts to 6 places', () => {
    const placed = drafts.find((d) => d.type === 'crm.sales.order.placed.v1')!.data as any;
    // 3 x 30 800.00 = 92 400.00, less 3.33 % = 3 076.92 -> 89 323.08; per unit 29 774.36
    expect(placed.lines[0]).toMatchObject({
      lineTotal: { amount: '89323.08', currency: 'EUR' },
      unitPrice: { amount: '29774.360000', currency: 'EUR' },
    });
    expect(moneyJson(5, 'EUR').amount).toBe('0.05');
    expect(moneyJson(-1234, 'EUR').amount).toBe('-12.34');
    expect(unitMoneyJson(100, 3, 'EUR').amount).toBe('0.333333');
    expect(unitMoneyJson(200, 3, 'EUR').amount).toBe('0.666667');
    // The currency's own exponent: yen have no minor digits, dinars three.
    expect(moneyJson(1000, 'JPY').amount).toBe('1000');
    expect(moneyJson(-5, 'JPY').amount).toBe('-5');
    expect(moneyJson(1234, 'BHD').amount).toBe('1.234');
    expect(unitMoneyJson(1000, 3, 'JPY').amount).toBe('333.333333');
  });

  it('says which customer, deal and amount a cancelled order was about', () => {
    const cancelled = drafts.find((d) => d.type === 'crm.sales.order.cancelled.v1')!;
    expect(cancelled).toMatchObject({ subject: 'ord2' });
    expect(cancelled.data).toEqual({
      orderId: 'ord2',
      cancelledAt: at,
      reason: 'changed mind',
      contactId: null,
      companyId: 'co1',
      opportunityId: 'o2',
      quoteId: null,
      totalMinor: 1,
      currency: 'EUR',
    });
  });

  const of = (type: string, subject: string) =>
    drafts.filter((d) => d.type === `crm.sales.${type}.v1` && d.subject === subject);
  const one = (type: string, subject: string) => {
    const found = of(type, subject);
    expect(found).toHaveLength(1);
    return found[0].data as any;
  };

  it('opens a deal with its name and whole state, money in minor units, probability in percent', () => {
    const opened = one('opportunity.opened', 'o1');
    expect(opened).toMatchObject({
      name: 'Deal',
      amount: { amount: '1234.56', currency: 'EUR' },
      amountMinor: 123_456,
      currency: 'EUR',
      probability: 0.25,
      probabilityPercent: 25,
      openedAt: at,
    });
    expect(opened.state).toEqual({
      id: 'o1',
      name: 'Deal',
      pipelineId: 'p1',
      stageId: 'a',
      status: 'open',
      amountMinor: 123_456,
      currency: 'EUR',
      probability: 25,
      forecastCategory: 'pipeline',
      expectedCloseDate: '2026-12-01',
      ownerId: 'rep',
      contactId: 'c1',
      lineItems: [],
      stageHistory: [{ stageId: 'a', enteredAt: at }],
      version: 1,
    });
  });

  it('publishes every change to a deal with its new values', () => {
    expect(one('opportunity.reopened', 'o2')).toEqual({
      opportunityId: 'o2',
      stageId: 'b',
      probabilityPercent: 75,
      reason: 'came back',
      reopenedAt: at,
    });
    expect(one('opportunity.probability_changed', 'o2')).toMatchObject({ probabilityOverride: 60 });
    expect(one('opportunity.details_changed', 'o2')).toEqual({
      opportunityId: 'o2',
      changed: ['name', 'expectedCloseDate', 'forecastCategory'],
      name: 'Bigger deal',
      amountMinor: null,
      currency: null,
      expectedCloseDate: '2027-01-15',
      forecastCategoryOverride: 'commit',
      changedAt: at,
    });
    expect(one('opportunity.reassigned', 'o2')).toMatchObject({ ownerId: 'rep-2' });
    expect(one('opportunity.line_items_set', 'o2')).toMatchObject({
      lineItems: [{ productId: 'car', name: 'Car', quantity: 2, unitPriceMinor: 1_000_000 }],
      amountMinor: 2_000_000,
    });
    expect(one('opportunity.won', 'o2')).toMatchObject({
      amount: { amount: '20000.00', currency: 'EUR' },
      amountMinor: 2_000_000,
      stageId: 'w',
      orderId: 'ord2',
      reason: 'signed',
    });
  });

  it('publishes the cancelled order of a won deal as the deal lost, naming the order', () => {
    const [byRep, byCancellation] = of('opportunity.lost', 'o2').map((d) => d.data);
    expect(byRep).toMatchObject({ reason: 'price', competitor: 'Rival', cancelledOrderId: null });
    expect(byCancellation).toEqual({
      opportunityId: 'o2',
      reason: 'order ord2 cancelled: changed mind',
      competitor: null,
      lostAt: at,
      cancelledOrderId: 'ord2',
      stageId: 'l',
    });
  });

  it('says when a call logged as held took place and how it went', () => {
    expect(one('activity.logged', 'a2')).toMatchObject({
      kind: 'call',
      heldAt: at,
      outcome: 'connected',
      status: 'completed',
      scheduledAt: null,
    });
    expect(one('activity.logged', 'a1')).toMatchObject({
      heldAt: null,
      outcome: null,
      status: 'open',
      dueAt: '2026-11-24T10:00:00Z',
    });
  });

  it('publishes rescheduling, reassignment, reminders and cancellation of an activity', () => {
    expect(one('activity.rescheduled', 'a5')).toEqual({
      activityId: 'a5',
      scheduledAt: '2026-11-26T10:00:00Z',
      dueAt: null,
      endsAt: '2026-11-26T11:00:00Z',
      reminders: [],
      rescheduledAt: at,
    });
    expect(one('activity.reassigned', 'a5')).toMatchObject({ ownerId: 'rep-2' });
    expect(one('activity.reminder_added', 'a5')).toMatchObject({
      reminderId: 'r9',
      remindAt: '2026-11-26T09:00:00.000Z',
    });
    expect(one('activity.cancelled', 'a5')).toEqual({
      activityId: 'a5',
      reason: 'car in service',
      cancelledAt: at,
    });
  });

  it('places an order whose lines name the product, its options and the discount split', () => {
    const placed = one('order.placed', 'ord1');
    // 3 x 30 800.00 = 92 400.00, less 3.33 % = 3 076.92 -> 89 323.08
    expect(placed.lines[0]).toMatchObject({
      lineId: '1',
      name: 'Car',
      options: [expect.objectContaining({ optionId: 'paint-red', priceDeltaMinor: 80_000 })],
      unitPriceMinor: 3_080_000,
      discountBps: 333,
      grossMinor: 9_240_000,
      discountMinor: 307_692,
      netMinor: 8_932_308,
    });
    // + 19 % tax on 89 323.08 = 16 971.39
    expect(placed.totals).toEqual({
      subtotalMinor: 8_932_308,
      discountMinor: 0,
      taxMinor: 1_697_139,
      totalMinor: 10_629_447,
    });
    expect(placed.total).toEqual({ amount: '106294.47', currency: 'EUR' });
    expect(placed).toMatchObject({ source: 'quote', ownerId: 'rep', quoteId: 'q1' });
    expect(placed.state).toMatchObject({ id: 'ord1', status: 'placed', totals: placed.totals });
  });

  it('publishes every step of a quote, its rejection and its expiry', () => {
    expect(one('quote.drafted', 'q2')).toMatchObject({
      opportunityId: 'o2',
      currency: 'EUR',
      state: { id: 'q2', status: 'draft', lines: [], totals: { totalMinor: 0 } },
    });
    expect(of('quote.line_added', 'q2').map((d: any) => d.data.line.lineId)).toEqual(['m1', 'm2']);
    expect(one('quote.line_removed', 'q2')).toMatchObject({ lineId: 'm2' });
    expect(one('quote.line_changed', 'q1')).toMatchObject({ quantity: 3, discountBps: 300 });
    expect(one('quote.discount_set', 'q1')).toMatchObject({ discountBps: 200 });
    expect(one('quote.terms_changed', 'q1')).toMatchObject({ validUntil: '2026-12-30' });
    expect(one('quote.rejected', 'q2')).toEqual({
      quoteId: 'q2',
      reason: 'too expensive',
      rejectedAt: at,
    });
    expect(one('quote.expired', 'q3')).toMatchObject({ validUntil: '2026-11-23' });
    expect(one('quote.sent', 'q2')).toMatchObject({
      currency: 'EUR',
      totals: { subtotalMinor: 2_499, discountMinor: 0, taxMinor: 0, totalMinor: 2_499 },
    });
    const accepted = one('quote.accepted', 'q1');
    expect(accepted.lines[0].options.map((o: any) => o.optionId)).toContain('paint-red');
    expect(accepted.totals.totalMinor).toBe(
      accepted.lines[0].netMinor - accepted.totals.discountMinor + accepted.totals.taxMinor,
    );
  });

  it('publishes the catalogue: products, their options and price books', () => {
    expect(one('product.created', 'car')).toMatchObject({
      sku: 'CAR',
      name: 'Car',
      family: 'Cars',
      state: { id: 'car', active: true, options: { groups: [], rules: [] }, version: 1 },
    });
    expect(one('product.info_changed', 'car')).toEqual({
      productId: 'car',
      name: 'Roadster',
      description: 'Two seats',
      family: null,
      changedAt: at,
    });
    expect(one('product.options_defined', 'car').options).toEqual(carModel);
    expect(of('product.deactivated', 'car')).toHaveLength(1);
    expect(of('product.activated', 'car')).toHaveLength(1);
    expect(one('price_book.created', 'pb1')).toMatchObject({
      isStandard: true,
      state: { id: 'pb1', name: 'Retail', entries: [] },
    });
    expect(one('price_book.price_set', 'pb1')).toMatchObject({ amountMinor: 3_000_000 });
    expect(one('price_book.price_removed', 'pb1')).toMatchObject({ currency: 'EUR' });
  });

  it('publishes pipelines with their stage names, so stage ids mean something', () => {
    expect(one('pipeline.created', 'p1')).toEqual({
      pipelineId: 'p1',
      name: 'Cars',
      stages: [
        { stageId: 'a', name: 'A', kind: 'open', probability: 25 },
        { stageId: 'b', name: 'B', kind: 'open', probability: 75 },
        { stageId: 'w', name: 'W', kind: 'won', probability: 100 },
        { stageId: 'l', name: 'L', kind: 'lost', probability: 0 },
      ],
      createdAt: at,
    });
    expect(one('pipeline.renamed', 'p1')).toEqual({
      pipelineId: 'p1',
      name: 'New cars',
      renamedAt: at,
    });
    expect(one('pipeline.stages_revised', 'p1').stages[1]).toEqual({
      stageId: 'b',
      name: 'Test drive',
      kind: 'open',
      probability: 75,
    });
  });

  it('publishes a lead worked, re-profiled and erased without its personal data', () => {
    expect(one('lead.worked', 'l1')).toEqual({ leadId: 'l1', ownerId: 'rep', workedAt: at });
    expect(one('lead.engaged', 'l1')).toMatchObject({ kind: 'interaction', engagedAt: at });
    expect(one('lead.profile_replaced', 'l3')).toEqual({
      leadId: 'l3',
      interest: 'vans',
      replacedAt: at,
    });
    expect(one('lead.erased', 'l3')).toEqual({ leadId: 'l3', erasedAt: at });
  });

  it('does not publish internal facts', () => {
    expect(salesIntegrationEvents(recorded({ type: 'SkuReserved', data: {} }, 0))).toBeNull();
    expect(
      salesIntegrationEvents(recorded({ type: 'LeadConversionStarted', data: {} }, 0)),
    ).toBeNull();
  });

  it('dates a completed call by when it was held, a completed task by when it was recorded', () => {
    const completedAt = (events: DomainEvent[]) =>
      events
        .flatMap((event, i) =>
          ([] as IntegrationEventDraft[]).concat(salesIntegrationEvents(recorded(event, i)) ?? []),
        )
        .find((d) => d.type === 'crm.sales.activity.completed.v1')?.data as any;
    const heldEarlier = '2026-11-23T08:00:00.000Z';
    const call = story(activityDecider, [
      {
        type: 'LogActivity',
        data: {
          activityId: 'a3',
          kind: 'call',
          subject: 'Yesterday',
          assigneeId: 'rep',
          contactId: 'c1',
          phone: '+4915112345678',
          heldAt: heldEarlier,
          outcome: 'no-answer',
          at,
        },
      },
    ]);
    expect(completedAt(call)).toMatchObject({ completedAt: heldEarlier, outcome: 'no-answer' });
    const task = story(activityDecider, [
      {
        type: 'LogActivity',
        data: {
          activityId: 'a4',
          kind: 'task',
          subject: 'Send brochure',
          assigneeId: 'rep',
          dueAt: '2026-11-24T10:00:00Z',
          at: heldEarlier,
        },
      },
      { type: 'CompleteActivity', data: { at } },
    ]);
    expect(completedAt(task)).toMatchObject({ completedAt: at });
  });
});
