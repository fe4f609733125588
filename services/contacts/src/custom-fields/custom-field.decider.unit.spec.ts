import { deciderSpec } from '@crm/event-sourcing/testing';
import { fieldError } from '../testing/field-error';
import { customFieldDecider } from './custom-field.decider';
import type { CustomFieldEvent } from './custom-field.events';

const given = deciderSpec(customFieldDecider);
const tierDefined: CustomFieldEvent = {
  type: 'CustomFieldDefined',
  data: {
    key: 'loyalty_tier',
    label: 'Loyalty tier',
    type: 'single-select',
    options: ['bronze', 'gold'],
  },
};

describe('custom field catalogue decider', () => {
  it('defines a select field with its options', () =>
    given([])
      .when({
        type: 'DefineCustomField',
        data: {
          key: 'loyalty_tier',
          label: 'Loyalty tier',
          fieldType: 'single-select',
          options: ['bronze', 'gold'],
        },
      })
      .then([tierDefined]));

  it('defining the same field identically again is a no-op; differently is a conflict', () => {
    given([tierDefined])
      .when({
        type: 'DefineCustomField',
        data: {
          key: 'loyalty_tier',
          label: 'Loyalty tier',
          fieldType: 'single-select',
          options: ['bronze', 'gold'],
        },
      })
      .thenNothingHappened();
    given([tierDefined])
      .when({
        type: 'DefineCustomField',
        data: { key: 'loyalty_tier', label: 'Tier', fieldType: 'text' },
      })
      .thenThrows('CustomFieldAlreadyDefined');
  });

  it.each([
    ['a key that is not snake_case', { key: 'Loyalty Tier' }, 'InvalidCustomFieldKey', 'key'],
    ['an unknown type', { fieldType: 'colour' }, 'NotAllowedValue', 'fieldType'],
    [
      'a select without options',
      { fieldType: 'multi-select', options: [] },
      'InvalidSelectOptions',
      'options',
    ],
    [
      'options on a number',
      { fieldType: 'number', options: ['1'] },
      'OptionsOnlyForSelect',
      'options',
    ],
    [
      'repeated options',
      { fieldType: 'single-select', options: ['a', 'a'] },
      'DuplicateSelectOption',
      'options',
    ],
  ])('rejects %s', (_why, overrides, code, field) =>
    given([])
      .when({
        type: 'DefineCustomField',
        data: { key: 'x', label: 'X', fieldType: 'text', ...(overrides as object) },
      })
      .thenThrows(fieldError(code, field)),
  );

  it('a retired key is unknown from then on and cannot be reused', () => {
    given([tierDefined])
      .when({ type: 'RetireCustomField', data: { key: 'loyalty_tier' } })
      .thenState((s) => expect(s.fields.loyalty_tier).toBeUndefined());
    given([tierDefined, { type: 'CustomFieldRetired', data: { key: 'loyalty_tier' } }])
      .when({
        type: 'DefineCustomField',
        data: { key: 'loyalty_tier', label: 'Tier', fieldType: 'text' },
      })
      .thenThrows('CustomFieldKeyRetired');
  });

  it('changes the options of a select field only', () => {
    given([tierDefined])
      .when({
        type: 'ChangeCustomFieldOptions',
        data: { key: 'loyalty_tier', options: ['bronze', 'silver', 'gold'] },
      })
      .then([
        {
          type: 'CustomFieldOptionsChanged',
          data: { key: 'loyalty_tier', options: ['bronze', 'silver', 'gold'] },
        },
      ]);
    given([])
      .when({ type: 'RetireCustomField', data: { key: 'nope' } })
      .thenThrows('CustomFieldNotFound');
  });
});
