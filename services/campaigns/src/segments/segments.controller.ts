/**
 * The segments API: CRUD with the lifecycle (draft -> active -> archived), the static list upload,
 * the rule field catalogue and the preview. Marketers write, every reader reads (shared/roles.ts).
 * Members and counts are the membership helper's endpoints.
 */
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AggregateCommands,
  ApiProblems,
  answerCommand,
  answerRead,
  Caller,
  CurrentUser,
  Roles,
  resourceCommands,
  viewAfterWrite,
  type AuthenticatedUser,
  type CommandAnswer,
  type CommandCaller,
  type ResourceCommands,
} from '@crm/platform';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { STREAM } from '../infrastructure/streams';
import { MARKETERS, READERS } from '../shared/roles';
import type { SegmentCommand } from './segment.commands';
import { segmentDecider } from './segment.decider';
import {
  CreateSegmentDto,
  FieldCatalogueDto,
  ListSegmentMembersDto,
  ListSegmentsQuery,
  PatchSegmentDto,
  PreviewSegmentDto,
  SegmentDto,
  SegmentMembersUploadDto,
  SegmentPage,
  SegmentPreviewDto,
} from './segment.dto';
import { SegmentErrors } from './segment.errors';
import { SegmentFields, type FieldCatalogueView } from './segment-fields';
import { SegmentMemberUpload } from './segment-member-upload';
import { SegmentPreview } from './segment-preview';
import { SegmentQueries } from './segment.queries';

@ApiTags('segments')
@Controller('segments')
export class SegmentsController {
  private readonly segmentCommands: ResourceCommands<SegmentCommand, CommandAnswer<SegmentDto>>;

  constructor(
    private readonly commands: AggregateCommands,
    private readonly queries: SegmentQueries,
    private readonly fields: SegmentFields,
    private readonly previews: SegmentPreview,
    private readonly uploads: SegmentMemberUpload,
  ) {
    this.segmentCommands = resourceCommands(commands, {
      decider: segmentDecider,
      streamOf: STREAM.segment,
      read: (tenant, id) => queries.get(tenant, id),
    });
  }

  @Post()
  @Roles(...MARKETERS)
  @ApiOperation({
    summary: 'Create a draft segment: dynamic (with a rule) or static (list its members next)',
  })
  @ApiCreatedResponse({ type: SegmentDto, description: 'The new draft; ETag = version, Location' })
  @ApiProblems(400, 401, 403, 422)
  create(
    // If-Match names a version of an existing segment: a new one has none.
    @Caller({ ifMatch: false }) caller: CommandCaller,
    @Body() dto: CreateSegmentDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<SegmentDto>> {
    const segmentId = randomUUID();
    return this.segmentCommands.create(
      caller,
      segmentId,
      reply,
      { type: 'CreateSegment', data: { segmentId, ...dto } },
      `/segments/${segmentId}`,
    );
  }

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Segments filtered by status, kind and name, in keyset pages' })
  @ApiOkResponse({ type: SegmentPage })
  @ApiProblems(400, 401, 403)
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListSegmentsQuery,
  ): Promise<SegmentPage> {
    return this.queries.list(user.tenant, query);
  }

  @Get('fields')
  @Roles(...READERS)
  @ApiOperation({
    summary:
      "The fields a rule may use, by group, with types, enum values and operators, and the tenant's custom field and score keys",
  })
  @ApiOkResponse({ type: FieldCatalogueDto })
  @ApiProblems(401, 403)
  catalogue(@CurrentUser() user: AuthenticatedUser): Promise<FieldCatalogueView> {
    return this.fields.catalogue(user.tenant);
  }

  @Post('preview')
  @HttpCode(200)
  @Roles(...READERS)
  @ApiOperation({
    summary: 'How many contacts a rule matches now and a sample of 20 with why; nothing is saved',
    description:
      'An invalid rule is a 422 naming each path (errors[].field, e.g. rule.all[2].op); a query over its time budget is a 503.',
  })
  @ApiOkResponse({ type: SegmentPreviewDto })
  @ApiProblems(400, 401, 403, 422, 503)
  preview(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: PreviewSegmentDto,
  ): Promise<SegmentPreviewDto> {
    return this.previews.preview(user.tenant, dto.rule);
  }

  @Get(':segmentId')
  @Roles(...READERS)
  @ApiOkResponse({ type: SegmentDto })
  @ApiProblems(401, 403, 404)
  @ApiOperation({ summary: 'Read one segment' })
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('segmentId') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SegmentDto> {
    return answerRead(
      reply,
      await this.queries.get(user.tenant, id),
      SegmentErrors.segmentNotFound,
    );
  }

  @Patch(':segmentId')
  @Roles(...MARKETERS)
  @ApiOperation({
    summary:
      'Change name, description or rule (merge patch; If-Match). A live rule change re-evaluates every member',
  })
  @ApiOkResponse({ type: SegmentDto })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  patch(
    @Caller() caller: CommandCaller,
    @Param('segmentId') id: string,
    @Body() dto: PatchSegmentDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<SegmentDto>> {
    return this.segmentCommands.run(caller, id, reply, { type: 'EditSegment', data: dto });
  }

  @Post(':segmentId/activate')
  @HttpCode(200)
  @Roles(...MARKETERS)
  @ApiOperation({ summary: 'Make a draft live: its membership is kept from now on' })
  @ApiOkResponse({ type: SegmentDto })
  @ApiProblems(401, 403, 404, 409, 412)
  activate(
    @Caller() caller: CommandCaller,
    @Param('segmentId') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<SegmentDto>> {
    return this.segmentCommands.run(caller, id, reply, { type: 'ActivateSegment', data: {} });
  }

  @Post(':segmentId/archive')
  @HttpCode(200)
  @Roles(...MARKETERS)
  @ApiOperation({ summary: 'Archive a segment for good: everyone leaves it' })
  @ApiOkResponse({ type: SegmentDto })
  @ApiProblems(401, 403, 404, 412)
  archive(
    @Caller() caller: CommandCaller,
    @Param('segmentId') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<SegmentDto>> {
    return this.segmentCommands.run(caller, id, reply, { type: 'ArchiveSegment', data: {} });
  }

  @Put(':segmentId/members')
  @HttpCode(200)
  @Roles(...MARKETERS)
  @ApiOperation({
    summary:
      "Replace a static segment's list, by contact ids and/or emails (If-Match); unknown ones are reported, not listed",
  })
  @ApiOkResponse({ type: SegmentMembersUploadDto })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async members(
    @Caller() caller: CommandCaller,
    @Param('segmentId') id: string,
    @Body() dto: ListSegmentMembersDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<SegmentDto> & { upload: object }> {
    const resolved = await this.uploads.resolve(caller.tenant, dto);
    const result = await this.commands.execute(
      segmentDecider,
      STREAM.segment(id),
      { type: 'ListSegmentMembers', data: { contactIds: resolved.contactIds } },
      caller,
    );
    const view = viewAfterWrite(await this.queries.get(caller.tenant, id), {
      id,
      version: result.nextExpectedVersion,
    });
    return {
      ...answerCommand(reply, view),
      upload: {
        received: resolved.received,
        listed: result.state.contactIds.length,
        unknownContactIds: resolved.unknownContactIds,
        unknownEmails: resolved.unknownEmails,
      },
    };
  }
}
