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
  ApiProblems,
  CurrentUser,
  IfMatch,
  Roles,
  setETag,
  type AuthenticatedUser,
  AggregateCommands,
} from '@crm/platform';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { accepted, callerOf, CommandAccepted, nowIso, SELLERS } from '../infrastructure/http';
import { STREAM } from '../infrastructure/streams';
import { loadPipelineSnapshot } from '../pipelines/pipeline-snapshot';
import type { OpportunityCommand, PipelineSnapshot } from './opportunity.commands';
import { opportunityDecider } from './opportunity.decider';
import {
  ChangeStageDto,
  ForecastQueryDto,
  ForecastRowDto,
  LoseDto,
  OpenOpportunityDto,
  OpportunityDto,
  OverrideProbabilityDto,
  ReassignDto,
  ReopenDto,
  SetLineItemsDto,
  UpdateOpportunityDto,
  WinDto,
} from './opportunity.dto';
import { OpportunityQueries } from './opportunity.queries';
import { OpportunityErrors } from './opportunity.errors';

@ApiTags('opportunities')
@Controller()
export class OpportunitiesController {
  constructor(
    private readonly commands: AggregateCommands,
    private readonly queries: OpportunityQueries,
  ) {}

  @Post('opportunities')
  @Roles(...SELLERS)
  @ApiOperation({ summary: 'Open a deal in a pipeline (first open stage unless given)' })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiProblems(400, 401, 403, 422)
  async open(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: OpenOpportunityDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const opportunityId = randomUUID();
    const pipeline = await loadPipelineSnapshot(this.commands, user.tenant, dto.pipelineId);
    const { pipelineId: _, ...rest } = dto;
    const result = await this.commands.execute(
      opportunityDecider,
      STREAM.opportunity(opportunityId),
      {
        type: 'OpenOpportunity',
        data: { ...rest, opportunityId, pipeline, ownerId: dto.ownerId ?? user.sub, at: nowIso() },
      },
      callerOf(user),
    );
    return accepted(
      reply,
      opportunityId,
      result.nextExpectedVersion,
      `/opportunities/${opportunityId}`,
    );
  }

  @Get('opportunities/mine')
  @ApiOperation({ summary: "The caller's open deals, closing soonest first" })
  @ApiOkResponse({ type: [OpportunityDto] })
  @ApiProblems(401)
  mine(@CurrentUser() user: AuthenticatedUser): Promise<OpportunityDto[]> {
    return this.queries.openDealsOf(user.tenant, user.sub);
  }

  @Get('forecast')
  @ApiOperation({
    summary:
      'Weighted forecast per period and owner with commit and best-case categories (minor units, per currency)',
  })
  @ApiOkResponse({ type: [ForecastRowDto] })
  @ApiProblems(400, 401)
  forecast(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ForecastQueryDto,
  ): Promise<ForecastRowDto[]> {
    return this.queries.forecast(user.tenant, query);
  }

