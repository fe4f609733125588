import type { ConfigurationModel } from '../cpq/configuration-model';

/** The product as the handler loaded it, with its list price in the quote currency. */
export interface ProductForQuote {
  readonly productId: string;
  readonly sku: string;
  readonly name: string;
  readonly active: boolean;
  readonly model: ConfigurationModel;
  /** From the price book, in the quote currency; undefined when the book has no such price. */
  readonly listPriceMinor?: number;
}

export type DraftQuote = {
  type: 'DraftQuote';
  data: {
    quoteId: string;
    opportunityId: string;
    contactId?: string;
    companyId?: string;
    ownerId: string;
    currency: string;
    taxRateBps: number;
    validUntil: string;
    at: string;
  };
};
export type AddQuoteLine = {
  type: 'AddQuoteLine';
  data: {
    lineId: string;
    product: ProductForQuote;
    optionIds: string[];
    quantity: number;
    discountBps?: number;
    actorRoles: string[];
  };
};
export type ChangeQuoteLine = {
  type: 'ChangeQuoteLine';
  data: { lineId: string; quantity?: number; discountBps?: number; actorRoles: string[] };
};
export type RemoveQuoteLine = { type: 'RemoveQuoteLine'; data: { lineId: string } };
export type SetQuoteDiscount = {
  type: 'SetQuoteDiscount';
  data: { discountBps: number; actorRoles: string[] };
};
export type ChangeQuoteTerms = {
  type: 'ChangeQuoteTerms';
  data: { taxRateBps?: number; validUntil?: string };
};
export type SendQuote = { type: 'SendQuote'; data: { at: string } };
export type AcceptQuote = { type: 'AcceptQuote'; data: { orderId: string; at: string } };
export type RejectQuote = { type: 'RejectQuote'; data: { reason?: string; at: string } };
export type ExpireQuote = { type: 'ExpireQuote'; data: { at: string } };

export type QuoteCommand =
  | DraftQuote
  | AddQuoteLine
  | ChangeQuoteLine
  | RemoveQuoteLine
  | SetQuoteDiscount
  | ChangeQuoteTerms
  | SendQuote
  | AcceptQuote
  | RejectQuote
  | ExpireQuote;
