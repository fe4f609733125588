import { Injectable } from '@nestjs/common';
import { AggregateCommands } from '@crm/platform';
import type { CustomFieldDefinition } from './custom-field';
import { CUSTOM_FIELD_CATALOGUE_STREAM, customFieldDecider } from './custom-field.decider';

/** The tenant's current custom field definitions, read from its catalogue stream (strongly consistent). */
@Injectable()
export class CustomFieldCatalogueReader {
  constructor(private readonly aggregates: AggregateCommands) {}

  async fieldsOf(tenant: string): Promise<Readonly<Record<string, CustomFieldDefinition>>> {
    const { state } = await this.aggregates.load(
      customFieldDecider,
      tenant,
      CUSTOM_FIELD_CATALOGUE_STREAM,
    );
    return state.fields;
  }
}
