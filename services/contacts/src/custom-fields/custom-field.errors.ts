/** Every way a command on the custom-field catalogue can be refused. */
import { defineErrors } from '@crm/event-sourcing';

export const CustomFieldErrors = defineErrors('custom-field', {
  CustomFieldNotFound: {
    kind: 'not-found',
    message: (key: string) => `Custom field ${key} is not defined`,
    details: (key) => ({ key }),
  },
  CustomFieldAlreadyDefined: {
    kind: 'conflict',
    message: (key: string) => `Custom field ${key} is already defined`,
    details: (key) => ({ key }),
  },
  CustomFieldKeyRetired: {
    kind: 'conflict',
    message: (key: string) => `Custom field ${key} was retired and cannot be reused`,
    details: (key) => ({ key }),
  },
});
