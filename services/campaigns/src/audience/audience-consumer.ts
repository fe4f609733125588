/** The audience consumers' group (and inbox key), apart from any other campaigns consumer. */
import type { IntegrationEventPatternExtras } from '@crm/messaging';

export const AUDIENCE_CONSUMER: IntegrationEventPatternExtras = { consumer: 'campaigns.audience' };
