/** Every published state topic, and lookups over them. Adding a definition here publishes it. */
import { CAMPAIGNS_STATE_TOPICS } from './campaigns.state';
import { CONTACTS_STATE_TOPICS } from './contacts.state';
import type { ServiceName } from './integration-event';
import { SALES_STATE_TOPICS } from './sales.state';
import type { StateTopicDefinition } from './state-topic';

export const STATE_TOPICS: readonly StateTopicDefinition[] = [
  ...CONTACTS_STATE_TOPICS,
  ...SALES_STATE_TOPICS,
  ...CAMPAIGNS_STATE_TOPICS,
];

const byType = new Map(STATE_TOPICS.map((d) => [d.type, d]));
if (byType.size !== STATE_TOPICS.length) throw new Error('duplicate state topic type');

export function findStateTopic(type: string): StateTopicDefinition | undefined {
  return byType.get(type);
}

export function stateTopicsOfService(service: ServiceName): StateTopicDefinition[] {
  return STATE_TOPICS.filter((d) => d.service === service);
}
