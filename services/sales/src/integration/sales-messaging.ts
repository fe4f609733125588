/**
 * The service's integration with the rest of the CRM: the relay publishing crm.sales.v1 from the
 * log, the state publisher its state topics (`salesStateSources`), and the
 * `sales.contact-references` consumer of crm.contacts.v1 (ContactReferencesConsumer's
 * `@EventPattern` methods). Transport: see serviceMessagingModule.
 */
import { serviceMessagingModule } from '@crm/platform';
import { salesIntegrationEvents } from './sales-integration-events';
import { salesStateSources } from './sales-state';

export const SalesMessagingModule = serviceMessagingModule({
  service: 'sales',
  mapper: salesIntegrationEvents,
  // Every aggregate the mapper publishes: without 'product' and 'pricebook' their facts never left.
  categories: [
    'lead',
    'opportunity',
    'activity',
    'quote',
    'order',
    'product',
    'pricebook',
    'pipeline',
  ],
  stateSources: salesStateSources,
});
