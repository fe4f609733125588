/**
 * Order: placed -> fulfilled -> returned, or placed -> cancelled. Placed from an accepted quote
 * (its prices kept) or directly through the API (e-commerce: prices from the price book, discounts
 * within the caller's role limit, as on quotes); either way the totals are computed here, never
 * taken from the caller, so the purchase history always adds up.
 */
import { type Decider } from '@crm/event-sourcing';
import {
  parseBasisPoints,
  parseCurrency,
  parseInstant,
  parseMinorUnits,
  parseText,
} from '@crm/values';
import { computeTotals, type Totals } from '../shared/totals';
import { priceProduct } from '../cpq/priced-product';
import { ConfigurationErrors } from '../cpq/configuration.errors';
import { assertDiscountAllowed } from '../quotes/discount-policy';
import type {
  ImportedOrderOutcome,
  ImportOrder,
  OrderCommand,
  OrderLineRequest,
  PlaceOrder,
} from './order.commands';
import { importedOrderFingerprint } from './imported-order-fingerprint';
import type { OrderEvent, OrderLine, OrderPlaced, OrderReferences } from './order.events';
import { OrderErrors } from './order.errors';
import { LineErrors } from '../shared/line.errors';

export type OrderStatus = 'placed' | 'fulfilled' | 'cancelled' | 'returned';
export const MAX_ORDER_LINES = 500;

export interface OrderState {
  readonly exists: boolean;
  readonly orderId: string;
  readonly status: OrderStatus;
  readonly contactId?: string;
  readonly companyId?: string;
  readonly opportunityId?: string;
  readonly quoteId?: string;
  /** Undefined on orders placed before owners were recorded: the sellers' pool. */
  readonly ownerId?: string;
  readonly currency?: string;
  readonly totals?: Totals;
  /** Why it was cancelled or returned (what the deal it was won from records). */
  readonly reason?: string;
  /** Imported orders: the id in the system it came from, and what was imported (duplicate or conflict). */
  readonly externalId?: string;
  readonly importFingerprint?: string;
}

export const initialOrderState = (): OrderState => ({
  exists: false,
  orderId: '',
  status: 'placed',
});

export function evolveOrder(state: OrderState, event: OrderEvent): OrderState {
  switch (event.type) {
    case 'OrderPlaced':
      return {
        exists: true,
        orderId: event.data.orderId,
        status: 'placed',
        contactId: event.data.contactId,
        companyId: event.data.companyId,
        opportunityId: event.data.opportunityId,
        quoteId: event.data.quoteId,
        ownerId: event.data.ownerId,
        currency: event.data.currency,
        totals: event.data.totals,
        externalId: event.data.externalId,
        importFingerprint: event.data.importFingerprint,
      };
    case 'OrderFulfilled':
      return { ...state, status: 'fulfilled' };
    case 'OrderCancelled':
      return { ...state, status: 'cancelled', reason: event.data.reason };
    case 'OrderReturned':
      return { ...state, status: 'returned', reason: event.data.reason };
    case 'OrderCustomerRepointed':
      return { ...state, contactId: event.data.toContactId };
  }
}

const ALLOWED: Record<Exclude<OrderStatus, 'placed'>, OrderStatus> = {
  fulfilled: 'placed',
  cancelled: 'placed',
  returned: 'fulfilled',
};

export function decideOrder(command: OrderCommand, state: OrderState): OrderEvent[] {
  if (command.type === 'PlaceOrder') {
    // Placing the same order id again (a retried quote acceptance) is not a second sale.
    if (state.exists) return [];
    return [place(command.data)];
  }
  if (command.type === 'ImportOrder') return importOrder(command.data, state);
  if (!state.exists) throw OrderErrors.orderNotFound();
  const orderId = state.orderId;
  switch (command.type) {
    case 'FulfillOrder':
      if (!transition(state, 'fulfilled')) return [];
      return [{ type: 'OrderFulfilled', data: { orderId, at: command.data.at } }];
    case 'CancelOrder':
      if (!transition(state, 'cancelled')) return [];
      return [
        {
          type: 'OrderCancelled',
          data: {
            orderId,
            reason: parseText(command.data.reason, 'reason', 500),
            at: command.data.at,
            ...referencesOf(state),
          },
        },
      ];
    case 'ReturnOrder':
      if (!transition(state, 'returned')) return [];
      return [
        {
          type: 'OrderReturned',
          data: {
            orderId,
            reason: parseText(command.data.reason, 'reason', 500),
            at: command.data.at,
            ...referencesOf(state),
          },
        },
      ];
    case 'RepointOrderCustomer':
      if (state.contactId !== command.data.fromContactId) return [];
      return [{ type: 'OrderCustomerRepointed', data: { orderId, ...command.data } }];
  }
}

