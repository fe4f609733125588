/** The 360-degree timeline of a contact, newest first, from the timeline read model. */
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Roles, Tenant } from '@crm/platform';
import { contactStreamId } from '../contacts/contact-view';
import { READERS } from '../shared/roles';
import { TimelinePage, TimelineQuery } from './timeline.dto';
import { TimelineReader } from './timeline.reader';

@ApiTags('timeline')
@Controller('contacts/:id/timeline')
@Roles(...READERS)
export class TimelineController {
  constructor(private readonly timeline: TimelineReader) {}

  @Get()
  @ApiOkResponse({ type: TimelinePage })
  @ApiProblems(400, 401, 403, 404)
  get(
    @Tenant() tenant: string,
    @Param('id') id: string,
    @Query() query: TimelineQuery,
  ): Promise<TimelinePage> {
    contactStreamId(id); // 404 for ids that cannot be contacts
    return this.timeline.page(tenant, id, {
      limit: query.limit ?? 50,
      cursor: query.cursor,
      source: query.source,
    });
  }
}
