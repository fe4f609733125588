/** The warranty-terms settings' one refusal. */
import { defineErrors } from '@crm/event-sourcing';

export const WarrantyTermsErrors = defineErrors('warranty-terms', {
  WarrantyTermsNotFound: {
    kind: 'not-found',
    message: () => 'The product has no warranty terms (its units get no warranty)',
  },
});
