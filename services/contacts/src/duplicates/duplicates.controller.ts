import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiProblems,
  answerCommand,
  Caller,
  Roles,
  Tenant,
  type CommandCaller,
} from '@crm/platform';
import type { FastifyReply } from 'fastify';
import { ContactView } from '../contacts/contact.dto';
import { contactStreamId, toContactView } from '../contacts/contact-view';
import { ContactViewDetails } from '../contacts/contact-view-details.interceptor';
import { MANAGERS, READERS } from '../shared/roles';
import { DuplicateCandidatesQuery } from './duplicate-candidates.query';
import { DuplicatePairView, DuplicatesQuery, MergeDto } from './duplicates.dto';
import { MergeService } from './merge.service';

@ApiTags('duplicates')
@Controller('contacts')
@UseInterceptors(ContactViewDetails)
export class DuplicatesController {
  constructor(
    private readonly candidates: DuplicateCandidatesQuery,
    private readonly merges: MergeService,
  ) {}

  @Get('duplicates')
  @Roles(...READERS)
  @ApiOkResponse({ type: [DuplicatePairView], description: 'Candidate pairs, most likely first' })
  @ApiProblems(400, 401, 403)
  @ApiOperation({ summary: 'List likely duplicate pairs, strongest first' })
  list(@Tenant() tenant: string, @Query() query: DuplicatesQuery): Promise<DuplicatePairView[]> {
    return this.candidates.find(tenant, {
      minScore: query.minScore ?? 0.5,
      limit: query.limit ?? 50,
    });
  }

  @Get(':id/duplicates')
  @Roles(...READERS)
  @ApiOkResponse({ type: [DuplicatePairView] })
  @ApiProblems(400, 401, 403, 404)
  @ApiOperation({ summary: 'List the likely duplicates of one contact' })
  forContact(
    @Tenant() tenant: string,
    @Param('id') id: string,
    @Query() query: DuplicatesQuery,
  ): Promise<DuplicatePairView[]> {
    contactStreamId(id);
    return this.candidates.find(tenant, {
      minScore: query.minScore ?? 0.5,
      limit: query.limit ?? 50,
      contactId: id.toLowerCase(),
    });
  }

  @Post(':id/merge')
  @HttpCode(200)
  @Roles(...MANAGERS)
  @ApiOkResponse({ type: ContactView, description: 'The survivor after the merge' })
  @ApiProblems(400, 401, 403, 404, 409, 410, 422)
  @ApiOperation({ summary: 'Merge a duplicate into this contact (the survivor)' })
  async merge(
    @Caller() caller: CommandCaller,
    @Param('id') survivorId: string,
    @Body() dto: MergeDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContactView> {
    contactStreamId(dto.duplicateId);
    const { state, version } = await this.merges.merge(caller, survivorId, dto.duplicateId);
    return answerCommand(reply, toContactView(survivorId.toLowerCase(), state, version));
  }
}
