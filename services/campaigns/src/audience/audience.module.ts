/**
 * The audience: campaigns' read model of every person (profile, consent, purchase history,
 * deals, scores), fed only by integration events (crm.contacts.v1, crm.sales.v1, their state
 * topics, crm.analytics.v1) through the `campaigns.audience` consumers, and read by the segment
 * rules and GET /audience/contacts/{id}. Its tables are created before the consumers join their group
 * (module init runs before the messaging runtime's bootstrap).
 */
import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { AnalyticsAudienceConsumer } from './analytics-audience.consumer';
import { AudienceController } from './audience.controller';
import { CompaniesAudienceConsumer } from './companies-audience.consumer';
import { AudienceQueries } from './audience.queries';
import { migrateAudienceTables } from './audience-schema';
import { migrateAnalyticsAudienceTables } from './analytics-schema';
import { ContactStateAudienceConsumer } from './contact-state-audience.consumer';
import { ContactsAudienceConsumer } from './contacts-audience.consumer';
import { SalesAudienceConsumer } from './sales-audience.consumer';
import { SalesStateAudienceConsumer } from './sales-state-audience.consumer';

@Module({
  // HTTP, and the consumers: controllers of the messaging transport.
  controllers: [
    AudienceController,
    ContactsAudienceConsumer,
    ContactStateAudienceConsumer,
    CompaniesAudienceConsumer,
    SalesAudienceConsumer,
    SalesStateAudienceConsumer,
    AnalyticsAudienceConsumer,
  ],
  providers: [AudienceQueries],
  exports: [AudienceQueries],
})
export class AudienceModule implements OnModuleInit {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async onModuleInit(): Promise<void> {
    await migrateAudienceTables(this.pool);
    // After audience_contacts exists: its trigger fills scores that came before the contact.
    await migrateAnalyticsAudienceTables(this.pool);
  }
}
