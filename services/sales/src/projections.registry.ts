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
import { salesPersonalData } from './infrastructure/personal-data-spec';

export const projectionRegistry: RebuildCliRegistry = {
  schema: SALES_SCHEMA,
  projections: [salesReadModels],
  openStore: async (pool) => {
    const raw = await PostgresEventStore.open(pool, { schema: SALES_SCHEMA });
    const keys = new PostgresSubjectKeyStore(pool, { schema: SALES_KEYS_SCHEMA });
    await keys.migrate();
    return {
      store: withCryptoShredding(raw, keys, salesPersonalData),
      logHead: postgresLogHead(raw),
      close: () => raw.close(),
    };
  },
};
