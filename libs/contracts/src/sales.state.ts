/** State topics of the sales service (see state-topic.ts). */
import type { StateTopicDefinition } from './state-topic';

export const SALES_STATE_TOPICS: readonly StateTopicDefinition[] = [];
