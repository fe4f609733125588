/**
 * Quote: draft -> sent -> accepted | rejected | expired. Lines are configured products priced by
 * the CPQ configurator; discounts per line and overall stay within the caller's role limit;
 * totals (tax included) follow shared/totals. A sent quote can be accepted only up to and
 * including its validity date (UTC); acceptance names the order it places.
 */
import { type Decider, DomainError } from '@crm/event-sourcing';
import { priceProduct } from '../cpq/priced-product';
import {
  parseBasisPoints,
  parseCalendarDate,
  parseCurrency,
  parseInstant,
  parseText,
} from '@crm/values';
import { computeTotals, type Totals } from '../shared/totals';
import { assertDiscountAllowed } from './discount-policy';
import type { QuoteCommand } from './quote.commands';
import type { QuoteEvent, QuoteLine } from './quote.events';
import { QuoteErrors } from './quote.errors';
import { LineErrors } from '../shared/line.errors';

export type QuoteStatus = 'draft' | 'sent' | 'accepted' | 'rejected' | 'expired';
export const MAX_QUANTITY = 100_000;
export const MAX_LINES = 200;

export interface QuoteState {
  readonly exists: boolean;
  readonly quoteId: string;
  readonly opportunityId: string;
  readonly contactId?: string;
  readonly companyId?: string;
  readonly ownerId: string;
  readonly status: QuoteStatus;
  readonly currency: string;
  readonly taxRateBps: number;
  readonly validUntil: string;
  readonly discountBps: number;
  readonly lines: readonly QuoteLine[];
  readonly orderId?: string;
}

export const initialQuoteState = (): QuoteState => ({
  exists: false,
  quoteId: '',
  opportunityId: '',
  ownerId: '',
  status: 'draft',
  currency: '',
  taxRateBps: 0,
  validUntil: '',
  discountBps: 0,
  lines: [],
});

export function quoteTotals(
  state: Pick<QuoteState, 'lines' | 'discountBps' | 'taxRateBps'>,
): Totals {
  return computeTotals(state.lines, state.discountBps, state.taxRateBps);
}

export function evolveQuote(state: QuoteState, event: QuoteEvent): QuoteState {
  switch (event.type) {
    case 'QuoteDrafted': {
      const { at: _, ...drafted } = event.data;
      return { ...state, ...drafted, exists: true, status: 'draft' };
    }
    case 'QuoteLineAdded':
      return { ...state, lines: [...state.lines, event.data.line] };
    case 'QuoteLineChanged':
      return {
        ...state,
        lines: state.lines.map((l) =>
          l.lineId === event.data.lineId
            ? { ...l, quantity: event.data.quantity, discountBps: event.data.discountBps }
            : l,
        ),
      };
    case 'QuoteLineRemoved':
      return { ...state, lines: state.lines.filter((l) => l.lineId !== event.data.lineId) };
    case 'QuoteDiscountSet':
      return { ...state, discountBps: event.data.discountBps };
    case 'QuoteTermsChanged':
      return { ...state, taxRateBps: event.data.taxRateBps, validUntil: event.data.validUntil };
    case 'QuoteSent':
      return { ...state, status: 'sent' };
    case 'QuoteAccepted':
      return { ...state, status: 'accepted', orderId: event.data.orderId };
    case 'QuoteRejected':
      return { ...state, status: 'rejected' };
    case 'QuoteExpired':
      return { ...state, status: 'expired' };
  }
}

