import type { DomainEvent } from '@crm/event-sourcing';

export type PriceBookCreated = DomainEvent<
  'PriceBookCreated',
  { priceBookId: string; name: string; isStandard: boolean }
>;
/** List price of a product in one currency, in minor units. */
export type ListPriceSet = DomainEvent<
  'ListPriceSet',
  { priceBookId: string; productId: string; currency: string; amountMinor: number }
>;
export type ListPriceRemoved = DomainEvent<
  'ListPriceRemoved',
  { priceBookId: string; productId: string; currency: string }
>;

export type PriceBookEvent = PriceBookCreated | ListPriceSet | ListPriceRemoved;
