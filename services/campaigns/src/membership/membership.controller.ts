/**
 * Who is in a segment and why, how that changed over time, and which segments a person is in:
 * reads of the live memberships (no writes: the engine keeps them). Every reader role may ask.
 */
import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiProblems,
  CLOCK,
  CurrentUser,
  Roles,
  type AuthenticatedUser,
  type Clock,
} from '@crm/platform';
import { READERS } from '../shared/roles';
import { SegmentErrors } from '../segments/segment.errors';
import {
  ContactSegmentPage,
  ListMembersQuery,
  MemberCountsDto,
  MemberCountsQuery,
  SegmentMemberPage,
} from './membership.dto';
import { MembershipQueries } from './membership.queries';

@ApiTags('memberships')
@Controller()
export class MembershipController {
  constructor(
    private readonly queries: MembershipQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('segments/:segmentId/members')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Members of a segment, newest first, with why each one matches (keyset pages)',
  })
  @ApiOkResponse({ type: SegmentMemberPage })
  @ApiProblems(400, 401, 403, 404)
  async members(
    @CurrentUser() user: AuthenticatedUser,
    @Param('segmentId') segmentId: string,
    @Query() query: ListMembersQuery,
  ): Promise<SegmentMemberPage> {
    await this.requireSegment(user.tenant, segmentId);
    return this.queries.members(user.tenant, segmentId, query);
  }

  @Get('segments/:segmentId/counts')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Members, joins and leaves of a segment over time, per hour or day (UTC)',
  })
  @ApiOkResponse({ type: MemberCountsDto })
  @ApiProblems(400, 401, 403, 404)
  async counts(
    @CurrentUser() user: AuthenticatedUser,
    @Param('segmentId') segmentId: string,
    @Query() query: MemberCountsQuery,
  ): Promise<MemberCountsDto> {
    await this.requireSegment(user.tenant, segmentId);
    return this.queries.counts(user.tenant, segmentId, query, this.clock.now());
  }

  @Get('contacts/:contactId/segments')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The segments a person is in now, and why' })
  @ApiOkResponse({ type: ContactSegmentPage })
  @ApiProblems(400, 401, 403)
  segmentsOf(
    @CurrentUser() user: AuthenticatedUser,
    @Param('contactId') contactId: string,
  ): Promise<ContactSegmentPage> {
    return this.queries.segmentsOf(user.tenant, contactId);
  }

  private async requireSegment(tenant: string, segmentId: string): Promise<void> {
    if (!(await this.queries.segmentExists(tenant, segmentId))) {
      throw SegmentErrors.segmentNotFound();
    }
  }
}
