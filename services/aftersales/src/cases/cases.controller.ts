/**
 * The cases API for agents: open (from a channel), assign to a user or queue, change priority,
 * reply (public) and note (internal), move between in progress and waiting on the customer,
 * resolve with a code (billable judged by the asset's warranty that day), close, reopen, record
 * the customer's satisfaction; the queue list and one case with its SLA clocks. A sales rep
 * changes the cases assigned to them or to nobody (record access); readers read every case.
 */
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AggregateCommands,
  ApiProblems,
  answerRead,
  Caller,
  CLOCK,
  Roles,
  Tenant,
  isoNow,
  resourceCommands,
  type Clock,
  type CommandAnswer,
  type CommandCaller,
  type Page,
  type ResourceCommands,
} from '@crm/platform';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { AssetErrors } from '../assets/asset.errors';
import { AssetQueries } from '../assets/assets.queries';
import { STREAM } from '../infrastructure/streams';
import { idOf } from '../shared/ids';
import { AGENTS, READERS } from '../shared/roles';
import { todayOf } from '../shared/today';
import { CaseCoverage } from './case-coverage';
import type { CaseCommand } from './case.commands';
import { caseDecider } from './case.decider';
import {
  AssignCaseDto,
  CaseDto,
  CaseMessageDto,
  CasePage,
  CasePriorityDto,
  ListCasesQuery,
  MoveCaseDto,
  OpenCaseDto,
  ResolveCaseDto,
  SatisfactionDto,
} from './case.dto';
import { CaseErrors } from './case.errors';
import type { CaseView } from './case.view';
import { CaseQueries } from './cases.queries';

