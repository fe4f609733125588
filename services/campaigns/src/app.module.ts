/**
 * The campaigns service, feature by feature: the audience (what the CRM knows about each
 * customer, fed only by integration events), segments (rules over it) and their live memberships.
 * Infrastructure is chosen in CampaignsInfrastructureModule.
 */
import { Module } from '@nestjs/common';
import { PlatformModule } from '@crm/platform';
import { AttributionModule } from './attribution/attribution.module';
import { AudienceModule } from './audience/audience.module';
import { CampaignsConfigModule } from './campaigns.config';
import { CampaignModule } from './campaign/campaign.module';
import { ChannelsModule } from './channels/channels.module';
import { CampaignsInfrastructureModule } from './infrastructure/campaigns-infrastructure.module';
import { MembershipModule } from './membership/membership.module';
import { ResponsesModule } from './responses/responses.module';
import { SegmentsModule } from './segments/segments.module';
import { SendingModule } from './sending/sending.module';
import { TemplatesModule } from './templates/templates.module';

@Module({
  imports: [
    PlatformModule.forRoot({
      serviceName: 'campaigns',
      description:
        'Marketing: the audience from profile, behaviour and purchase history, live segments over it',
      idempotency: { schema: 'campaigns' },
    }),
    CampaignsConfigModule,
    CampaignsInfrastructureModule,
    AudienceModule,
    SegmentsModule,
    MembershipModule,
    TemplatesModule,
    ChannelsModule,
    CampaignModule,
    SendingModule,
    ResponsesModule,
    AttributionModule,
  ],
})
export class AppModule {}