export const orderDecider: Decider<OrderCommand, OrderEvent, OrderState> = {
  initialState: initialOrderState,
  evolve: evolveOrder,
  decide: decideOrder,
};

/** Carried on a cancellation or return, so its readers (the deal, the timeline) need no lookup. */
function referencesOf(state: OrderState): OrderReferences {
  return {
    ...(state.contactId ? { contactId: state.contactId } : {}),
    ...(state.companyId ? { companyId: state.companyId } : {}),
    ...(state.opportunityId ? { opportunityId: state.opportunityId } : {}),
    ...(state.quoteId ? { quoteId: state.quoteId } : {}),
    totalMinor: state.totals!.totalMinor,
    currency: state.currency!,
  };
}

/** False when already there (a no-op); throws when the move is not allowed. */
function transition(state: OrderState, to: Exclude<OrderStatus, 'placed'>): boolean {
  if (state.status === to) return false;
  if (state.status !== ALLOWED[to]) {
    throw OrderErrors.invalidOrderTransition(state.status, to);
  }
  return true;
}

/**
 * An order from another system's history: placed at its original date with the prices paid,
 * then fulfilled, cancelled or returned at their original dates, in one append. The same
 * external id again is a duplicate (no events) if its content is the same, else a conflict.
 */
function importOrder(d: ImportOrder['data'], state: OrderState): OrderEvent[] {
  const now = parseInstant(d.now, 'now');
  const placedAt = pastInstant(d.placedAt, 'placedAt', now);
  const outcome = outcomeAt(d.outcome, placedAt, now);
  const externalId = parseText(d.externalId, 'externalId', 200);
  const fingerprint = importedOrderFingerprint({ ...d, externalId, placedAt, outcome });
  if (state.exists) {
    if (state.externalId === externalId && state.importFingerprint === fingerprint) return [];
    throw OrderErrors.importedOrderConflict(externalId);
  }
  const placed = place({
    orderId: d.orderId,
    source: 'quote', // priced as given, like an accepted quote's lines; the source is set below
    contactId: d.contactId,
    companyId: d.companyId,
    ownerId: d.ownerId,
    currency: d.currency,
    taxRateBps: d.taxRateBps,
    discountBps: d.discountBps,
    lines: d.lines,
    at: placedAt,
  }) as OrderPlaced;
  const events: OrderEvent[] = [
    {
      type: 'OrderPlaced',
      data: { ...placed.data, source: 'import', externalId, importFingerprint: fingerprint },
    },
  ];
  const placedState = evolveOrder(initialOrderState(), events[0]);
  const orderId = d.orderId;
  if (outcome.status === 'fulfilled' || outcome.status === 'returned')
    events.push({ type: 'OrderFulfilled', data: { orderId, at: outcome.fulfilledAt } });
  if (outcome.status === 'cancelled')
    events.push({
      type: 'OrderCancelled',
      data: {
        orderId,
        reason: outcome.reason,
        at: outcome.cancelledAt,
        ...referencesOf(placedState),
      },
    });
  if (outcome.status === 'returned')
    events.push({
      type: 'OrderReturned',
      data: {
        orderId,
        reason: outcome.reason,
        at: outcome.returnedAt,
        ...referencesOf(placedState),
      },
    });
  return events;
}

/** An instant no later than `now` (history), normalised to UTC. */
function pastInstant(raw: string, field: string, now: string, notBefore?: string): string {
  const at = parseInstant(raw, field);
  if (at > now) throw OrderErrors.importedOrderDate(field, 'future');
  if (notBefore !== undefined && at < notBefore)
    throw OrderErrors.importedOrderDate(field, 'beforePlaced');
  return at;
}

/** The outcome's dates checked (after the placing, before the import) and normalised. */
function outcomeAt(
  outcome: ImportedOrderOutcome,
  placedAt: string,
  now: string,
): ImportedOrderOutcome {
  switch (outcome.status) {
    case 'placed':
      return outcome;
    case 'fulfilled':
      return {
        status: 'fulfilled',
        fulfilledAt: pastInstant(outcome.fulfilledAt, 'fulfilledAt', now, placedAt),
      };
    case 'cancelled':
      return {
        status: 'cancelled',
        cancelledAt: pastInstant(outcome.cancelledAt, 'statusAt', now, placedAt),
        reason: parseText(outcome.reason, 'reason', 500),
      };
    case 'returned': {
      const fulfilledAt = pastInstant(outcome.fulfilledAt, 'fulfilledAt', now, placedAt);
      return {
        status: 'returned',
        fulfilledAt,
        returnedAt: pastInstant(outcome.returnedAt, 'statusAt', now, fulfilledAt),
        reason: parseText(outcome.reason, 'reason', 500),
      };
    }
    default:
      throw OrderErrors.invalidImportedStatus();
  }
}

