/**
 * The campaigns read models for the rebuild CLI of @crm/event-sourcing
 * (`npm run campaigns:rebuild -- --all`).
 */
import { projectionRegistryFor } from '@crm/platform';
import { campaignsEventSourcing } from './infrastructure/campaigns-event-sourcing';

export const projectionRegistry = projectionRegistryFor(campaignsEventSourcing);
