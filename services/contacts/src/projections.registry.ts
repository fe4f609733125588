/**
 * The contacts read models for the rebuild CLI (progress bar, takes the projection's lock):
 *
 *   DATABASE_URL=postgres://... node -r @swc-node/register libs/event-sourcing/src/projections/cli/rebuild.ts \
 *     --registry services/contacts/src/projections.registry.ts --all
 *
 * The store is decorated exactly as the service does, so shredded people stay shredded.
 */
import { projectionRegistryFor } from '@crm/platform';
import { contactsEventSourcing } from './infrastructure/contacts-event-sourcing';

export const projectionRegistry = projectionRegistryFor(contactsEventSourcing);
