/**
 * Opens a service's log the one way both the running service and the rebuild CLI must see it:
 * PostgreSQL in the service schema, behind crypto-shredding with keys in their own schema.
 * Reading the log undecorated would put shredded people back into rebuilt read models.
 */
import {
  PostgresEventStore,
  PostgresSubjectKeyStore,
  withCryptoShredding,
  type EventStore,
} from '@crm/event-sourcing';
import type { Pool } from 'pg';
import type { EventSourcingModuleOptions } from './event-sourcing-options';

export interface ServiceEventStore {
  /** Decorated: what commands and projections read and write. */
  readonly store: EventStore;
  readonly raw: PostgresEventStore;
  readonly keys: PostgresSubjectKeyStore;
}

export type ServiceEventStoreOptions = Pick<
  EventSourcingModuleOptions,
  'schema' | 'keysSchema' | 'personalData'
>;

export async function openServiceEventStore(
  pool: Pool,
  options: ServiceEventStoreOptions,
): Promise<ServiceEventStore> {
  const raw = await PostgresEventStore.open(pool, { schema: options.schema });
  try {
    const keys = new PostgresSubjectKeyStore(pool, { schema: options.keysSchema });
    await keys.migrate();
    return { raw, keys, store: withCryptoShredding(raw, keys, options.personalData) };
  } catch (error) {
    await raw.close();
    throw error;
  }
}
