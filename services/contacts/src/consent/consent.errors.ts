/** Ways a consent decision can be refused beyond malformed fields. */
import { defineErrors } from '@crm/event-sourcing';

export const ConsentErrors = defineErrors('consent', {
  ConsentDecidedInFuture: {
    kind: 'invalid',
    message: () => 'decidedAt must not be in the future',
    details: () => ({ field: 'decidedAt' }),
  },
});
