/**
 * Every topic the `analytics.ingest` group reads: the event topics of contacts, sales and
 * campaigns and the state topics the bootstrap needs. A rebuild replays exactly these
 * (ingest-topics.unit.spec.ts checks that every handled type lives on one of them).
 */
import {
  ContactStateTopic,
  LeadStateTopic,
  OpportunityStateTopic,
  OrderStateTopic,
  ProductStateTopic,
  topicFor,
} from '@crm/contracts';

/** State topics first: a replay that reads them before the events ends in the same tables. */
export const INGEST_STATE_TOPICS = [
  ContactStateTopic.type,
  ProductStateTopic.type,
  OrderStateTopic.type,
  LeadStateTopic.type,
  OpportunityStateTopic.type,
] as const;

export const INGEST_TOPICS: readonly string[] = [
  ...INGEST_STATE_TOPICS,
  topicFor('contacts'),
  topicFor('sales'),
  topicFor('campaigns'),
];