const COMMAND_PROBLEMS = [400, 401, 403, 404, 409, 412, 422] as const;

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  private readonly cases: ResourceCommands<CaseCommand, CommandAnswer<CaseView>>;

  constructor(
    commands: AggregateCommands,
    private readonly queries: CaseQueries,
    private readonly assets: AssetQueries,
    private readonly coverage: CaseCoverage,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.cases = resourceCommands(commands, {
      decider: caseDecider,
      streamOf: STREAM.case,
      read: (tenant, id) => queries.get(tenant, id),
      access: {
        record: 'case',
        holders: (s) =>
          s.exists ? [s.assignee?.kind === 'user' ? s.assignee.id : undefined] : undefined,
      },
    });
  }

  @Post()
  @Roles(...AGENTS)
  @ApiOperation({
    summary: 'Open a case for a contact, from a channel, optionally about one of their assets',
  })
  @ApiCreatedResponse({ type: CaseDto, description: 'The new case; ETag = version, Location' })
  @ApiProblems(400, 401, 403, 404, 422)
  async open(
    @Caller({ ifMatch: false }) caller: CommandCaller,
    @Body() dto: OpenCaseDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<CaseView>> {
    const contactId = idOf(dto.contactId, 'contactId');
    const assetId = dto.assetId === undefined ? undefined : idOf(dto.assetId, 'assetId');
    if (assetId && !(await this.assets.get(caller.tenant, assetId)))
      throw AssetErrors.assetNotFound();
    const caseId = randomUUID();
    return this.cases.create(
      caller,
      caseId,
      reply,
      {
        type: 'OpenCase',
        data: {
          caseId,
          contactId,
          channel: dto.channel,
          ...(assetId ? { assetId } : {}),
          category: dto.category,
          priority: dto.priority,
          subject: dto.subject,
          description: dto.description,
          at: isoNow(this.clock),
        },
      },
      `/cases/${caseId}`,
    );
  }

  @Get()
  @Roles(...READERS)
  @ApiOperation({
    summary:
      'The case queue: by status, priority, assignee or queue, contact, asset, SLA, words in the subject',
  })
  @ApiOkResponse({ type: CasePage })
  @ApiProblems(400, 401, 403)
  list(@Tenant() tenant: string, @Query() query: ListCasesQuery): Promise<Page<CaseView>> {
    return this.queries.list(tenant, query);
  }

  @Get(':caseId')
  @Roles(...READERS)
  @ApiOperation({ summary: "One case: messages, notes, SLA clocks, the asset's warranty today" })
  @ApiOkResponse({ type: CaseDto })
  @ApiProblems(401, 403, 404)
  async get(
    @Tenant() tenant: string,
    @Param('caseId') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaseView> {
    return answerRead(reply, await this.queries.get(tenant, id), CaseErrors.caseNotFound);
  }

  @Post(':caseId/assign')
  @HttpCode(200)
  @Roles(...AGENTS)
  @ApiOperation({ summary: 'Assign to a user or a queue (If-Match)' })
  @ApiOkResponse({ type: CaseDto })
  @ApiProblems(...COMMAND_PROBLEMS)
  assign(
    @Caller() caller: CommandCaller,
    @Param('caseId') id: string,
    @Body() dto: AssignCaseDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<CaseView>> {
    return this.run(caller, id, reply, {
      type: 'AssignCase',
      data: { assignee: { kind: dto.kind, id: idOf(dto.id, 'id') }, at: isoNow(this.clock) },
    });
  }

  @Post(':caseId/priority')
  @HttpCode(200)
  @Roles(...AGENTS)
  @ApiOperation({ summary: 'Change the priority (its SLA targets apply from the opening)' })
  @ApiOkResponse({ type: CaseDto })
  @ApiProblems(...COMMAND_PROBLEMS)
  priority(
    @Caller() caller: CommandCaller,
    @Param('caseId') id: string,
    @Body() dto: CasePriorityDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<CaseView>> {
    return this.run(caller, id, reply, {
      type: 'ChangeCasePriority',
      data: { priority: dto.priority, at: isoNow(this.clock) },
    });
  }

  @Post(':caseId/replies')
  @HttpCode(200)
  @Roles(...AGENTS)
  @ApiOperation({
    summary: 'A public reply to the customer: the first one meets the first-response target',
  })
  @ApiOkResponse({ type: CaseDto })
  @ApiProblems(...COMMAND_PROBLEMS)
  replyTo(
    @Caller() caller: CommandCaller,
    @Param('caseId') id: string,
    @Body() dto: CaseMessageDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<CaseView>> {
    return this.run(caller, id, reply, {
      type: 'ReplyToCase',
      data: {
        messageId: randomUUID(),
        author: 'agent',
        actorId: caller.actor,
        body: dto.body,
        at: isoNow(this.clock),
      },
    });
  }

  @Post(':caseId/notes')
  @HttpCode(200)
  @Roles(...AGENTS)
  @ApiOperation({ summary: 'An internal note (never shown to the customer)' })
  @ApiOkResponse({ type: CaseDto })
  @ApiProblems(...COMMAND_PROBLEMS)
  note(
    @Caller() caller: CommandCaller,
    @Param('caseId') id: string,
    @Body() dto: CaseMessageDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<CaseView>> {
    return this.run(caller, id, reply, {
      type: 'AddCaseNote',
      data: {
        messageId: randomUUID(),
        actorId: caller.actor,
        body: dto.body,
        at: isoNow(this.clock),
      },
    });
  }

  @Post(':caseId/status')
  @HttpCode(200)
  @Roles(...AGENTS)
  @ApiOperation({
    summary:
      'Move to in progress or waiting on the customer (the resolution clock pauses while waiting)',
  })
  @ApiOkResponse({ type: CaseDto })
  @ApiProblems(...COMMAND_PROBLEMS)
  move(
    @Caller() caller: CommandCaller,
    @Param('caseId') id: string,
    @Body() dto: MoveCaseDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<CaseView>> {
    return this.run(caller, id, reply, {
      type: 'MoveCase',
      data: { to: dto.to, at: isoNow(this.clock) },
    });
  }

  @Post(':caseId/resolve')
  @HttpCode(200)
  @Roles(...AGENTS)
  @ApiOperation({
    summary: 'Resolve with a code; billable when the asset is out of warranty today',
  })
  @ApiOkResponse({ type: CaseDto })
  @ApiProblems(...COMMAND_PROBLEMS)
  async resolve(
    @Caller() caller: CommandCaller,
    @Param('caseId') id: string,
    @Body() dto: ResolveCaseDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<CaseView>> {
    const coverage = await this.coverage.onDay(caller.tenant, id, todayOf(this.clock));
    return this.run(caller, id, reply, {
      type: 'ResolveCase',
      data: { resolutionCode: dto.resolutionCode, coverage, at: isoNow(this.clock) },
    });
  }

  @Post(':caseId/close')
  @HttpCode(200)
  @Roles(...AGENTS)
  @ApiOperation({ summary: 'Close a resolved case' })
  @ApiOkResponse({ type: CaseDto })
  @ApiProblems(...COMMAND_PROBLEMS)
  close(
    @Caller() caller: CommandCaller,
    @Param('caseId') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<CaseView>> {
    return this.run(caller, id, reply, { type: 'CloseCase', data: { at: isoNow(this.clock) } });
  }

  @Post(':caseId/reopen')
  @HttpCode(200)
  @Roles(...AGENTS)
  @ApiOperation({ summary: 'Reopen within 14 days of the resolution (back to in progress)' })
  @ApiOkResponse({ type: CaseDto })
  @ApiProblems(...COMMAND_PROBLEMS)
  reopen(
    @Caller() caller: CommandCaller,
    @Param('caseId') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<CaseView>> {
    return this.run(caller, id, reply, { type: 'ReopenCase', data: { at: isoNow(this.clock) } });
  }

  @Post(':caseId/satisfaction')
  @HttpCode(200)
  @Roles(...AGENTS)
  @ApiOperation({ summary: "The customer's satisfaction 1-5, once, after the resolution" })
  @ApiOkResponse({ type: CaseDto })
  @ApiProblems(...COMMAND_PROBLEMS)
  satisfaction(
    @Caller() caller: CommandCaller,
    @Param('caseId') id: string,
    @Body() dto: SatisfactionDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<CaseView>> {
    return this.run(caller, id, reply, {
      type: 'RecordSatisfaction',
      data: { score: dto.score, at: isoNow(this.clock) },
    });
  }

  private run(caller: CommandCaller, id: string, reply: FastifyReply, command: CaseCommand) {
    return this.cases.run(caller, id, reply, command);
  }
}
