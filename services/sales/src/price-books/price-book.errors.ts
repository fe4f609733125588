/** Every way a command on a price book can be refused. */
import { defineErrors } from '@crm/event-sourcing';

export const PriceBookErrors = defineErrors('price-book', {
  PriceBookNotFound: { kind: 'not-found', message: () => 'No such price book' },
  PriceBookAlreadyExists: {
    kind: 'conflict',
    message: (priceBookId: string) => `Price book ${priceBookId} already exists`,
  },
});
