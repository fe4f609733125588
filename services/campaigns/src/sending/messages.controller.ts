/**
 * The send ledger over REST: a person's message history (every campaign) and one campaign's
 * messages, newest first in keyset pages, filtered by status. Every campaigns reader reads them;
 * another tenant's campaign is the same 404 as an unknown one.
 */
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentUser, Roles, type AuthenticatedUser } from '@crm/platform';
import { CampaignErrors } from '../campaign/campaign.errors';
import { CampaignQueries } from '../campaign/campaign.queries';
import { READERS } from '../shared/roles';
import { ListMessagesQuery, MessagePage } from './message.dto';
import { MessageQueries } from './message.queries';

@ApiTags('messages')
@Controller()
export class MessagesController {
  constructor(
    private readonly messages: MessageQueries,
    private readonly campaigns: CampaignQueries,
  ) {}

  @Get('contacts/:contactId/messages')
  @Roles(...READERS)
  @ApiOperation({
    summary: "A person's campaign messages, newest first: sent, skipped (and why), responses",
  })
  @ApiOkResponse({ type: MessagePage })
  @ApiProblems(400, 401, 403)
  ofContact(
    @CurrentUser() user: AuthenticatedUser,
    @Param('contactId') contactId: string,
    @Query() query: ListMessagesQuery,
  ): Promise<MessagePage> {
    return this.messages.ofContact(user.tenant, contactId, query);
  }

  @Get('campaigns/:campaignId/messages')
  @Roles(...READERS)
  @ApiOperation({ summary: "A campaign's messages, newest first, optionally of one status" })
  @ApiOkResponse({ type: MessagePage })
  @ApiProblems(400, 401, 403, 404)
  async ofCampaign(
    @CurrentUser() user: AuthenticatedUser,
    @Param('campaignId') campaignId: string,
    @Query() query: ListMessagesQuery,
  ): Promise<MessagePage> {
    if (!(await this.campaigns.get(user.tenant, campaignId)))
      throw CampaignErrors.campaignNotFound();
    return this.messages.ofCampaign(user.tenant, campaignId, query);
  }
}
