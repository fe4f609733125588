/** Every way a basket report can be refused (beyond a bad parameter). */
import { defineErrors } from '@crm/event-sourcing';

export const BasketErrors = defineErrors('basket', {
  ProductNotFound: {
    kind: 'not-found',
    message: () =>
      'Analytics knows no such product (no catalogue entry and no order line names it)',
  },
});
