/** State topics of the contacts service (see state-topic.ts). */
import type { StateTopicDefinition } from './state-topic';

export const CONTACTS_STATE_TOPICS: readonly StateTopicDefinition[] = [];
