import type { CustomFieldType } from './custom-field';

export interface DefineCustomField {
  readonly type: 'DefineCustomField';
  readonly data: { key: string; label: string; fieldType: CustomFieldType; options?: string[] };
}
export interface ChangeCustomFieldOptions {
  readonly type: 'ChangeCustomFieldOptions';
  readonly data: { key: string; options: string[] };
}
export interface RetireCustomField {
  readonly type: 'RetireCustomField';
  readonly data: { key: string };
}

export type CustomFieldCommand = DefineCustomField | ChangeCustomFieldOptions | RetireCustomField;
