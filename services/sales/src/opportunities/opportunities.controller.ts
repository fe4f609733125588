import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
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
  answerRead,
  Caller,
  CurrentUser,
  Roles,
  resourceCommands,
  type AuthenticatedUser,
  type CommandAnswer,
  type CommandCaller,
  type ResourceCommands,
  AggregateCommands,
  CLOCK,
  isoNow,
  wholePage,
  type Clock,
  AsOfQuery,
  RecordHistory,
} from '@crm/platform';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { KnownReferences } from '../contact-directory/known-references';
import { FORECAST_READERS, MANAGERS, READERS, SELLERS } from '../shared/roles';
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
import { ListOpportunitiesQuery, MyOpenDealsPage, OpportunityPage } from './opportunity-list.dto';
import { OpportunityListQuery } from './opportunity-list.query';
import { OpportunityErrors } from './opportunity.errors';
import { opportunityRecord } from '../history/record-histories';

@ApiTags('opportunities')
@Controller()
export class OpportunitiesController {
  private readonly opportunityCommands: ResourceCommands<
    OpportunityCommand,
    CommandAnswer<OpportunityDto>
  >;

  constructor(
    private readonly commands: AggregateCommands,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly queries: OpportunityQueries,
    private readonly listQuery: OpportunityListQuery,
    private readonly references: KnownReferences,
    private readonly history: RecordHistory,
  ) {
    this.opportunityCommands = resourceCommands(commands, {
      decider: opportunityDecider,
      streamOf: STREAM.opportunity,
      read: (tenant, id) => queries.get(tenant, id),
      access: { record: 'opportunity', holders: (s) => (s.exists ? [s.ownerId] : undefined) },
    });
  }

