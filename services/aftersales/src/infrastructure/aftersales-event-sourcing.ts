/**
 * The after-sales specifics of the shared event-sourced infrastructure (EventSourcingModule in
 * @crm/platform). Assets and notices are ids, dates and codes; a case's subject, description and
 * messages are its contact's personal data, encrypted with the contact's key (case-personal-data.ts).
 */
import type { EventSourcingModuleOptions } from '@crm/platform';
import { casePersonalData } from '../cases/case-personal-data';
import { aftersalesReadModels } from './aftersales-read-models.projection';
import { AFTERSALES_KEYS_SCHEMA, AFTERSALES_SCHEMA } from './schema';

export const aftersalesEventSourcing: EventSourcingModuleOptions = {
  schema: AFTERSALES_SCHEMA,
  keysSchema: AFTERSALES_KEYS_SCHEMA,
  personalData: casePersonalData,
  projections: [aftersalesReadModels],
  workerPoolSize: 8,
  gateAllQueries: true,
};
