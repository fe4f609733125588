/**
 * The service's integration with the rest of the CRM: the ingest consumers of every crm.*.v1
 * topic and the state topics (ingest/), and the relay publishing crm.analytics.v1 from analytics'
 * own log (the models' scores and recommendations: publishing/).
 */
import { serviceMessagingModule } from '@crm/platform';
import { analyticsIntegrationEvents } from '../publishing/analytics-integration-events';
import { PUBLISHED_CATEGORIES } from '../publishing/analytics-streams';

export const AnalyticsMessagingModule = serviceMessagingModule({
  service: 'analytics',
  mapper: analyticsIntegrationEvents,
  categories: PUBLISHED_CATEGORIES,
});
