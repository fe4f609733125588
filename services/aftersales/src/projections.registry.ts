/**
 * The after-sales read models for the rebuild CLI of @crm/event-sourcing
 * (`npm run aftersales:rebuild -- --all`).
 */
import { projectionRegistryFor } from '@crm/platform';
import { aftersalesEventSourcing } from './infrastructure/aftersales-event-sourcing';

export const projectionRegistry = projectionRegistryFor(aftersalesEventSourcing);
