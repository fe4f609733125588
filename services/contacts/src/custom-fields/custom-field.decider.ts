/**
 * The tenant's catalogue of custom contact fields: one stream per tenant (`customfields-catalogue`),
 * written by admins. Contacts read it to validate values; a retired key is unknown from then on
 * (values already held stay in the log and read models until overwritten).
 */
import { type Decider } from '@crm/event-sourcing';
import { parseOneOf, parseText } from '@crm/values';
import { CUSTOM_FIELD_KEY, CUSTOM_FIELD_TYPES, type CustomFieldDefinition } from './custom-field';
import type { CustomFieldCommand } from './custom-field.commands';
import type { CustomFieldEvent } from './custom-field.events';
import { CustomFieldErrors } from './custom-field.errors';

export interface CustomFieldCatalogue {
  readonly fields: Readonly<Record<string, CustomFieldDefinition>>;
  /** Retired keys cannot be reused: old events still carry values typed by the old definition. */
  readonly retired: readonly string[];
}

export const CUSTOM_FIELD_CATALOGUE_STREAM = 'customfields-catalogue';

function parseOptions(raw: unknown, field: string): string[] {
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > 200) {
    throw CustomFieldErrors.invalidSelectOptions(field);
  }
  const options = raw.map((o, i) => parseText(o, `${field}[${i}]`, 100));
  if (new Set(options).size !== options.length) {
    throw CustomFieldErrors.duplicateSelectOption(field);
  }
  return options;
}

function decide(command: CustomFieldCommand, state: CustomFieldCatalogue): CustomFieldEvent[] {
  const { key } = command.data;
  switch (command.type) {
    case 'DefineCustomField': {
      if (typeof key !== 'string' || !CUSTOM_FIELD_KEY.test(key)) {
        throw CustomFieldErrors.invalidCustomFieldKey();
      }
      if (state.retired.includes(key)) {
        throw CustomFieldErrors.customFieldKeyRetired(key);
      }
      const type = parseOneOf(command.data.fieldType, CUSTOM_FIELD_TYPES, 'fieldType');
      const isSelect = type === 'single-select' || type === 'multi-select';
      if (!isSelect && command.data.options !== undefined) {
        throw CustomFieldErrors.optionsOnlyForSelect();
      }
      const definition: CustomFieldDefinition = {
        key,
        label: parseText(command.data.label, 'label', 80),
        type,
        ...(isSelect ? { options: parseOptions(command.data.options, 'options') } : {}),
      };
      const existing = state.fields[key];
      if (existing) {
        if (JSON.stringify(existing) === JSON.stringify(definition)) return [];
        throw CustomFieldErrors.customFieldAlreadyDefined(key);
      }
      return [{ type: 'CustomFieldDefined', data: definition }];
    }
    case 'ChangeCustomFieldOptions': {
      const existing = requireField(state, key);
      if (existing.type !== 'single-select' && existing.type !== 'multi-select') {
        throw CustomFieldErrors.optionsOnlyForSelect();
      }
      const options = parseOptions(command.data.options, 'options');
      return [{ type: 'CustomFieldOptionsChanged', data: { key, options } }];
    }
    case 'RetireCustomField':
      requireField(state, key);
      return [{ type: 'CustomFieldRetired', data: { key } }];
  }
}

function requireField(state: CustomFieldCatalogue, key: string): CustomFieldDefinition {
  const field = state.fields[key];
  if (!field) throw CustomFieldErrors.customFieldNotFound(key);
  return field;
}

function evolve(state: CustomFieldCatalogue, event: CustomFieldEvent): CustomFieldCatalogue {
  switch (event.type) {
    case 'CustomFieldDefined':
      return { ...state, fields: { ...state.fields, [event.data.key]: event.data } };
    case 'CustomFieldOptionsChanged': {
      const field = state.fields[event.data.key];
      return {
        ...state,
        fields: { ...state.fields, [event.data.key]: { ...field, options: event.data.options } },
      };
    }
    case 'CustomFieldRetired': {
      const { [event.data.key]: _retired, ...fields } = state.fields;
      return { fields, retired: [...state.retired, event.data.key] };
    }
  }
}

export const customFieldDecider: Decider<
  CustomFieldCommand,
  CustomFieldEvent,
  CustomFieldCatalogue
> = {
  initialState: () => ({ fields: {}, retired: [] }),
  evolve,
  decide,
};
