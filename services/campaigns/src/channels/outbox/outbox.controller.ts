/**
 * What the capture channels stored, for a newcomer to see what would have been sent: marketers
 * and every reader role, their own tenant only. Nothing writes here over HTTP.
 */
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentUser, Roles, type AuthenticatedUser } from '@crm/platform';
import { READERS } from '../../shared/roles';
import { ListOutboxQuery, OutboxMessageDto, OutboxPage } from './outbox.dto';
import { OutboxErrors } from './outbox.errors';
import { OutboxQueries } from './outbox.queries';

@ApiTags('outbox')
@Controller('outbox')
@Roles(...READERS)
export class OutboxController {
  constructor(private readonly queries: OutboxQueries) {}

  @Get()
  @ApiOperation({
    summary:
      'Messages the capture channels stored instead of sending, newest first (keyset pages; filter by channel, recipient, campaign)',
  })
  @ApiOkResponse({ type: OutboxPage })
  @ApiProblems(400, 401, 403)
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListOutboxQuery,
  ): Promise<OutboxPage> {
    return this.queries.list(user.tenant, query);
  }

  @Get(':messageId')
  @ApiOperation({ summary: 'One captured message in full: headers, HTML and text as rendered' })
  @ApiOkResponse({ type: OutboxMessageDto })
  @ApiProblems(400, 401, 403, 404)
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('messageId') id: string,
  ): Promise<OutboxMessageDto> {
    const message = await this.queries.get(user.tenant, id);
    if (!message) throw OutboxErrors.outboxMessageNotFound();
    return message;
  }
}
