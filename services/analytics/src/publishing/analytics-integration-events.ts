/**
 * Domain events of analytics' log -> `crm.analytics.v1` (libs/contracts analytics.events.ts),
 * keyed by the contact so one person's outputs stay in order on one partition. Pure and
 * deterministic, as the relay requires. Only ids, model names and numbers: nothing personal.
 */
import * as C from '@crm/contracts';
import type { RecordedEvent } from '@crm/event-sourcing';
import type { IntegrationEventDraft, IntegrationEventMapper } from '@crm/messaging';
import type { AnalyticsEvent } from './analytics-events';

export const analyticsIntegrationEvents: IntegrationEventMapper = (
  recorded: RecordedEvent,
): IntegrationEventDraft | null => {
  const event = { type: recorded.type, data: recorded.data } as AnalyticsEvent;
  switch (event.type) {
    case 'ContactRecommendationsProduced': {
      const d = event.data;
      const data: C.RecommendationProducedV1 = {
        contactId: d.contactId,
        model: d.model,
        productIds: [...d.productIds],
        producedAt: d.producedAt,
      };
      return { type: C.RecommendationProduced.type, subject: d.contactId, data };
    }
    case 'ContactScored': {
      const d = event.data;
      const data: C.ContactScoredV1 = {
        contactId: d.contactId,
        model: d.model,
        score: d.score,
        scoredAt: d.scoredAt,
      };
      return { type: C.ContactScored.type, subject: d.contactId, data };
    }
    default:
      return null;
  }
};
