/** Campaign results (report 8): what each campaign's messages did, by campaign, variant, channel or segment. */
import { Module } from '@nestjs/common';
import { CampaignResultsController } from './campaign-results.controller';
import { CampaignResultsQueries } from './campaign-results.queries';

@Module({
  controllers: [CampaignResultsController],
  providers: [CampaignResultsQueries],
})
export class CampaignResultsModule {}
