import { Module } from '@nestjs/common';
import { SegmentsModule } from '../segments/segments.module';
import { TemplatesModule } from '../templates/templates.module';
import { CampaignLauncher } from './campaign-launcher';
import { CampaignReferences } from './campaign-references';
import { CampaignController } from './campaign.controller';
import { CampaignQueries } from './campaign.queries';
import { NextBestOffers } from './next-best-offer';

/**
 * Campaigns: the decider from draft to completed, their REST and A/B statistics. The sender (a
 * later wave) drives the aggregate through its commands and reads CampaignQueries.
 */
@Module({
  imports: [SegmentsModule, TemplatesModule],
  controllers: [CampaignController],
  providers: [CampaignQueries, CampaignReferences, CampaignLauncher, NextBestOffers],
  exports: [CampaignQueries, NextBestOffers],
})
export class CampaignModule {}
