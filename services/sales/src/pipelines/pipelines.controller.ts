import { Body, Controller, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
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
import { accepted, callerOf, CommandAccepted } from '../infrastructure/http';
import { STREAM } from '../infrastructure/streams';
import { pipelineDecider } from './pipeline.decider';
import {
  BoardDto,
  CreatePipelineDto,
  PipelineDto,
  RenamePipelineDto,
  ReviseStagesDto,
} from './pipeline.dto';
import { PipelineBoardQuery } from './pipeline-board.query';
import { PipelineErrors } from './pipeline.errors';

@ApiTags('pipelines')
@Controller('pipelines')
export class PipelinesController {
  constructor(
    private readonly commands: AggregateCommands,
    private readonly pipelines: PipelineBoardQuery,
  ) {}

  @Post()
  @Roles('admin', 'sales-manager')
  @ApiOperation({
    summary: 'Create a named pipeline with ordered stages and default win probabilities',
  })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiProblems(400, 401, 403, 422)
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: CreatePipelineDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const pipelineId = randomUUID();
    const result = await this.commands.execute(
      pipelineDecider,
      STREAM.pipeline(pipelineId),
      { type: 'CreatePipeline', data: { pipelineId, ...dto } },
      callerOf(user),
    );
    return accepted(reply, pipelineId, result.nextExpectedVersion, `/pipelines/${pipelineId}`);
  }

  @Get()
  @ApiOkResponse({ type: [PipelineDto] })
  @ApiProblems(401)
  list(@CurrentUser() user: AuthenticatedUser): Promise<PipelineDto[]> {
    return this.pipelines.list(user.tenant);
  }

  @Get(':pipelineId')
  @ApiOkResponse({ type: PipelineDto })
  @ApiProblems(401, 404)
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('pipelineId') pipelineId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const pipeline = await this.pipelines.get(user.tenant, pipelineId);
    if (!pipeline) throw PipelineErrors.pipelineNotFound();
    setETag(reply, pipeline.version);
    return pipeline;
  }

  @Get(':pipelineId/board')
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
  @Roles('admin', 'sales-manager')
  @ApiOperation({ summary: 'Revise the stages (If-Match); existing stages cannot be removed' })
  @ApiOkResponse({ type: CommandAccepted })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async revise(
    @CurrentUser() user: AuthenticatedUser,
    @Param('pipelineId') pipelineId: string,
    @IfMatch() version: number | undefined,
    @Body() dto: ReviseStagesDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.commands.execute(
      pipelineDecider,
      STREAM.pipeline(pipelineId),
      { type: 'RevisePipelineStages', data: dto },
      callerOf(user, version),
    );
    return accepted(reply, pipelineId, result.nextExpectedVersion);
  }

  @Put(':pipelineId/name')
  @HttpCode(200)
  @Roles('admin', 'sales-manager')
  @ApiOkResponse({ type: CommandAccepted })
  @ApiProblems(400, 401, 403, 404, 412, 422)
  async rename(
    @CurrentUser() user: AuthenticatedUser,
    @Param('pipelineId') pipelineId: string,
    @IfMatch() version: number | undefined,
    @Body() dto: RenamePipelineDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.commands.execute(
      pipelineDecider,
      STREAM.pipeline(pipelineId),
      { type: 'RenamePipeline', data: dto },
      callerOf(user, version),
    );
    return accepted(reply, pipelineId, result.nextExpectedVersion);
  }
}
