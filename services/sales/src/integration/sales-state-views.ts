/**
 * The public state of each sales aggregate, folded from its stream: the document its REST `GET`
 * answers, without what depends on the reader (an activity's dueStatus depends on the clock, its
 * contactName on the contacts service). The state topics publish it and "created" integration
 * events carry it. Deciders fold; the REST view functions shape where they take folded state
 * (opportunities, quotes); the others mirror their read model's row, and the state source's
 * integration test compares every one with what REST answers, field by field.
 */
import {
  fold,
  isErased,
  recordedToDomainEvent,
  type Decider,
  type DomainEvent,
  type RecordedEvent,
} from '@crm/event-sourcing';
import { activityDecider } from '../activities/activity.decider';
import type { ActivityEvent } from '../activities/activity.events';
import { leadDecider } from '../leads/lead.decider';
import type { LeadEvent } from '../leads/lead.events';
import { opportunityDecider } from '../opportunities/opportunity.decider';
import { toDto as opportunityDto } from '../opportunities/opportunity.queries';
import type { OrderEvent, OrderPlaced } from '../orders/order.events';
import { pipelineDecider } from '../pipelines/pipeline.decider';
import { priceBookDecider } from '../price-books/price-book.decider';
import { productDecider } from '../products/product.decider';
import { quoteDecider } from '../quotes/quote.decider';
import { toDto as quoteDto } from '../quotes/quote.queries';

export type PublicState = Record<string, unknown>;

/** The decider's state after the stream, and the stream's version; undefined for no stream. */
function folded<E extends DomainEvent, S extends { exists: boolean }>(
  decider: Pick<Decider<unknown, E, S>, 'initialState' | 'evolve'>,
  events: readonly RecordedEvent[],
): { state: S; version: number } | undefined {
  if (events.length === 0) return undefined;
  const state = fold(
    decider as Decider<unknown, E, S>,
    events.map((e) => recordedToDomainEvent<E>(e)).filter((e): e is E => e !== undefined),
  );
  return state.exists ? { state, version: events.at(-1)!.streamVersion } : undefined;
}

/** Drops members whose value is undefined, as JSON would. */
const defined = (view: object): PublicState =>
  Object.fromEntries(Object.entries(view).filter(([, v]) => v !== undefined));

/** GET /leads/:id; null (a tombstone) once the lead's personal data is erased. */
export function leadState(events: readonly RecordedEvent[]): PublicState | null {
  const f = folded<LeadEvent, ReturnType<typeof leadDecider.initialState>>(leadDecider, events);
  // Erased by the fact, or (before there was one) only by its shredded key.
  if (!f || f.state.erased || isErased(f.state.profile.name)) return null;
  const s = f.state;
  return defined({
    id: s.leadId,
    name: s.profile.name,
    email: s.profile.email,
    company: s.profile.company,
    status: s.status,
    source: s.source,
    score: s.score,
    ownerId: s.ownerId,
    capturedAt: new Date(events[0].metadata.occurredAt).toISOString(),
    updatedAt: new Date(events.at(-1)!.metadata.occurredAt).toISOString(),
    version: f.version,
    profile: s.profile,
    reasons: [...s.reasons],
    interactions: s.interactions,
    campaignClicks: s.campaignClicks,
    contactId: s.contactId,
    opportunityId: s.opportunityId,
    disqualifiedReason: s.disqualifiedReason,
  });
}

/** GET /opportunities/:id. */
export function opportunityState(events: readonly RecordedEvent[]): PublicState | null {
  const f = folded(opportunityDecider, events);
  return f ? defined(opportunityDto(f.state, f.version)) : null;
}

