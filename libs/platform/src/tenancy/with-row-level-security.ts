/**
 * A projection whose init (at start-up and after a rebuild's reset, which may drop and recreate
 * its tables) also secures every tenant-keyed table of the schema, in the same transaction.
 */
import type { Projection } from '@crm/event-sourcing';
import type { PoolClient } from 'pg';
import { applyRowLevelSecurity } from './row-level-security';

export function withRowLevelSecurity(projection: Projection, schema: string): Projection {
  // Object.create keeps a class instance's methods and fields (a spread would drop them).
  const secured = Object.create(projection) as Projection;
  return Object.assign(secured, {
    async init(tx: PoolClient): Promise<void> {
      await projection.init(tx);
      await applyRowLevelSecurity(tx, schema);
    },
  });
}