function place(d: PlaceOrder['data']): OrderEvent {
  if (d.source !== 'quote' && d.source !== 'api') throw OrderErrors.invalidOrderSource();
  if (!d.contactId && !d.companyId) throw OrderErrors.customerRequired();
  parseInstant(d.at, 'at');
  parseCurrency(d.currency);
  parseBasisPoints(d.taxRateBps, 'taxRateBps');
  const discountBps = d.discountBps ?? 0;
  parseBasisPoints(discountBps, 'discountBps');
  if (d.source === 'api') assertDiscountAllowed(discountBps, d.actorRoles, 'discountBps');
  if (!Array.isArray(d.lines) || d.lines.length === 0 || d.lines.length > MAX_ORDER_LINES) {
    throw OrderErrors.invalidOrderLines({ maxLines: MAX_ORDER_LINES });
  }
  const lines: OrderLine[] =
    d.source === 'api'
      ? d.lines.map((line, i) => pricedLine(line, i, d.currency, d.actorRoles))
      : d.lines.map(quotedLine);
  const ids = new Set<string>();
  lines.forEach(({ lineId }, i) => {
    if (ids.has(lineId)) throw OrderErrors.invalidOrderLines({ repeatedAt: i });
    ids.add(lineId);
  });
  return {
    type: 'OrderPlaced',
    data: {
      orderId: d.orderId,
      source: d.source,
      ...(d.contactId ? { contactId: d.contactId } : {}),
      ...(d.companyId ? { companyId: d.companyId } : {}),
      ...(d.quoteId ? { quoteId: d.quoteId } : {}),
      ...(d.opportunityId ? { opportunityId: d.opportunityId } : {}),
      ...(d.ownerId ? { ownerId: parseText(d.ownerId, 'ownerId', 128) } : {}),
      currency: d.currency,
      taxRateBps: d.taxRateBps,
      discountBps,
      lines,
      totals: computeTotals(lines, discountBps, d.taxRateBps),
      at: d.at,
    },
  };
}

/** What every line is checked for, priced or not. */
function lineBasics(
  line: { lineId: string; quantity: number; discountBps?: number },
  i: number,
): { lineId: string; discountBps: number } {
  const lineId = parseText(line.lineId, `lines[${i}].lineId`, 100);
  if (!(Number.isInteger(line.quantity) && line.quantity > 0))
    throw LineErrors.invalidQuantity(`lines[${i}].quantity`);
  const discountBps = line.discountBps ?? 0;
  parseBasisPoints(discountBps, `lines[${i}].discountBps`);
  return { lineId, discountBps };
}

/** An API line: priced from the book and the configuration, discounted within the role limit. */
function pricedLine(
  line: OrderLineRequest,
  i: number,
  currency: string,
  actorRoles: readonly string[],
): OrderLine {
  const { lineId, discountBps } = lineBasics(line, i);
  const { product } = line;
  if (!product) throw ConfigurationErrors.unknownProduct(line.productId, `lines[${i}].productId`);
  assertDiscountAllowed(discountBps, actorRoles, `lines[${i}].discountBps`);
  const { unitPriceMinor, selections } = priceProduct(product, line.optionIds, currency);
  return {
    lineId,
    productId: product.productId,
    sku: product.sku,
    name: product.name,
    options: selections,
    quantity: line.quantity,
    unitPriceMinor,
    discountBps,
  };
}

/** A line of an accepted quote: priced and authorised there, kept as it is. */
function quotedLine(line: OrderLine, i: number): OrderLine {
  const { lineId, discountBps } = lineBasics(line, i);
  parseMinorUnits(line.unitPriceMinor, `lines[${i}].unitPriceMinor`);
  return {
    lineId,
    productId: parseText(line.productId, `lines[${i}].productId`),
    sku: parseText(line.sku, `lines[${i}].sku`, 64),
    name: parseText(line.name, `lines[${i}].name`),
    ...(line.options ? { options: line.options } : {}),
    quantity: line.quantity,
    unitPriceMinor: line.unitPriceMinor,
    discountBps,
  };
}
