/** Every published integration event, and lookups over them. Adding a definition here publishes it. */
import { AFTERSALES_EVENTS } from './aftersales.events';
import { ANALYTICS_EVENTS } from './analytics.events';
import { CAMPAIGNS_EVENTS } from './campaigns.events';
import { CONTACTS_EVENTS } from './contacts.events';
import type { IntegrationEventDefinition, ServiceName } from './integration-event';
import { parseEventType } from './integration-event';
import { SALES_EVENTS } from './sales.events';

export const INTEGRATION_EVENTS: readonly IntegrationEventDefinition[] = [
  ...CONTACTS_EVENTS,
  ...SALES_EVENTS,
  ...CAMPAIGNS_EVENTS,
  ...ANALYTICS_EVENTS,
  ...AFTERSALES_EVENTS,
];

const byType = new Map(INTEGRATION_EVENTS.map((d) => [d.type, d]));
if (byType.size !== INTEGRATION_EVENTS.length) throw new Error('duplicate integration event type');

export function findIntegrationEvent(type: string): IntegrationEventDefinition | undefined {
  return byType.get(type);
}

export function integrationEvent(type: string): IntegrationEventDefinition {
  const definition = byType.get(type);
  if (!definition) throw new Error(`Unknown integration event type "${type}"`);
  return definition;
}

export function eventsOfService(service: ServiceName): IntegrationEventDefinition[] {
  return INTEGRATION_EVENTS.filter((d) => d.service === service);
}

/** Every topic the catalog publishes to (`crm.<service>.v<major>`), sorted. */
export function publishedTopics(): string[] {
  return [...new Set(INTEGRATION_EVENTS.map((d) => d.topic))].sort();
}

/** Highest version this build knows for the family of `type` (0 if the family is unknown). */
export function highestKnownVersion(type: string): number {
  const parsed = parseEventType(type);
  if (!parsed) return 0;
  let highest = 0;
  for (const d of INTEGRATION_EVENTS) {
    const p = parseEventType(d.type)!;
    if (p.family === parsed.family && p.version > highest) highest = p.version;
  }
  return highest;
}
