/**
 * Projections whose init (at start-up and after a rebuild's reset, which may drop and recreate
 * the tables) also secures every tenant-keyed table of the schema, in the same transaction.
 */
import type { Projection } from '@crm/event-sourcing';
import type { PoolClient } from 'pg';
import { applyRowLevelSecurity } from './row-level-security';

/** `warn` hears once per table that this role does not own and so cannot secure. */
export function securingProjections(
  schema: string,
  warn: (message: string) => void,
): (projection: Projection) => Projection {
  const warned = new Set<string>();
  return (projection) => {
    // Object.create keeps a class instance's methods and fields (a spread would drop them).
    const secured = Object.create(projection) as Projection;
    return Object.assign(secured, {
      async init(tx: PoolClient): Promise<void> {
        await projection.init(tx);
        const { notOwned } = await applyRowLevelSecurity(tx, schema);
        const unheard = notOwned.filter((table) => !warned.has(table));
        if (!unheard.length) return;
        unheard.forEach((table) => warned.add(table));
        warn(
          `row-level security not applied to ${unheard.map((t) => `${schema}.${t}`).join(', ')}: the connected role does not own them (libs/platform/src/tenancy/README.md)`,
        );
      },
    });
  };
}
