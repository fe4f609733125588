/**
 * The service's read models for the rebuild CLI of @crm/event-sourcing. The store is opened
 * exactly as EventSourcingModule opens it, so shredded people stay shredded in rebuilt tables:
 *
 *   // services/<name>/src/projections.registry.ts
 *   export const projectionRegistry = projectionRegistryFor(eventSourcingOptions);
 */
import { postgresLogHead } from '@crm/event-sourcing';
import type { RebuildCliRegistry } from '@crm/event-sourcing/cli';
import type { EventSourcingModuleOptions } from './event-sourcing-options';
import { openServiceEventStore } from './service-event-store';

export function projectionRegistryFor(
  options: Pick<
    EventSourcingModuleOptions,
    'schema' | 'keysSchema' | 'personalData' | 'projections'
  >,
): RebuildCliRegistry {
  return {
    schema: options.schema,
    projections: options.projections,
    async openStore(pool) {
      const { raw, store } = await openServiceEventStore(pool, options);
      return { store, logHead: postgresLogHead(raw), close: () => raw.close() };
    },
  };
}
