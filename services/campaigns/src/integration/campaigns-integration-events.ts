/**
 * Domain events of the campaigns log -> `crm.campaigns.v1` integration events (libs/contracts
 * campaigns.events.ts). Nothing is published until the membership events exist.
 */
import type { IntegrationEventMapper } from '@crm/messaging';

export const campaignsIntegrationEvents: IntegrationEventMapper = () => [];
