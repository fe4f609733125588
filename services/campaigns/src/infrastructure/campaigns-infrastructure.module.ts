/**
 * Where the service's infrastructure is chosen: the shared event-sourced core (PostgreSQL event
 * store in the `campaigns` schema, worker pool, read models, command path) and the messaging
 * (relay + audience consumers).
 */
import { Global, Module } from '@nestjs/common';
import { EventSourcingModule } from '@crm/platform';
import { CampaignsMessagingModule } from '../integration/campaigns-messaging';
import { campaignsEventSourcing } from './campaigns-event-sourcing';

@Global()
@Module({
  imports: [EventSourcingModule.forRoot(campaignsEventSourcing), CampaignsMessagingModule],
})
export class CampaignsInfrastructureModule {}
