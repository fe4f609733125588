/**
 * The contacts read models for the rebuild CLI (progress bar, takes the projection's lock):
 *
 *   DATABASE_URL=postgres://... node -r @swc-node/register libs/event-sourcing/src/projections/cli/rebuild.ts \
 *     --registry services/contacts/src/projections.registry.ts --all
 *
 * The store is decorated exactly as the service does, so shredded people stay shredded.
 */
import {
  PostgresEventStore,
  PostgresSubjectKeyStore,
  postgresLogHead,
  withCryptoShredding,
  type RebuildCliRegistry,
} from '@crm/event-sourcing';
import { personalDataSpec } from './infrastructure/personal-data';
import { PROJECTIONS } from './infrastructure/read-models';
import { CONTACTS_KEYS_SCHEMA, CONTACTS_SCHEMA } from './infrastructure/tokens';

export const projectionRegistry: RebuildCliRegistry = {
  schema: CONTACTS_SCHEMA,
  projections: PROJECTIONS,
  async openStore(pool) {
    const raw = await PostgresEventStore.open(pool, { schema: CONTACTS_SCHEMA });
    const keys = new PostgresSubjectKeyStore(pool, { schema: CONTACTS_KEYS_SCHEMA });
    await keys.migrate();
    return {
      store: withCryptoShredding(raw, keys, personalDataSpec),
      logHead: postgresLogHead(raw),
      close: () => raw.close(),
    };
  },
};
