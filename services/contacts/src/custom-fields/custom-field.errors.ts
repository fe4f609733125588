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
  /** A value names a key the tenant's catalogue does not define (`field` is `customFields.<key>`). */
  UnknownCustomField: {
    kind: 'invalid',
    message: (field: string) => `${field} is not a custom field defined for this tenant`,
    details: (field) => ({ field }),
  },
  /** `expected` absent: the value was null, which clears nothing on a new contact. */
  CustomFieldTypeMismatch: {
    kind: 'invalid',
    message: (field: string, expected?: string, fieldType?: string) =>
      expected ? `${field} must be ${expected} (field type ${fieldType})` : 'null is not a value',
    details: (field) => ({ field }),
  },
  InvalidCustomFieldKey: {
    kind: 'invalid',
    message: () => 'key must be snake_case, start with a letter, max 40 chars',
    details: () => ({ field: 'key' }),
  },
  OptionsOnlyForSelect: {
    kind: 'invalid',
    message: () => 'options are only allowed for select fields',
    details: () => ({ field: 'options' }),
  },
  InvalidSelectOptions: {
    kind: 'invalid',
    message: (field: string) => `${field} must list 1 to 200 options`,
    details: (field) => ({ field }),
  },
  DuplicateSelectOption: {
    kind: 'invalid',
    message: (field: string) => `${field} must not repeat an option`,
    details: (field) => ({ field }),
  },
});
