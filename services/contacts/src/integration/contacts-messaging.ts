/**
 * Messaging for the contacts service: the relay publishes `crm.contacts.v1` from the log, the
 * state publisher the contact and company state topics (`contactsStateSources`), and the timeline
 * feed consumes what sales and campaigns publish (transport: see serviceMessagingModule).
 */
import { serviceMessagingModule } from '@crm/platform';
import { contactsIntegrationMapper } from './contacts-integration.mapper';
import { contactsStateSources } from './contacts-state';

export const ContactsMessagingModule = serviceMessagingModule({
  service: 'contacts',
  mapper: contactsIntegrationMapper,
  categories: ['contact', 'consent', 'interaction', 'company'],
  stateSources: contactsStateSources,
});
