import type { DomainEvent } from '@crm/event-sourcing';
import type { CustomFieldDefinition } from './custom-field';

export type CustomFieldDefined = DomainEvent<'CustomFieldDefined', CustomFieldDefinition>;
export type CustomFieldOptionsChanged = DomainEvent<
  'CustomFieldOptionsChanged',
  { key: string; options: string[] }
>;
export type CustomFieldRetired = DomainEvent<'CustomFieldRetired', { key: string }>;

export type CustomFieldEvent = CustomFieldDefined | CustomFieldOptionsChanged | CustomFieldRetired;
