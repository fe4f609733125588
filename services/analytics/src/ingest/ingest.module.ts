/**
 * Ingest: analytics' derived tables, fed only by integration events (crm.contacts.v1,
 * crm.sales.v1, crm.campaigns.v1 and the contact, lead, opportunity, order and product state
 * topics) through the `analytics.ingest` consumers. Its tables are created before the consumers
 * join their group (module init runs before the messaging runtime's bootstrap).
 */
import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { ANALYTICS_CONFIG, type AnalyticsConfig } from '../analytics.config';
import { CampaignsIngestConsumer } from './campaigns.consumer';
import { ContactStateIngestConsumer } from './contact-state.consumer';
import { ContactsIngestConsumer } from './contacts.consumer';
import { FunnelIngestConsumer } from './funnel.consumer';
import { migrateIngestTables } from './ingest-schema';
import { OrdersIngestConsumer } from './orders.consumer';
import { SalesStateIngestConsumer } from './sales-state.consumer';

@Module({
  // Controllers of the messaging transport.
  controllers: [
    ContactsIngestConsumer,
    ContactStateIngestConsumer,
    OrdersIngestConsumer,
    SalesStateIngestConsumer,
    FunnelIngestConsumer,
    CampaignsIngestConsumer,
  ],
})
export class IngestModule implements OnModuleInit {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(ANALYTICS_CONFIG) private readonly config: AnalyticsConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await migrateIngestTables(this.pool, this.config.conversionWindowDays);
  }
}
