import type { DomainEvent } from '@crm/event-sourcing';
import type { SelectedOption } from '../cpq/configurator';
import type { Totals } from '../shared/totals';

export interface OrderLine {
  readonly lineId: string;
  readonly productId: string;
  readonly sku: string;
  readonly name: string;
  /** The configuration sold (paint, transmission ...); absent on lines placed before it was kept. */
  readonly options?: readonly SelectedOption[];
  readonly quantity: number;
  /** Minor units of the order currency, before the line discount. */
  readonly unitPriceMinor: number;
  readonly discountBps: number;
}

/** `import`: history brought in from another system (orders/import), with its original dates. */
export type OrderSource = 'quote' | 'api' | 'import';

export type OrderPlaced = DomainEvent<
  'OrderPlaced',
  {
    orderId: string;
    source: OrderSource;
    contactId?: string;
    companyId?: string;
    quoteId?: string;
    opportunityId?: string;
    /** Who answers for it (record access): the quote's owner, or who placed it via the API; absent on older orders. */
    ownerId?: string;
    currency: string;
    taxRateBps: number;
    discountBps: number;
    lines: OrderLine[];
    totals: Totals;
    /** When it was placed: now, or the original date of an imported order. */
    at: string;
    /** Imported orders: the order's id in the system it came from (unique per tenant). */
    externalId?: string;
    /** Imported orders: SHA-256 of what was imported, so a re-import tells duplicate from conflict. */
    importFingerprint?: string;
  }
>;
export type OrderFulfilled = DomainEvent<'OrderFulfilled', { orderId: string; at: string }>;
/** Who and what the order is about, as it stood when it was cancelled or returned. */
export interface OrderReferences {
  readonly contactId?: string;
  readonly companyId?: string;
  readonly opportunityId?: string;
  readonly quoteId?: string;
  /** Absent on events recorded before the references were added. */
  readonly totalMinor?: number;
  readonly currency?: string;
}
export type OrderCancelled = DomainEvent<
  'OrderCancelled',
  { orderId: string; reason: string; at: string } & OrderReferences
>;
export type OrderReturned = DomainEvent<
  'OrderReturned',
  { orderId: string; reason: string; at: string } & OrderReferences
>;
export type OrderCustomerRepointed = DomainEvent<
  'OrderCustomerRepointed',
  { orderId: string; fromContactId: string; toContactId: string }
>;

export type OrderEvent =
  OrderPlaced | OrderFulfilled | OrderCancelled | OrderReturned | OrderCustomerRepointed;
