/**
 * crm.analytics.v1: scores and recommendations published through analytics' own event store and
 * the platform relay (infrastructure/analytics-messaging.ts maps the log with
 * analyticsIntegrationEvents). Other modules import this one for AnalyticsPublisher.
 */
import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { AnalyticsPublisher } from './analytics-publisher';
import { migratePublishedOutputs } from './published-outputs.schema';

@Module({
  providers: [AnalyticsPublisher],
  exports: [AnalyticsPublisher],
})
export class PublishingModule implements OnModuleInit {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async onModuleInit(): Promise<void> {
    await migratePublishedOutputs(this.pool);
  }
}