  @Get('opportunities/:opportunityId')
  @ApiOkResponse({ type: OpportunityDto })
  @ApiProblems(401, 404)
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('opportunityId') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const opportunity = await this.queries.get(user.tenant, id);
    if (!opportunity) throw OpportunityErrors.opportunityNotFound();
    setETag(reply, opportunity.version);
    return opportunity;
  }

  @Post('opportunities/:opportunityId/stage')
  @HttpCode(200)
  @Roles(...SELLERS)
  @ApiOperation({
    summary:
      'Move to another open stage; skipping stages needs a reason (422 StageSkipRequiresReason)',
  })
  @ApiOkResponse({ type: CommandAccepted })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  changeStage(
    @CurrentUser() user: AuthenticatedUser,
    @Param('opportunityId') id: string,
    @IfMatch() v: number | undefined,
    @Body() dto: ChangeStageDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.withPipeline(user, id, v, reply, (pipeline) => ({
      type: 'ChangeOpportunityStage',
      data: { pipeline, ...dto, at: nowIso() },
    }));
  }

  @Put('opportunities/:opportunityId/probability')
  @HttpCode(200)
  @Roles(...SELLERS)
  @ApiOkResponse({ type: CommandAccepted })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  probability(
    @CurrentUser() user: AuthenticatedUser,
    @Param('opportunityId') id: string,
    @IfMatch() v: number | undefined,
    @Body() dto: OverrideProbabilityDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(user, id, v, reply, {
      type: 'OverrideOpportunityProbability',
      data: { probability: dto.probability },
    });
  }

  @Patch('opportunities/:opportunityId')
  @Roles(...SELLERS)
  @ApiOperation({
    summary: 'Change name, amount, currency, expected close date or forecast category (If-Match)',
  })
  @ApiOkResponse({ type: CommandAccepted })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('opportunityId') id: string,
    @IfMatch() v: number | undefined,
    @Body() dto: UpdateOpportunityDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(user, id, v, reply, { type: 'UpdateOpportunity', data: dto });
  }

  @Put('opportunities/:opportunityId/owner')
  @HttpCode(200)
  @Roles('admin', 'sales-manager')
  @ApiOkResponse({ type: CommandAccepted })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  reassign(
    @CurrentUser() user: AuthenticatedUser,
    @Param('opportunityId') id: string,
    @IfMatch() v: number | undefined,
    @Body() dto: ReassignDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(user, id, v, reply, { type: 'ReassignOpportunity', data: dto });
  }

  @Put('opportunities/:opportunityId/line-items')
  @HttpCode(200)
  @Roles(...SELLERS)
  @ApiOkResponse({ type: CommandAccepted })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  lineItems(
    @CurrentUser() user: AuthenticatedUser,
    @Param('opportunityId') id: string,
    @IfMatch() v: number | undefined,
    @Body() dto: SetLineItemsDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(user, id, v, reply, { type: 'SetOpportunityLineItems', data: dto });
  }

  @Post('opportunities/:opportunityId/win')
  @HttpCode(200)
  @Roles(...SELLERS)
  @ApiOkResponse({ type: CommandAccepted })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  win(
    @CurrentUser() user: AuthenticatedUser,
    @Param('opportunityId') id: string,
    @IfMatch() v: number | undefined,
    @Body() dto: WinDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.withPipeline(user, id, v, reply, (pipeline) => ({
      type: 'WinOpportunity',
      data: { pipeline, reason: dto.reason, at: nowIso() },
    }));
  }

  @Post('opportunities/:opportunityId/lose')
  @HttpCode(200)
  @Roles(...SELLERS)
  @ApiOkResponse({ type: CommandAccepted })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  lose(
    @CurrentUser() user: AuthenticatedUser,
    @Param('opportunityId') id: string,
    @IfMatch() v: number | undefined,
    @Body() dto: LoseDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.withPipeline(user, id, v, reply, (pipeline) => ({
      type: 'LoseOpportunity',
      data: { pipeline, ...dto, at: nowIso() },
    }));
  }

  @Post('opportunities/:opportunityId/reopen')
  @HttpCode(200)
  @Roles(...SELLERS)
  @ApiOkResponse({ type: CommandAccepted })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  reopen(
    @CurrentUser() user: AuthenticatedUser,
    @Param('opportunityId') id: string,
    @IfMatch() v: number | undefined,
    @Body() dto: ReopenDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.withPipeline(user, id, v, reply, (pipeline) => ({
      type: 'ReopenOpportunity',
      data: { pipeline, ...dto, at: nowIso() },
    }));
  }

  /** Stage rules need the deal's pipeline as it is now. */
  private async withPipeline(
    user: AuthenticatedUser,
    id: string,
    version: number | undefined,
    reply: FastifyReply,
    command: (pipeline: PipelineSnapshot) => OpportunityCommand,
  ) {
    const { state } = await this.commands.load(
      opportunityDecider,
      user.tenant,
      STREAM.opportunity(id),
    );
    if (!state.exists) throw OpportunityErrors.opportunityNotFound();
    const pipeline = await loadPipelineSnapshot(this.commands, user.tenant, state.pipelineId);
    return this.run(user, id, version, reply, command(pipeline));
  }

  private async run(
    user: AuthenticatedUser,
    id: string,
    version: number | undefined,
    reply: FastifyReply,
    command: OpportunityCommand,
  ): Promise<CommandAccepted> {
    const result = await this.commands.execute(
      opportunityDecider,
      STREAM.opportunity(id),
      command,
      callerOf(user, version),
    );
    return accepted(reply, id, result.nextExpectedVersion);
  }
}
