/** Every way a command on an order can be refused. */
import { defineErrors } from '@crm/event-sourcing';

export const OrderErrors = defineErrors('order', {
  OrderNotFound: { kind: 'not-found', message: () => 'No such order' },
  InvalidOrderTransition: {
    kind: 'conflict',
    message: (from: string, to: string) => `A ${from} order cannot become ${to}`,
    details: (from, to) => ({ from, to }),
  },
  /** Too few or too many lines, or a line id given twice (`repeatedAt` is its index). */
  InvalidOrderLines: {
    kind: 'invalid',
    message: (issue: { maxLines: number } | { repeatedAt: number }) =>
      'maxLines' in issue
        ? `An order has 1..${issue.maxLines} lines`
        : `lines[${issue.repeatedAt}].lineId is repeated`,
    details: (issue) => ({
      field: 'maxLines' in issue ? 'lines' : `lines[${issue.repeatedAt}].lineId`,
    }),
  },
  InvalidOrderSource: {
    kind: 'invalid',
    message: () => 'source is quote or api',
    details: () => ({ field: 'source' }),
  },
  /** The external id names an order imported before with other content. */
  ImportedOrderConflict: {
    kind: 'conflict',
    message: (externalId: string) =>
      `Order ${externalId} was imported before with other content; nothing was changed`,
    details: (externalId) => ({ field: 'externalId', externalId }),
  },
  /** An imported order's date after the import, or a transition before the placing. */
  ImportedOrderDate: {
    kind: 'invalid',
    message: (field: string, rule: 'future' | 'beforePlaced') =>
      rule === 'future'
        ? `${field} is after the import: history is in the past`
        : `${field} is before the order was placed`,
    details: (field, _rule) => ({ field }),
  },
  InvalidImportedStatus: {
    kind: 'invalid',
    message: () => 'status is placed, fulfilled, cancelled or returned',
    details: () => ({ field: 'status' }),
  },
  CustomerRequired: {
    kind: 'invalid',
    message: () => 'An order is for a contact or a company',
    details: () => ({ field: 'contactId' }),
  },
});
