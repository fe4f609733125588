/** Campaign results (report 8): what each campaign's messages did, by campaign, variant, channel or segment. */
import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { CampaignResultsController } from './campaign-results.controller';
import { CampaignResultsQueries } from './campaign-results.queries';
import { MessageOutcomesConsumer } from './message-outcomes.consumer';
import { migrateMessageOutcomes } from './message-outcomes.schema';

@Module({
  // The consumer is a controller of the messaging transport.
  controllers: [CampaignResultsController, MessageOutcomesConsumer],
  providers: [CampaignResultsQueries],
})
export class CampaignResultsModule implements OnModuleInit {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** Before the messaging runtime's bootstrap, so the consumer finds its table. */
  async onModuleInit(): Promise<void> {
    await migrateMessageOutcomes(this.pool);
  }
}
