/**
 * `crm.analytics.v1`: scores and recommendations other services act on (campaign targeting).
 * A first cut for the analytics service's issue to refine compatibly.
 */
import { defineIntegrationEvent } from './integration-event';
import { id, list, number, object, text, timestamp } from './json-schema';

const contactId = id('Contact id (the subject)');

export const ContactScored = defineIntegrationEvent({
  service: 'analytics',
  aggregate: 'contact',
  fact: 'scored',
  summary: 'A model scored a contact (e.g. churn risk, purchase propensity).',
  schema: object(
    {
      contactId,
      model: text('Model name and version', 100),
      score: number('Score 0..1', 0, 1),
      scoredAt: timestamp('When'),
    },
    ['contactId', 'model', 'score', 'scoredAt'],
  ),
});

export const RecommendationProduced = defineIntegrationEvent({
  service: 'analytics',
  aggregate: 'contact',
  fact: 'recommendation_produced',
  summary: 'Products recommended for a contact, best first.',
  schema: object(
    {
      contactId,
      model: text('Model name and version', 100),
      productIds: list(id('Product id'), 'Recommended products, best first', 50),
      producedAt: timestamp('When'),
    },
    ['contactId', 'model', 'productIds', 'producedAt'],
  ),
});

/** `data` of crm.analytics.contact.scored.v1. */
export interface ContactScoredV1 {
  readonly contactId: string;
  readonly model: string;
  readonly score: number;
  readonly scoredAt: string;
}

/** `data` of crm.analytics.contact.recommendation_produced.v1. */
export interface RecommendationProducedV1 {
  readonly contactId: string;
  readonly model: string;
  readonly productIds: readonly string[];
  readonly producedAt: string;
}

export const ANALYTICS_EVENTS = [ContactScored, RecommendationProduced] as const;
