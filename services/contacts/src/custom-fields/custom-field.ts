import { parseCalendarDate } from '@crm/values';
import { CustomFieldErrors } from './custom-field.errors';

export const CUSTOM_FIELD_TYPES = [
  'text',
  'number',
  'date',
  'boolean',
  'single-select',
  'multi-select',
] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export interface CustomFieldDefinition {
  /** snake_case key used in API bodies and filters: `customFields.loyalty_tier`. */
  readonly key: string;
  readonly label: string;
  readonly type: CustomFieldType;
  /** Allowed values of the select types. */
  readonly options?: readonly string[];
}

export type CustomFieldValue = string | number | boolean | readonly string[];

export const CUSTOM_FIELD_KEY = /^[a-z][a-z0-9_]{0,39}$/;

/**
 * Checks a value against its tenant-defined type. `definition` is undefined when the tenant never
 * defined (or retired) the key: that is an unknown field, a client error.
 */
export function parseCustomFieldValue(
  key: string,
  value: unknown,
  definition: CustomFieldDefinition | undefined,
): CustomFieldValue {
  const field = `customFields.${key}`;
  if (!definition) throw CustomFieldErrors.unknownCustomField(field);
  const wrongType = (expected: string) =>
    CustomFieldErrors.customFieldTypeMismatch(field, expected, definition.type);
  switch (definition.type) {
    case 'text':
      if (typeof value !== 'string' || value.length > 1000)
        throw wrongType('a string of at most 1000 characters');
      return value;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw wrongType('a finite number');
      return value;
    case 'date':
      if (typeof value !== 'string') throw wrongType('a date YYYY-MM-DD');
      return parseCalendarDate(value, field);
    case 'boolean':
      if (typeof value !== 'boolean') throw wrongType('true or false');
      return value;
    case 'single-select':
      if (typeof value !== 'string' || !definition.options?.includes(value)) {
        throw wrongType(`one of: ${(definition.options ?? []).join(', ')}`);
      }
      return value;
    case 'multi-select': {
      const options = definition.options ?? [];
      if (
        !Array.isArray(value) ||
        value.some((v) => typeof v !== 'string' || !options.includes(v))
      ) {
        throw wrongType(`a list drawn from: ${options.join(', ')}`);
      }
      return [...new Set(value as string[])];
    }
  }
}
