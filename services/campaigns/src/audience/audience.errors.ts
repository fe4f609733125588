/** Every way a read of the audience can be refused. */
import { defineErrors } from '@crm/event-sourcing';

export const AudienceErrors = defineErrors('audience', {
  AudienceContactNotFound: {
    kind: 'not-found',
    message: () => 'Campaigns knows no such contact (never heard of, merged away or erased)',
  },
});
