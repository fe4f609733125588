/** Rules every priced line shares (a deal's line items, a quote's and an order's lines). */
import { defineErrors } from '@crm/event-sourcing';

export const LineErrors = defineErrors('line', {
  /** `max`: the upper bound where the feature has one (a quote line). */
  InvalidQuantity: {
    kind: 'invalid',
    message: (_field: string, max?: number) =>
      max === undefined
        ? 'quantity must be a positive whole number'
        : `quantity must be a whole number 1..${max}`,
    details: (field) => ({ field }),
  },
});
