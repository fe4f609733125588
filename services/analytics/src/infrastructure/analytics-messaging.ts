/**
 * The service's integration with the rest of the CRM: the ingest consumers of every crm.*.v1
 * topic and the state topics (ingest/). The relay runs over analytics' own log, which has no
 * stream category yet: nothing is published until the model fits are (crm.analytics.v1).
 */
import { serviceMessagingModule } from '@crm/platform';

export const AnalyticsMessagingModule = serviceMessagingModule({
  service: 'analytics',
  mapper: () => null,
  categories: [],
});
