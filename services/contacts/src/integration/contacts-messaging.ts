/**
 * Messaging for the contacts service: the relay publishes `crm.contacts.v1` from the log, and the
 * timeline feed consumes what sales and campaigns publish (transport: see serviceMessagingModule).
 */
import { serviceMessagingModule } from '@crm/platform';
import { contactsIntegrationMapper } from './contacts-integration.mapper';

export const ContactsMessagingModule = serviceMessagingModule({
  service: 'contacts',
  mapper: contactsIntegrationMapper,
  categories: ['contact', 'consent', 'interaction', 'company'],
});
