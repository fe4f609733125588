/**
 * The campaigns API: CRUD of drafts (merge patch), the lifecycle (schedule, launch, pause,
 * resume, cancel: each a 409 with the current status when the lifecycle does not allow it) and
 * the stats with the A/B decision. Marketers write, every reader reads (shared/roles.ts).
 */
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AggregateCommands,
  ApiProblems,
  answerRead,
  Caller,
  CLOCK,
  CurrentUser,
  isoNow,
  Roles,
  resourceCommands,
  type AuthenticatedUser,
  type Clock,
  type CommandAnswer,
  type CommandCaller,
  type ResourceCommands,
} from '@crm/platform';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { STREAM } from '../infrastructure/streams';
import { MARKETERS, READERS } from '../shared/roles';
import { CampaignReferences } from './campaign-references';
import type { CampaignCommand } from './campaign.commands';
import { campaignDecider } from './campaign.decider';
import {
  CampaignDto,
  CampaignPage,
  CampaignStatsDto,
  CreateCampaignDto,
  ListCampaignsQuery,
  PatchCampaignDto,
  ScheduleCampaignDto,
} from './campaign.dto';
import { CampaignErrors } from './campaign.errors';
import { CampaignQueries } from './campaign.queries';
import { mergePatch } from './merge-patch';

type Transition = 'LaunchCampaign' | 'PauseCampaign' | 'ResumeCampaign' | 'CancelCampaign';

@ApiTags('campaigns')
@Controller('campaigns')
export class CampaignController {
  private readonly campaigns: ResourceCommands<CampaignCommand, CommandAnswer<CampaignDto>>;

  constructor(
    commands: AggregateCommands,
    private readonly queries: CampaignQueries,
    private readonly references: CampaignReferences,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.campaigns = resourceCommands(commands, {
      decider: campaignDecider,
      streamOf: STREAM.campaign,
      read: (tenant, id) => queries.get(tenant, id),
    });
  }

