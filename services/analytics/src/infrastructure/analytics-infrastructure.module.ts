/**
 * Where the service's infrastructure is chosen: the shared event-sourced core (PostgreSQL in the
 * `analytics` schema, worker pool, command path) and the messaging (ingest consumers).
 */
import { Global, Module } from '@nestjs/common';
import { EventSourcingModule } from '@crm/platform';
import { analyticsEventSourcing } from './analytics-event-sourcing';
import { AnalyticsMessagingModule } from './analytics-messaging';

@Global()
@Module({
  imports: [EventSourcingModule.forRoot(analyticsEventSourcing), AnalyticsMessagingModule],
})
export class AnalyticsInfrastructureModule {}
