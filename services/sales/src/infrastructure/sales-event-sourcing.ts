/**
 * The sales specifics of the shared event-sourced infrastructure (EventSourcingModule in
 * @crm/platform): schemas, personal data (lead profiles, activity phones and notes) and the one
 * read-model projection.
 */
import type { EventSourcingModuleOptions } from '@crm/platform';
import { salesPersonalData } from './personal-data-spec';
import { SALES_KEYS_SCHEMA, SALES_SCHEMA } from './schema';
import { salesReadModels } from './sales-read-models.projection';

export const salesEventSourcing: EventSourcingModuleOptions = {
  schema: SALES_SCHEMA,
  keysSchema: SALES_KEYS_SCHEMA,
  personalData: salesPersonalData,
  projections: [salesReadModels],
  workerPoolSize: 8,
  // Every query reads the one read model: all of them answer 503 while it is (re)built.
  gateAllQueries: true,
};
