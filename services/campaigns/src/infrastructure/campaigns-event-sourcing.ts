/**
 * The campaigns specifics of the shared event-sourced infrastructure (EventSourcingModule in
 * @crm/platform). The log holds no personal data: segments are rules, memberships contact ids;
 * the people themselves live in the audience, a consumer-owned copy erased with the person.
 */
import type { EventSourcingModuleOptions } from '@crm/platform';
import { attributionProjection } from '../attribution/attribution.projection';
import { campaignsReadModels } from './campaigns-read-models.projection';
import { CAMPAIGNS_KEYS_SCHEMA, CAMPAIGNS_SCHEMA } from './schema';

export const campaignsEventSourcing: EventSourcingModuleOptions = {
  schema: CAMPAIGNS_SCHEMA,
  keysSchema: CAMPAIGNS_KEYS_SCHEMA,
  personalData: {},
  projections: [campaignsReadModels, attributionProjection],
  workerPoolSize: 8,
  gateAllQueries: true,
};
