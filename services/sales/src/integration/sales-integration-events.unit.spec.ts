import { assertValidPayload, SALES_EVENTS } from '@crm/contracts';
import type { DomainEvent, RecordedEvent } from '@crm/event-sourcing';
import type { IntegrationEventDraft } from '@crm/messaging';
import { activityDecider } from '../activities/activity.decider';
import { CAR_BASE_PRICE_EUR, carModel } from '../cpq/car.fixture';
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

/** Runs commands through a decider, collecting every event it decides: a real story, not hand-made events. */
function story<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, commands: C[]): E[] {
  let state = decider.initialState();
  const events: E[] = [];
  for (const command of commands) {
    const decided = decider.decide(command, state);
    state = decided.reduce(decider.evolve, state);
    events.push(...decided);
  }
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
  streamVersion: i + 1,
  position: { commit: 1n, prepare: BigInt(i) },
  createdAt: new Date(at),
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
        activityId: 'a2',
        kind: 'call',
        subject: 'Intro',
        assigneeId: 'rep',
        contactId: 'c1',
        phone: '+4915112345678',
        heldAt: at,
        outcome: 'interested',
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
    { type: 'SendQuote', data: { at } },
    { type: 'AcceptQuote', data: { orderId: 'ord1', at } },
  ]),
  ...story(orderDecider, [
    {
      type: 'PlaceOrder',
      data: {
        orderId: 'ord1',
        source: 'quote',
        contactId: 'c1',
        quoteId: 'q1',
        currency: 'EUR',
        taxRateBps: 1900,
        lines: [
          {
            lineId: '1',
            productId: 'car',
            sku: 'CAR',
            name: 'Car',
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
    for (const secret of ['ada@example.com', 'Ada', '+4915112345678', 'Engines'])
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

  it('does not publish internal facts', () => {
    expect(
      salesIntegrationEvents(recorded({ type: 'LeadEngagementRecorded', data: {} }, 0)),
    ).toBeNull();
    expect(salesIntegrationEvents(recorded({ type: 'PipelineCreated', data: {} }, 0))).toBeNull();
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
          outcome: 'call back',
          at,
        },
      },
    ]);
    expect(completedAt(call)).toMatchObject({ completedAt: heldEarlier, outcome: 'call back' });
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