/** GET /activities/:id without dueStatus and contactName. */
export function activityState(events: readonly RecordedEvent[]): PublicState | null {
  const f = folded<ActivityEvent, ReturnType<typeof activityDecider.initialState>>(
    activityDecider,
    events,
  );
  if (!f || !f.state.details) return null;
  const { state: s, version } = f;
  const d = s.details!;
  return defined({
    id: s.activityId,
    kind: d.kind,
    subject: d.subject,
    status: s.status,
    priority: d.priority,
    assigneeId: d.assigneeId,
    contactId: d.contactId,
    leadId: d.leadId,
    opportunityId: d.opportunityId,
    phone: d.phone,
    purpose: d.purpose,
    dueAt: d.dueAt,
    endsAt: d.endsAt,
    timeZone: d.timeZone,
    location: d.location,
    notes: d.notes,
    heldAt: s.heldAt,
    completedAt: s.completedAt,
    outcome: s.outcome,
    reminders: [...s.reminders],
    firedReminderIds: [...s.firedReminderIds],
    version,
  });
}

/** GET /quotes/:id. */
export function quoteState(events: readonly RecordedEvent[]): PublicState | null {
  const f = folded(quoteDecider, events);
  return f ? defined(quoteDto(f.state, f.version)) : null;
}

const ORDER_STATUS: Partial<Record<OrderEvent['type'], string>> = {
  OrderFulfilled: 'fulfilled',
  OrderCancelled: 'cancelled',
  OrderReturned: 'returned',
};

/** GET /orders/:id: the order as placed, its status and its (re-pointed) customer. */
export function orderState(events: readonly RecordedEvent[]): PublicState | null {
  let placed: OrderPlaced['data'] | undefined;
  let status = 'placed';
  let contactId: string | undefined;
  for (const recorded of events) {
    const e = { type: recorded.type, data: recorded.data } as OrderEvent;
    if (e.type === 'OrderPlaced') {
      placed = e.data;
      contactId = e.data.contactId;
    } else if (e.type === 'OrderCustomerRepointed') contactId = e.data.toContactId;
    else if (ORDER_STATUS[e.type]) status = ORDER_STATUS[e.type]!;
  }
  if (!placed) return null;
  const { lines: lineTotals, ...totals } = placed.totals;
  return defined({
    id: placed.orderId,
    source: placed.source,
    externalId: placed.externalId,
    status,
    contactId,
    companyId: placed.companyId,
    quoteId: placed.quoteId,
    opportunityId: placed.opportunityId,
    currency: placed.currency,
    lines: placed.lines.map((line) => ({
      ...line,
      ...withoutLineId(lineTotals.find((t) => t.lineId === line.lineId)!),
    })),
    totals,
    placedAt: new Date(placed.at).toISOString(),
    version: events.at(-1)!.streamVersion,
  });
}

function withoutLineId<T extends { lineId: string }>(totals: T): Omit<T, 'lineId'> {
  const { lineId: _, ...rest } = totals;
  return rest;
}

/** GET /products/:id. */
export function productState(events: readonly RecordedEvent[]): PublicState | null {
  const f = folded(productDecider, events);
  if (!f) return null;
  const s = f.state;
  return defined({
    id: s.productId,
    sku: s.sku,
    name: s.name,
    description: s.description || undefined,
    family: s.family || undefined,
    active: s.active,
    options: s.model,
    version: f.version,
  });
}

/** GET /pipelines/:id. */
export function pipelineState(events: readonly RecordedEvent[]): PublicState | null {
  const f = folded(pipelineDecider, events);
  if (!f) return null;
  return {
    id: f.state.pipelineId,
    name: f.state.name,
    stages: f.state.stages.map((stage) => ({ ...stage })),
    version: f.version,
  };
}

/** The price book and its list prices (the product columns are on the product state topic). */
export function priceBookState(events: readonly RecordedEvent[]): PublicState | null {
  const f = folded(priceBookDecider, events);
  if (!f) return null;
  const s = f.state;
  return {
    id: s.priceBookId,
    name: s.name,
    isStandard: s.isStandard,
    entries: Object.entries(s.prices)
      .map(([key, amountMinor]) => {
        const [productId, currency] = key.split('/');
        return { productId, currency, amountMinor };
      })
      .sort((a, b) =>
        a.productId === b.productId
          ? a.currency.localeCompare(b.currency)
          : a.productId.localeCompare(b.productId),
      ),
    version: f.version,
  };
}
