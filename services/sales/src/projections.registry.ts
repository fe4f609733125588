/**
 * The sales read models for the rebuild CLI of @crm/event-sourcing:
 *
 *   DATABASE_URL=postgres://... node -r @swc-node/register libs/event-sourcing/src/projections/cli/rebuild.ts \
 *     --registry services/sales/src/projections.registry.ts --all
 *
 * The store is decorated exactly as the running service decorates it (crypto-shredded lead profiles).
 */
import {
  PostgresEventStore,
  PostgresSubjectKeyStore,
  postgresLogHead,
  withCryptoShredding,
  type RebuildCliRegistry,
} from '@crm/event-sourcing';
import { salesReadModels } from './infrastructure/sales-read-models.projection';
import { SALES_KEYS_SCHEMA, SALES_SCHEMA } from './infrastructure/tokens';
import { leadPersonalData } from './leads/lead-personal-data';

export const projectionRegistry: RebuildCliRegistry = {
  schema: SALES_SCHEMA,
  projections: [salesReadModels],
  openStore: async (pool) => {
    const raw = await PostgresEventStore.open(pool, { schema: SALES_SCHEMA });
    const keys = new PostgresSubjectKeyStore(pool, { schema: SALES_KEYS_SCHEMA });
    await keys.migrate();
    return {
      store: withCryptoShredding(raw, keys, leadPersonalData),
      logHead: postgresLogHead(raw),
      close: () => raw.close(),
    };
  },
};
