/**
 * The sender: the message aggregate (the send ledger), its read models and suppression list,
 * send-time checks, batches through the channels, crash recovery, and the message lists.
 */
import { Module } from '@nestjs/common';
import { CampaignModule } from '../campaign/campaign.module';
import { ChannelsModule } from '../channels/channels.module';
import { TemplatesModule } from '../templates/templates.module';
import { CampaignSender } from './campaign-sender';
import { InFlightRecovery } from './in-flight-recovery';
import { MessagesController } from './messages.controller';
import { MessageQueries } from './message.queries';
import { RecipientFactsReader } from './recipient-facts';
import { SuppressionList } from './suppression-list';

@Module({
  imports: [CampaignModule, ChannelsModule, TemplatesModule],
  controllers: [MessagesController],
  providers: [
    CampaignSender,
    InFlightRecovery,
    RecipientFactsReader,
    SuppressionList,
    MessageQueries,
  ],
  exports: [SuppressionList, MessageQueries],
})
export class SendingModule {}
