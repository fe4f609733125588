import { Body, Controller, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
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
  wholePage,
} from '@crm/platform';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { STREAM } from '../infrastructure/streams';
import type { PipelineCommand } from './pipeline.commands';
import { pipelineDecider } from './pipeline.decider';
import {
  BoardDto,
  CreatePipelineDto,
  PipelineDto,
  PipelinePage,
  RenamePipelineDto,
  ReviseStagesDto,
} from './pipeline.dto';
import { PipelineBoardQuery } from './pipeline-board.query';
import { PipelineErrors } from './pipeline.errors';
import { MANAGERS, READERS } from '../shared/roles';

@ApiTags('pipelines')
@Controller('pipelines')
export class PipelinesController {
  private readonly pipelineCommands: ResourceCommands<PipelineCommand, CommandAnswer<PipelineDto>>;

  constructor(
    commands: AggregateCommands,
    private readonly pipelines: PipelineBoardQuery,
  ) {
    this.pipelineCommands = resourceCommands(commands, {
      decider: pipelineDecider,
      streamOf: STREAM.pipeline,
      read: (tenant, id) => pipelines.get(tenant, id),
    });
  }

  @Post()
  @Roles(...MANAGERS)
  @ApiOperation({
    summary: 'Create a named pipeline with ordered stages and default win probabilities',
  })
  @ApiCreatedResponse({
    type: PipelineDto,
    description: 'The new pipeline; ETag = version, Location',
  })
  @ApiProblems(400, 401, 403, 422)
  async create(
    @Caller() caller: CommandCaller,
    @Body() dto: CreatePipelineDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<PipelineDto>> {
    const pipelineId = randomUUID();
    return this.pipelineCommands.create(
      caller,
      pipelineId,
      reply,
      { type: 'CreatePipeline', data: { pipelineId, ...dto } },
      `/pipelines/${pipelineId}`,
    );
  }

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: PipelinePage })
  @ApiProblems(401)
  @ApiOperation({ summary: "List the tenant's pipelines with their stages" })
  async list(@CurrentUser() user: AuthenticatedUser): Promise<PipelinePage> {
    return wholePage(await this.pipelines.list(user.tenant));
  }

  @Get(':pipelineId')
  @Roles(...READERS)
  @ApiOkResponse({ type: PipelineDto })
  @ApiProblems(401, 404)
  @ApiOperation({ summary: 'Read one pipeline with its stages' })
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('pipelineId') pipelineId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answerRead(
      reply,
      await this.pipelines.get(user.tenant, pipelineId),
      PipelineErrors.pipelineNotFound,
    );
  }

  @Get(':pipelineId/board')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'The pipeline board: deals per stage with counts, sums and weighted sums',
  })
  @ApiOkResponse({ type: BoardDto })
  @ApiProblems(401, 404)
  async board(
    @CurrentUser() user: AuthenticatedUser,
    @Param('pipelineId') pipelineId: string,
  ): Promise<BoardDto> {
    const board = await this.pipelines.board(user.tenant, pipelineId);
    if (!board) throw PipelineErrors.pipelineNotFound();
    return board;
  }

  @Put(':pipelineId/stages')
  @HttpCode(200)
  @Roles(...MANAGERS)
  @ApiOperation({ summary: 'Revise the stages (If-Match); existing stages cannot be removed' })
  @ApiOkResponse({ type: PipelineDto })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  revise(
    @Caller() caller: CommandCaller,
    @Param('pipelineId') pipelineId: string,
    @Body() dto: ReviseStagesDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<PipelineDto>> {
    return this.pipelineCommands.run(caller, pipelineId, reply, {
      type: 'RevisePipelineStages',
      data: dto,
    });
  }

  @Put(':pipelineId/name')
  @HttpCode(200)
  @Roles(...MANAGERS)
  @ApiOkResponse({ type: PipelineDto })
  @ApiProblems(400, 401, 403, 404, 412, 422)
  @ApiOperation({ summary: 'Rename a pipeline' })
  rename(
    @Caller() caller: CommandCaller,
    @Param('pipelineId') pipelineId: string,
    @Body() dto: RenamePipelineDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<PipelineDto>> {
    return this.pipelineCommands.run(caller, pipelineId, reply, {
      type: 'RenamePipeline',
      data: dto,
    });
  }
}
