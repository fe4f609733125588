/** The ingest consumers' group (and inbox key): one group reads every topic analytics needs. */
import type { IntegrationEventPatternExtras } from '@crm/messaging';

export const INGEST_CONSUMER: IntegrationEventPatternExtras = { consumer: 'analytics.ingest' };
