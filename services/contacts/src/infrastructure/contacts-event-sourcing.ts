/**
 * The contacts specifics of the shared event-sourced infrastructure (EventSourcingModule in
 * @crm/platform): schemas, personal data, the read models, and how erased fields fold.
 */
import type { EventSourcingModuleOptions } from '@crm/platform';
import { directoryProjection } from '../directory/directory.projection';
import { timelineProjection } from '../timeline/timeline.projection';
import { toDomainEvent } from './erased-fields';
import { personalDataSpec } from './personal-data';
import { CONTACTS_KEYS_SCHEMA, CONTACTS_SCHEMA } from './schema';

export const contactsEventSourcing: EventSourcingModuleOptions = {
  schema: CONTACTS_SCHEMA,
  keysSchema: CONTACTS_KEYS_SCHEMA,
  personalData: personalDataSpec,
  projections: [directoryProjection, timelineProjection],
  // Projections, the relay and the Kafka consumers each hold a worker connection.
  workerPoolSize: 12,
  upcast: toDomainEvent,
  // Queries gate themselves on the read model they use (ReadModels.assertReady(name)), so the
  // timeline still answers while the directory is rebuilt. Published problem type and retry hint:
};
