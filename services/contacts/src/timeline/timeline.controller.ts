/** The 360-degree timeline of a contact, newest first, from the timeline read model. */
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AggregateCommands, ApiProblems, Roles, Tenant } from '@crm/platform';
import { contactDecider } from '../contacts/contact.decider';
import { ContactErrors } from '../contacts/contact.errors';
import { contactStreamId } from '../contacts/contact-view';
import { READERS } from '../shared/roles';
import { TimelinePage, TimelineQuery } from './timeline.dto';
import { TimelineReader } from './timeline.reader';

@ApiTags('timeline')
@Controller('contacts/:id/timeline')
@Roles(...READERS)
export class TimelineController {
  constructor(
    private readonly timeline: TimelineReader,
    private readonly aggregates: AggregateCommands,
  ) {}

  @Get()
  @ApiOkResponse({ type: TimelinePage })
  @ApiProblems(400, 401, 403, 404, 410)
  @ApiOperation({ summary: "Read a contact's timeline, newest first, in signed cursor pages" })
  async get(
    @Tenant() tenant: string,
    @Param('id') id: string,
    @Query() query: TimelineQuery,
  ): Promise<TimelinePage> {
    // 404 for ids that cannot be contacts; 410 for an erased one, like its other endpoints.
    const { state } = await this.aggregates.load(contactDecider, tenant, contactStreamId(id));
    if (state.status === 'erased') throw ContactErrors.contactErased();
    return this.timeline.page(tenant, id, {
      limit: query.limit ?? 50,
      cursor: query.cursor,
      source: query.source,
    });
  }
}
