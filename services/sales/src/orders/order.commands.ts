import type { ProductForQuote } from '../quotes/quote.commands';
import type { OrderLine, OrderPlaced } from './order.events';

/** What an API order line asks for; its price comes from the price book, never from the caller. */
export interface OrderLineRequest {
  readonly lineId: string;
  readonly productId: string;
  /** As the handler loaded it, with its list price from the order's book; undefined: no such product. */
  readonly product?: ProductForQuote;
  readonly optionIds: readonly string[];
  readonly quantity: number;
  readonly discountBps?: number;
}

type PlaceOrderData = Pick<
  OrderPlaced['data'],
  | 'orderId'
  | 'contactId'
  | 'companyId'
  | 'quoteId'
  | 'opportunityId'
  | 'ownerId'
  | 'currency'
  | 'taxRateBps'
  | 'at'
> & { discountBps?: number };

/**
 * From a quote the lines are already priced (and their discounts were authorised on the quote);
 * from the API they are priced here and the discounts checked against the caller's roles.
 */
export type PlaceOrder = {
  type: 'PlaceOrder';
  data: PlaceOrderData &
    (
      | { source: 'quote'; lines: OrderLine[] }
      | { source: 'api'; lines: OrderLineRequest[]; actorRoles: readonly string[] }
    );
};
/** What an imported order ended as, and when (its original dates). */
export type ImportedOrderOutcome =
  | { status: 'placed' }
  | { status: 'fulfilled'; fulfilledAt: string }
  | { status: 'cancelled'; cancelledAt: string; reason: string }
  | { status: 'returned'; fulfilledAt: string; returnedAt: string; reason: string };

/**
 * A historic order from another system: its lines as they were paid (prices kept, never the
 * price book's), its original dates, its external id (the stream id derives from it, so the
 * same order imported twice is one order).
 */
export type ImportOrder = {
  type: 'ImportOrder';
  data: {
    orderId: string;
    externalId: string;
    contactId?: string;
    companyId?: string;
    ownerId?: string;
    currency: string;
    taxRateBps: number;
    discountBps?: number;
    lines: OrderLine[];
    placedAt: string;
    outcome: ImportedOrderOutcome;
    /** The import's time: no date of the order may be after it. */
    now: string;
  };
};
export type FulfillOrder = { type: 'FulfillOrder'; data: { at: string } };
export type CancelOrder = { type: 'CancelOrder'; data: { reason: string; at: string } };
export type ReturnOrder = { type: 'ReturnOrder'; data: { reason: string; at: string } };
export type RepointOrderCustomer = {
  type: 'RepointOrderCustomer';
  data: { fromContactId: string; toContactId: string };
};

export type OrderCommand =
  PlaceOrder | ImportOrder | FulfillOrder | CancelOrder | ReturnOrder | RepointOrderCustomer;
