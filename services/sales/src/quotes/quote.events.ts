import type { DomainEvent } from '@crm/event-sourcing';
import type { SelectedOption } from '../cpq/configurator';
import type { Totals } from '../shared/totals';

export interface QuoteLine {
  readonly lineId: string;
  readonly productId: string;
  readonly sku: string;
  readonly name: string;
  /** The configuration as priced when the line was added. */
  readonly options: SelectedOption[];
  readonly quantity: number;
  /** Configured unit price (list price + option deltas), minor units. */
  readonly unitPriceMinor: number;
  readonly discountBps: number;
}

export interface QuoteTerms {
  readonly currency: string;
  readonly taxRateBps: number;
  /** Last day (UTC) on which the customer can accept. */
  readonly validUntil: string;
}

export type QuoteDrafted = DomainEvent<
  'QuoteDrafted',
  {
    quoteId: string;
    opportunityId: string;
    contactId?: string;
    companyId?: string;
    ownerId: string;
    at: string;
  } & QuoteTerms
>;
export type QuoteLineAdded = DomainEvent<'QuoteLineAdded', { quoteId: string; line: QuoteLine }>;
export type QuoteLineChanged = DomainEvent<
  'QuoteLineChanged',
  { quoteId: string; lineId: string; quantity: number; discountBps: number }
>;
export type QuoteLineRemoved = DomainEvent<'QuoteLineRemoved', { quoteId: string; lineId: string }>;
export type QuoteDiscountSet = DomainEvent<
  'QuoteDiscountSet',
  { quoteId: string; discountBps: number }
>;
export type QuoteTermsChanged = DomainEvent<
  'QuoteTermsChanged',
  { quoteId: string; taxRateBps: number; validUntil: string }
>;
export type QuoteSent = DomainEvent<
  'QuoteSent',
  {
    quoteId: string;
    opportunityId: string;
    totals: Totals;
    currency: string;
    validUntil: string;
    at: string;
  }
>;
export type QuoteAccepted = DomainEvent<
  'QuoteAccepted',
  {
    quoteId: string;
    opportunityId: string;
    orderId: string;
    contactId?: string;
    companyId?: string;
    currency: string;
    taxRateBps: number;
    discountBps: number;
    lines: QuoteLine[];
    totals: Totals;
    at: string;
  }
>;
export type QuoteRejected = DomainEvent<
  'QuoteRejected',
  { quoteId: string; reason?: string; at: string }
>;
export type QuoteExpired = DomainEvent<
  'QuoteExpired',
  { quoteId: string; validUntil: string; at: string }
>;

export type QuoteEvent =
  | QuoteDrafted
  | QuoteLineAdded
  | QuoteLineChanged
  | QuoteLineRemoved
  | QuoteDiscountSet
  | QuoteTermsChanged
  | QuoteSent
  | QuoteAccepted
  | QuoteRejected
  | QuoteExpired;
