/**
 * The service's integration with the rest of the CRM: the relay publishing crm.campaigns.v1 from
 * the log, the state publisher crm.campaigns.segment.state.v1 (`campaignsStateSources`), and the
 * audience consumers of crm.contacts.v1 and crm.sales.v1 (and their state topics). Transport:
 * see serviceMessagingModule.
 */
import { serviceMessagingModule } from '@crm/platform';
import { campaignsIntegrationEvents } from './campaigns-integration-events';
import { campaignsStateSources } from './campaigns-state';

export const CampaignsMessagingModule = serviceMessagingModule({
  service: 'campaigns',
  mapper: campaignsIntegrationEvents,
  categories: ['segment', 'membership', 'campaign', 'message', 'conversion'],
  stateSources: campaignsStateSources,
});
