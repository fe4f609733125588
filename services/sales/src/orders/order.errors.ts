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
  CustomerRequired: {
    kind: 'invalid',
    message: () => 'An order is for a contact or a company',
    details: () => ({ field: 'contactId' }),
  },
});
