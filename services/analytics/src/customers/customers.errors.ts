/** Every way a read of a customer summary can be refused. */
import { defineErrors } from '@crm/event-sourcing';

export const CustomerErrors = defineErrors('customer', {
  CustomerNotFound: {
    kind: 'not-found',
    message: () => 'Analytics knows no such customer (never heard of, or merged into another)',
  },
  CustomerErased: {
    kind: 'gone',
    message: () => 'This person was erased; analytics keeps nothing about them',
  },
});
