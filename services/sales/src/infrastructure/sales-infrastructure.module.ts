/**
 * Where the service's infrastructure is chosen: the shared event-sourced core (PostgreSQL event
 * store in the `sales` schema behind crypto-shredding, worker pool, read models, command path)
 * with the sales specifics, and the messaging (relay + contacts consumer).
 */
import { Global, Module } from '@nestjs/common';
import { EventSourcingModule } from '@crm/platform';
import { ContactReferencesConsumer } from '../contact-directory/contact-references.consumer';
import { ContactStateConsumer } from '../contact-directory/contact-state.consumer';
import { PersonalData } from '../integration/personal-data';
import { SalesMessagingModule } from '../integration/sales-messaging';
import { SalesProcesses } from './processes';
import { salesEventSourcing } from './sales-event-sourcing';

@Global()
@Module({
  imports: [EventSourcingModule.forRoot(salesEventSourcing), SalesMessagingModule],
  // The consumer of crm.contacts.v1 and the contacts state topics: controllers of the messaging
  // transport, not of HTTP.
  controllers: [ContactReferencesConsumer, ContactStateConsumer],
  providers: [PersonalData, SalesProcesses],
  exports: [PersonalData, SalesProcesses],
})
export class SalesInfrastructureModule {}
