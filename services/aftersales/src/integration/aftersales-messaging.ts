/**
 * The service's integration with the rest of the CRM: the relay publishing crm.aftersales.v1
 * from the log (assets, cases, notices) and the order feed consuming crm.sales.v1
 * (assets/order-feed.consumer.ts). Transport: see serviceMessagingModule.
 */
import { serviceMessagingModule } from '@crm/platform';
import { PUBLISHED_CATEGORIES } from '../infrastructure/streams';
import { aftersalesIntegrationEvents } from './aftersales-integration-events';

export const AftersalesMessagingModule = serviceMessagingModule({
  service: 'aftersales',
  mapper: aftersalesIntegrationEvents,
  categories: PUBLISHED_CATEGORIES,
});
