import { Module } from '@nestjs/common';

/** Campaigns: the decider from draft to completed, their REST and A/B statistics. */
@Module({})
export class CampaignModule {}