export function decideQuote(command: QuoteCommand, state: QuoteState): QuoteEvent[] {
  if (command.type === 'DraftQuote') {
    if (state.exists) throw QuoteErrors.quoteAlreadyExists(state.quoteId);
    const d = command.data;
    parseCurrency(d.currency);
    parseBasisPoints(d.taxRateBps, 'taxRateBps');
    requireDate(d.validUntil);
    parseInstant(d.at, 'at');
    if (d.validUntil < d.at.slice(0, 10)) throw QuoteErrors.validityInPast();
    return [
      {
        type: 'QuoteDrafted',
        data: {
          quoteId: d.quoteId,
          opportunityId: parseText(d.opportunityId, 'opportunityId'),
          ...(d.contactId ? { contactId: d.contactId } : {}),
          ...(d.companyId ? { companyId: d.companyId } : {}),
          ownerId: parseText(d.ownerId, 'ownerId'),
          currency: d.currency,
          taxRateBps: d.taxRateBps,
          validUntil: d.validUntil,
          at: d.at,
        },
      },
    ];
  }
  if (!state.exists) throw QuoteErrors.quoteNotFound();
  const quoteId = state.quoteId;

  switch (command.type) {
    case 'AddQuoteLine': {
      requireDraft(state);
      const { lineId, product, optionIds, quantity, actorRoles } = command.data;
      const discountBps = command.data.discountBps ?? 0;
      if (state.lines.some((l) => l.lineId === lineId))
        throw QuoteErrors.duplicateQuoteLine(lineId);
      if (state.lines.length >= MAX_LINES) throw QuoteErrors.tooManyQuoteLines(MAX_LINES);
      requireQuantity(quantity);
      parseBasisPoints(discountBps, 'discountBps');
      assertDiscountAllowed(discountBps, actorRoles, 'discountBps');
      const priced = priceProduct(product, optionIds, state.currency);
      const line: QuoteLine = {
        lineId,
        productId: product.productId,
        sku: product.sku,
        name: product.name,
        options: priced.selections,
        quantity,
        unitPriceMinor: priced.unitPriceMinor,
        discountBps,
      };
      return [{ type: 'QuoteLineAdded', data: { quoteId, line } }];
    }
    case 'ChangeQuoteLine': {
      requireDraft(state);
      const line = findLine(state, command.data.lineId);
      const quantity = command.data.quantity ?? line.quantity;
      const discountBps = command.data.discountBps ?? line.discountBps;
      requireQuantity(quantity);
      parseBasisPoints(discountBps, 'discountBps');
      // Only a raised discount needs the authority; lowering a manager's discount is always fine.
      if (discountBps > line.discountBps)
        assertDiscountAllowed(discountBps, command.data.actorRoles, 'discountBps');
      if (quantity === line.quantity && discountBps === line.discountBps) return [];
      return [
        { type: 'QuoteLineChanged', data: { quoteId, lineId: line.lineId, quantity, discountBps } },
      ];
    }
    case 'RemoveQuoteLine':
      requireDraft(state);
      findLine(state, command.data.lineId);
      return [{ type: 'QuoteLineRemoved', data: { quoteId, lineId: command.data.lineId } }];
    case 'SetQuoteDiscount': {
      requireDraft(state);
      const { discountBps, actorRoles } = command.data;
      parseBasisPoints(discountBps, 'discountBps');
      if (discountBps > state.discountBps)
        assertDiscountAllowed(discountBps, actorRoles, 'discountBps');
      return discountBps === state.discountBps
        ? []
        : [{ type: 'QuoteDiscountSet', data: { quoteId, discountBps } }];
    }
    case 'ChangeQuoteTerms': {
      requireDraft(state);
      const taxRateBps = command.data.taxRateBps ?? state.taxRateBps;
      const validUntil = command.data.validUntil ?? state.validUntil;
      parseBasisPoints(taxRateBps, 'taxRateBps');
      requireDate(validUntil);
      if (taxRateBps === state.taxRateBps && validUntil === state.validUntil) return [];
      return [{ type: 'QuoteTermsChanged', data: { quoteId, taxRateBps, validUntil } }];
    }
    case 'SendQuote': {
      if (state.status === 'sent') return [];
      requireDraft(state);
      if (state.lines.length === 0) throw QuoteErrors.quoteEmpty();
      if (isAfterValidity(state, command.data.at)) throw expired(state);
      return [
        {
          type: 'QuoteSent',
          data: {
            quoteId,
            opportunityId: state.opportunityId,
            totals: quoteTotals(state),
            currency: state.currency,
            validUntil: state.validUntil,
            at: command.data.at,
          },
        },
      ];
    }
    case 'AcceptQuote': {
      if (state.status === 'accepted' && state.orderId === command.data.orderId) return [];
      requireStatus(state, 'sent', 'accepted');
      if (isAfterValidity(state, command.data.at)) throw expired(state);
      return [
        {
          type: 'QuoteAccepted',
          data: {
            quoteId,
            opportunityId: state.opportunityId,
            orderId: command.data.orderId,
            ...(state.contactId ? { contactId: state.contactId } : {}),
            ...(state.companyId ? { companyId: state.companyId } : {}),
            currency: state.currency,
            taxRateBps: state.taxRateBps,
            discountBps: state.discountBps,
            lines: [...state.lines],
            totals: quoteTotals(state),
            at: command.data.at,
          },
        },
      ];
    }
    case 'RejectQuote': {
      requireStatus(state, 'sent', 'rejected');
      const reason = command.data.reason?.trim();
      return [
        {
          type: 'QuoteRejected',
          data: { quoteId, ...(reason ? { reason } : {}), at: command.data.at },
        },
      ];
    }
    case 'ExpireQuote': {
      if (state.status === 'expired') return [];
      requireStatus(state, 'sent', 'expired');
      if (!isAfterValidity(state, command.data.at))
        throw QuoteErrors.quoteStillValid(state.validUntil);
      return [
        {
          type: 'QuoteExpired',
          data: { quoteId, validUntil: state.validUntil, at: command.data.at },
        },
      ];
    }
  }
}

export const quoteDecider: Decider<QuoteCommand, QuoteEvent, QuoteState> = {
  initialState: initialQuoteState,
  evolve: evolveQuote,
  decide: decideQuote,
};

/** validUntil is inclusive: the quote can be accepted all day long (UTC) on that date. */
export function isAfterValidity(state: Pick<QuoteState, 'validUntil'>, at: string): boolean {
  return new Date(at).toISOString().slice(0, 10) > state.validUntil;
}

function expired(state: QuoteState): DomainError {
  return QuoteErrors.quoteExpired(state.validUntil);
}

function requireDraft(state: QuoteState): void {
  if (state.status !== 'draft') throw QuoteErrors.quoteNotEditable(state.status);
}

function requireStatus(state: QuoteState, expected: QuoteStatus, to: QuoteStatus): void {
  if (state.status !== expected) {
    throw QuoteErrors.invalidQuoteTransition(state.status, to);
  }
}

function findLine(state: QuoteState, lineId: string): QuoteLine {
  const line = state.lines.find((l) => l.lineId === lineId);
  if (!line) throw QuoteErrors.quoteLineNotFound(lineId);
  return line;
}

function requireQuantity(quantity: number): void {
  if (!(Number.isInteger(quantity) && quantity > 0 && quantity <= MAX_QUANTITY))
    throw LineErrors.invalidQuantity('quantity', MAX_QUANTITY);
}

function requireDate(value: string): void {
  parseCalendarDate(value, 'validUntil');
}
