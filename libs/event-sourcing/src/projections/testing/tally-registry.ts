/** A registry module as a service would write one, for the rebuild CLI spec. */
import { PostgresEventStore } from '../../postgres';
import type { RebuildCliRegistry } from '../cli/rebuild';
import { postgresLogHead } from '../log-head';
import { tallyProjection } from './tally-projection';

export const projectionRegistry: RebuildCliRegistry = {
  projections: [tallyProjection({ name: 'tally_cli', schema: 'rm_cli' })],
  openStore: async (pool) => {
    const store = await PostgresEventStore.open(pool, {
      schema: process.env.LOG_SCHEMA ?? 'event_store',
    });
    return { store, logHead: postgresLogHead(store), close: () => store.close() };
  },
};
