/**
 * The analytics specifics of the shared event-sourced infrastructure (EventSourcingModule in
 * @crm/platform). Analytics is a consumer: its tables are derived from the other services'
 * integration events (ingest/), not from a log of its own, so it has no projection. The store
 * holds what analytics decides itself: the models' scores and recommendations per contact
 * (publishing/), which the relay publishes as crm.analytics.v1; ids and numbers only.
 */
import type { EventSourcingModuleOptions } from '@crm/platform';
import { ANALYTICS_KEYS_SCHEMA, ANALYTICS_SCHEMA } from './schema';

export const analyticsEventSourcing: EventSourcingModuleOptions = {
  schema: ANALYTICS_SCHEMA,
  keysSchema: ANALYTICS_KEYS_SCHEMA,
  personalData: {},
  projections: [],
  workerPoolSize: 8,
};