  @Post('opportunities')
  @Roles(...SELLERS)
  @ApiOperation({ summary: 'Open a deal in a pipeline (first open stage unless given)' })
  @ApiCreatedResponse({
    type: OpportunityDto,
    description: 'The new deal; ETag = version, Location',
  })
  @ApiProblems(400, 401, 403, 422)
  async open(
    @Caller() caller: CommandCaller,
    @Body() dto: OpenOpportunityDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<OpportunityDto>> {
    const { contactId, companyId } = dto;
    await this.references.assertKnown(caller.tenant, { contactId, companyId });
    const opportunityId = randomUUID();
    const pipeline = await loadPipelineSnapshot(this.commands, caller.tenant, dto.pipelineId);
    const { pipelineId: _, ...rest } = dto;
    return this.opportunityCommands.create(
      caller,
      opportunityId,
      reply,
      {
        type: 'OpenOpportunity',
        data: {
          ...rest,
          opportunityId,
          pipeline,
          ownerId: dto.ownerId ?? caller.actor,
          at: isoNow(this.clock),
        },
      },
      `/opportunities/${opportunityId}`,
    );
  }

  @Get('opportunities')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Deals filtered and sorted, in keyset pages (nextCursor is valid for the same sort)',
  })
  @ApiOkResponse({ type: OpportunityPage })
  @ApiProblems(400, 401, 403)
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListOpportunitiesQuery,
  ): Promise<OpportunityPage> {
    return this.listQuery.list(user.tenant, query);
  }

  @Get('opportunities/mine')
  @Roles(...SELLERS)
  @ApiOperation({ summary: "The caller's open deals, closing soonest first" })
  @ApiOkResponse({ type: MyOpenDealsPage })
  @ApiProblems(401)
  async mine(@CurrentUser() user: AuthenticatedUser): Promise<MyOpenDealsPage> {
    return wholePage(await this.queries.openDealsOf(user.tenant, user.sub));
  }

  @Get('forecast')
  @Roles(...FORECAST_READERS)
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
  @Roles(...READERS)
  @ApiOkResponse({ type: OpportunityDto })
  @ApiProblems(400, 401, 404)
  @ApiOperation({
    summary: 'Read one opportunity (deal)',
    description:
      '`asOf`: the record as it stood at that instant (no ETag); 404 if it did not exist yet, 400 naming asOf if malformed.',
  })
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('opportunityId') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query() query: AsOfQuery,
  ) {
    if (query.asOf !== undefined) {
      const stream = { tenant: user.tenant, id: STREAM.opportunity(id) };
      return this.history.asOf(
        opportunityRecord(),
        stream,
        query.asOf,
        OpportunityErrors.opportunityNotFound,
      );
    }
    return answerRead(
      reply,
      await this.queries.get(user.tenant, id),
      OpportunityErrors.opportunityNotFound,
    );
  }

  @Post('opportunities/:opportunityId/stage')
  @HttpCode(200)
  @Roles(...SELLERS)
  @ApiOperation({
    summary:
      'Move to another open stage; skipping stages needs a reason (422 StageSkipRequiresReason)',
  })
  @ApiOkResponse({ type: OpportunityDto })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  changeStage(
    @Caller() caller: CommandCaller,
    @Param('opportunityId') id: string,
    @Body() dto: ChangeStageDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<OpportunityDto>> {
    return this.withPipeline(caller, id, reply, (pipeline) => ({
      type: 'ChangeOpportunityStage',
      data: { pipeline, ...dto, at: isoNow(this.clock) },
    }));
  }

  @Put('opportunities/:opportunityId/probability')
  @HttpCode(200)
  @Roles(...SELLERS)
  @ApiOkResponse({ type: OpportunityDto })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  @ApiOperation({ summary: "Override a deal's probability, or return to the stage default" })
  probability(
    @Caller() caller: CommandCaller,
    @Param('opportunityId') id: string,
    @Body() dto: OverrideProbabilityDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<OpportunityDto>> {
    return this.opportunityCommands.run(caller, id, reply, {
      type: 'OverrideOpportunityProbability',
      data: { probability: dto.probability },
    });
  }

  @Patch('opportunities/:opportunityId')
  @Roles(...SELLERS)
  @ApiOperation({
    summary: 'Change name, amount, currency, expected close date or forecast category (If-Match)',
  })
  @ApiOkResponse({ type: OpportunityDto })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  update(
    @Caller() caller: CommandCaller,
    @Param('opportunityId') id: string,
    @Body() dto: UpdateOpportunityDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<OpportunityDto>> {
    return this.opportunityCommands.run(caller, id, reply, {
      type: 'UpdateOpportunity',
      data: dto,
    });
  }

  @Put('opportunities/:opportunityId/owner')
  @HttpCode(200)
  @Roles(...MANAGERS)
  @ApiOkResponse({ type: OpportunityDto })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  @ApiOperation({ summary: 'Give a deal to another owner' })
  reassign(
    @Caller() caller: CommandCaller,
    @Param('opportunityId') id: string,
    @Body() dto: ReassignDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<OpportunityDto>> {
    return this.opportunityCommands.run(caller, id, reply, {
      type: 'ReassignOpportunity',
      data: dto,
    });
  }

  @Put('opportunities/:opportunityId/line-items')
  @HttpCode(200)
  @Roles(...SELLERS)
  @ApiOkResponse({ type: OpportunityDto })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  @ApiOperation({ summary: "Replace a deal's line items" })
  lineItems(
    @Caller() caller: CommandCaller,
    @Param('opportunityId') id: string,
    @Body() dto: SetLineItemsDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<OpportunityDto>> {
    return this.opportunityCommands.run(caller, id, reply, {
      type: 'SetOpportunityLineItems',
      data: dto,
    });
  }

  @Post('opportunities/:opportunityId/win')
  @HttpCode(200)
  @Roles(...SELLERS)
  @ApiOkResponse({ type: OpportunityDto })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  @ApiOperation({ summary: 'Mark a deal won' })
  win(
    @Caller() caller: CommandCaller,
    @Param('opportunityId') id: string,
    @Body() dto: WinDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<OpportunityDto>> {
    return this.withPipeline(caller, id, reply, (pipeline) => ({
      type: 'WinOpportunity',
      data: { pipeline, reason: dto.reason, at: isoNow(this.clock) },
    }));
  }

  @Post('opportunities/:opportunityId/lose')
  @HttpCode(200)
  @Roles(...SELLERS)
  @ApiOkResponse({ type: OpportunityDto })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  @ApiOperation({ summary: 'Mark a deal lost, recording why' })
  lose(
    @Caller() caller: CommandCaller,
    @Param('opportunityId') id: string,
    @Body() dto: LoseDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<OpportunityDto>> {
    return this.withPipeline(caller, id, reply, (pipeline) => ({
      type: 'LoseOpportunity',
      data: { pipeline, ...dto, at: isoNow(this.clock) },
    }));
  }

  @Post('opportunities/:opportunityId/reopen')
  @HttpCode(200)
  @Roles(...SELLERS)
  @ApiOkResponse({ type: OpportunityDto })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  @ApiOperation({ summary: 'Reopen a won or lost deal' })
  reopen(
    @Caller() caller: CommandCaller,
    @Param('opportunityId') id: string,
    @Body() dto: ReopenDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<OpportunityDto>> {
    return this.withPipeline(caller, id, reply, (pipeline) => ({
      type: 'ReopenOpportunity',
      data: { pipeline, ...dto, at: isoNow(this.clock) },
    }));
  }

  /** Stage rules need the deal's pipeline as it is now. */
  private async withPipeline(
    caller: CommandCaller,
    id: string,
    reply: FastifyReply,
    command: (pipeline: PipelineSnapshot) => OpportunityCommand,
  ): Promise<CommandAnswer<OpportunityDto>> {
    const { state } = await this.commands.load(
      opportunityDecider,
      caller.tenant,
      STREAM.opportunity(id),
    );
    if (!state.exists) throw OpportunityErrors.opportunityNotFound();
    const pipeline = await loadPipelineSnapshot(this.commands, caller.tenant, state.pipelineId);
    return this.opportunityCommands.run(caller, id, reply, command(pipeline));
  }
}
