/** Every way a command on a quote can be refused. */
import { defineErrors } from '@crm/event-sourcing';

export const QuoteErrors = defineErrors('quote', {
  QuoteNotFound: { kind: 'not-found', message: () => 'No such quote' },
  QuoteAlreadyExists: {
    kind: 'conflict',
    message: (quoteId: string) => `Quote ${quoteId} already exists`,
  },
  ValidityInPast: {
    kind: 'invalid',
    message: () => 'validUntil is already past',
    details: () => ({ field: 'validUntil' }),
  },
  DuplicateQuoteLine: { kind: 'conflict', message: (lineId: string) => `Line ${lineId} exists` },
  TooManyQuoteLines: { kind: 'invalid', message: (max: number) => `At most ${max} lines` },
  QuoteLineNotFound: { kind: 'not-found', message: (lineId: string) => `No line ${lineId}` },
  ProductInactive: {
    kind: 'conflict',
    message: (productName: string, _productId: string) => `${productName} is not sold any more`,
    details: (_name, productId) => ({ productId }),
  },
  QuoteEmpty: {
    kind: 'conflict',
    message: () => 'A quote needs at least one line before it is sent',
  },
  QuoteStillValid: {
    kind: 'conflict',
    message: (validUntil: string) => `The quote is valid until ${validUntil}`,
  },
  QuoteExpired: {
    kind: 'conflict',
    message: (validUntil: string) => `The quote was valid until ${validUntil}`,
    details: (validUntil) => ({ validUntil }),
  },
  QuoteNotEditable: {
    kind: 'conflict',
    message: (status: string) => `A ${status} quote cannot be changed`,
    details: (status) => ({ status }),
  },
  InvalidQuoteTransition: {
    kind: 'conflict',
    message: (from: string, to: string) => `A ${from} quote cannot become ${to}`,
    details: (from, to) => ({ from, to }),
  },
  /** An allowed role, but not for this much discount. */
  DiscountAboveRoleLimit: {
    kind: 'forbidden',
    message: (field: string, requestedBps: number, limitBps: number) =>
      `${field} of ${requestedBps / 100} % is above your limit of ${limitBps / 100} %`,
    details: (field, requestedBps, limitBps) => ({ field, requestedBps, limitBps }),
  },
});
