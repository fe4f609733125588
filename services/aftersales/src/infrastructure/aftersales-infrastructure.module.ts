/**
 * Where the service's infrastructure is chosen: the shared event-sourced core (PostgreSQL event
 * store in the `aftersales` schema, worker pool, read models, command path) and the messaging
 * (relay of crm.aftersales.v1 + the crm.sales.v1 order feed).
 */
import { Global, Module } from '@nestjs/common';
import { EventSourcingModule } from '@crm/platform';
import { AftersalesMessagingModule } from '../integration/aftersales-messaging';
import { aftersalesEventSourcing } from './aftersales-event-sourcing';

@Global()
@Module({
  imports: [EventSourcingModule.forRoot(aftersalesEventSourcing), AftersalesMessagingModule],
})
export class AftersalesInfrastructureModule {}
