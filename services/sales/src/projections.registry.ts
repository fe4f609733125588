/**
 * The sales read models for the rebuild CLI of @crm/event-sourcing:
 *
 *   DATABASE_URL=postgres://... node -r @swc-node/register libs/event-sourcing/src/projections/cli/rebuild.ts \
 *     --registry services/sales/src/projections.registry.ts --all
 *
 * The store is decorated exactly as the running service decorates it (crypto-shredded lead profiles).
 */
import { projectionRegistryFor } from '@crm/platform';
import { salesEventSourcing } from './infrastructure/sales-event-sourcing';

export const projectionRegistry = projectionRegistryFor(salesEventSourcing);