  @Post()
  @Roles(...MARKETERS)
  @ApiOperation({
    summary: 'Create a draft campaign',
    description:
      'Every bad field is named in one 422 (errors[].field); an unknown or archived segment is a 422 naming its field.',
  })
  @ApiCreatedResponse({ type: CampaignDto, description: 'The new draft; ETag = version, Location' })
  @ApiProblems(400, 401, 403, 422)
  async create(
    @Caller({ ifMatch: false }) caller: CommandCaller,
    @Body() dto: CreateCampaignDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<CampaignDto>> {
    await this.references.check(caller.tenant, dto);
    const campaignId = randomUUID();
    return this.campaigns.create(
      caller,
      campaignId,
      reply,
      { type: 'CreateCampaign', data: { campaignId, definition: { ...dto } } },
      `/campaigns/${campaignId}`,
    );
  }

  @Get()
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Campaigns filtered by status, kind, channel and name, in keyset pages',
  })
  @ApiOkResponse({ type: CampaignPage })
  @ApiProblems(400, 401, 403)
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListCampaignsQuery,
  ): Promise<CampaignPage> {
    return this.queries.list(user.tenant, query);
  }

  @Get(':campaignId')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Read one campaign' })
  @ApiOkResponse({ type: CampaignDto })
  @ApiProblems(401, 403, 404)
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('campaignId') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CampaignDto> {
    return answerRead(
      reply,
      await this.queries.get(user.tenant, id),
      CampaignErrors.campaignNotFound,
    );
  }

  @Get(':campaignId/stats')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Per variant: sent, delivered, opened, clicked, converted, and the A/B test decision',
    description:
      'The decision is a pooled two-proportion z-test of the best variant against each other one (Bonferroni-corrected) on the plan metric per message sent, once every variant has its minimum sample; "no sends yet" before the first send.',
  })
  @ApiOkResponse({ type: CampaignStatsDto })
  @ApiProblems(401, 403, 404)
  async stats(
    @CurrentUser() user: AuthenticatedUser,
    @Param('campaignId') id: string,
  ): Promise<CampaignStatsDto> {
    const stats = await this.queries.stats(user.tenant, id);
    if (!stats) throw CampaignErrors.campaignNotFound();
    return stats;
  }

  @Patch(':campaignId')
  @Roles(...MARKETERS)
  @ApiOperation({
    summary:
      'Change a draft (JSON merge patch: null removes an optional member, objects merge; If-Match)',
  })
  @ApiOkResponse({ type: CampaignDto })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async patch(
    @Caller() caller: CommandCaller,
    @Param('campaignId') id: string,
    @Body() dto: PatchCampaignDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<CampaignDto>> {
    // References are checked on the definition the patch makes (a channel change re-checks
    // the templates it keeps); an unknown campaign or one past draft is the command's 404 or 409.
    const current = await this.queries.get(caller.tenant, id);
    if (current?.status === 'draft')
      await this.references.check(caller.tenant, mergePatch(current, { ...dto }));
    return this.campaigns.run(caller, id, reply, {
      type: 'EditCampaign',
      data: { patch: { ...dto } },
    });
  }

  @Post(':campaignId/schedule')
  @HttpCode(200)
  @Roles(...MARKETERS)
  @ApiOperation({
    summary: 'Arm a draft (or move a scheduled campaign) for sendAt; never in the past',
  })
  @ApiOkResponse({ type: CampaignDto })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  schedule(
    @Caller() caller: CommandCaller,
    @Param('campaignId') id: string,
    @Body() dto: ScheduleCampaignDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<CampaignDto>> {
    return this.campaigns.run(caller, id, reply, {
      type: 'ScheduleCampaign',
      data: { sendAt: dto?.sendAt, at: isoNow(this.clock) },
    });
  }

  @Post(':campaignId/launch')
  @HttpCode(200)
  @Roles(...MARKETERS)
  @ApiOperation({
    summary:
      'Start sending now (a draft or a scheduled campaign); an A/B campaign sends its test share first',
  })
  @ApiOkResponse({ type: CampaignDto })
  @ApiProblems(401, 403, 404, 409, 412)
  launch(
    @Caller() caller: CommandCaller,
    @Param('campaignId') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.transition(caller, id, reply, 'LaunchCampaign');
  }

  @Post(':campaignId/pause')
  @HttpCode(200)
  @Roles(...MARKETERS)
  @ApiOperation({ summary: 'Pause a sending campaign (the sender stops at its next batch)' })
  @ApiOkResponse({ type: CampaignDto })
  @ApiProblems(401, 403, 404, 409, 412)
  pause(
    @Caller() caller: CommandCaller,
    @Param('campaignId') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.transition(caller, id, reply, 'PauseCampaign');
  }

  @Post(':campaignId/resume')
  @HttpCode(200)
  @Roles(...MARKETERS)
  @ApiOperation({ summary: 'Resume a paused campaign' })
  @ApiOkResponse({ type: CampaignDto })
  @ApiProblems(401, 403, 404, 409, 412)
  resume(
    @Caller() caller: CommandCaller,
    @Param('campaignId') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.transition(caller, id, reply, 'ResumeCampaign');
  }

  @Post(':campaignId/cancel')
  @HttpCode(200)
  @Roles(...MARKETERS)
  @ApiOperation({ summary: 'Cancel for good (from anything but completed)' })
  @ApiOkResponse({ type: CampaignDto })
  @ApiProblems(401, 403, 404, 409, 412)
  cancel(
    @Caller() caller: CommandCaller,
    @Param('campaignId') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.transition(caller, id, reply, 'CancelCampaign');
  }

  private transition(caller: CommandCaller, id: string, reply: FastifyReply, type: Transition) {
    return this.campaigns.run(caller, id, reply, {
      type,
      data: { at: isoNow(this.clock) },
    } as CampaignCommand);
  }
}
