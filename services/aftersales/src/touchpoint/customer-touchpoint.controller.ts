/**
 * The customer's own view: a token whose role is `customer` and whose subject is a contact id
 * lists that contact's assets (with their warranty) and cases, reads one of its cases (replies
 * only, never the internal notes), opens a case from the touchpoint, replies and rates it.
 * The contact id comes only from the verified token; another contact's asset or case is a 404,
 * as if it did not exist.
 */
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AggregateCommands,
  ApiProblems,
  CLOCK,
  CurrentUser,
  Roles,
  isoNow,
  resourceCommands,
  setETag,
  type AuthenticatedUser,
  type Clock,
  type CommandAnswer,
  type CommandCaller,
  type Page,
  type ResourceCommands,
} from '@crm/platform';
import type { Decider } from '@crm/event-sourcing';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { AssetPage } from '../assets/asset.dto';
import { AssetErrors } from '../assets/asset.errors';
import type { AssetView } from '../assets/asset.view';
import { AssetQueries } from '../assets/assets.queries';
import type { CaseCommand } from '../cases/case.commands';
import { caseDecider, type CaseState } from '../cases/case.decider';
import {
  CaseDto,
  CaseMessageDto,
  CasePage,
  CustomerOpenCaseDto,
  SatisfactionDto,
} from '../cases/case.dto';
import type { CaseEvent } from '../cases/case.events';
import { CaseErrors } from '../cases/case.errors';
import type { CaseView } from '../cases/case.view';
import { CaseQueries } from '../cases/cases.queries';
import { STREAM } from '../infrastructure/streams';
import { idOf } from '../shared/ids';
import { ListMyAssetsQuery, ListMyCasesQuery } from './touchpoint.dto';

/** The Case decider, for the one contact whose case it is; anyone else's is "no such case". */
function ownCases(contactId: string): Decider<CaseCommand, CaseEvent, CaseState> {
  return {
    ...caseDecider,
    decide: (command, state) => {
      if (command.type !== 'OpenCase' && state.exists && state.contactId !== contactId)
        throw CaseErrors.caseNotFound();
      return caseDecider.decide(command, state);
    },
  };
}

@ApiTags('customer touchpoint')
@Controller('me')
@Roles('customer')
export class CustomerTouchpointController {
  constructor(
    private readonly commands: AggregateCommands,
    private readonly assets: AssetQueries,
    private readonly cases: CaseQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('assets')
  @ApiOperation({ summary: 'My installed products and their warranty today' })
  @ApiOkResponse({ type: AssetPage })
  @ApiProblems(400, 401, 403)
  myAssets(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListMyAssetsQuery,
  ): Promise<Page<AssetView>> {
    return this.assets.list(user.tenant, { ...query, contactId: user.sub });
  }

  @Get('cases')
  @ApiOperation({ summary: 'My cases, newest first' })
  @ApiOkResponse({ type: CasePage })
  @ApiProblems(400, 401, 403)
  async myCases(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListMyCasesQuery,
  ): Promise<Page<CaseView>> {
    return this.cases.list(user.tenant, { ...query, contactId: user.sub });
  }

  @Get('cases/:caseId')
  @ApiOperation({ summary: 'One of my cases with its replies (internal notes are not shown)' })
  @ApiOkResponse({ type: CaseDto })
  @ApiProblems(401, 403, 404)
  async myCase(
    @CurrentUser() user: AuthenticatedUser,
    @Param('caseId') caseId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaseView> {
    const view = await this.cases.get(user.tenant, caseId, { withNotes: false });
    if (!view || view.contactId !== user.sub) throw CaseErrors.caseNotFound();
    setETag(reply, view.version);
    return view;
  }

  @Post('cases')
  @ApiOperation({ summary: 'Open a case from my touchpoint, optionally about one of my assets' })
  @ApiCreatedResponse({ type: CaseDto })
  @ApiProblems(400, 401, 403, 404, 422)
  async open(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: CustomerOpenCaseDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<CaseView>> {
    const assetId = dto.assetId === undefined ? undefined : idOf(dto.assetId, 'assetId');
    if (assetId) {
      const asset = await this.assets.get(user.tenant, assetId);
      if (!asset || asset.contactId !== user.sub) throw AssetErrors.assetNotFound();
    }
    const caseId = randomUUID();
    return this.resource(user).create(
      this.caller(user),
      caseId,
      reply,
      {
        type: 'OpenCase',
        data: {
          caseId,
          contactId: user.sub,
          channel: 'touchpoint',
          ...(assetId ? { assetId } : {}),
          category: dto.category,
          priority: 'normal',
          subject: dto.subject,
          description: dto.description,
          at: isoNow(this.clock),
        },
      },
      `/me/cases/${caseId}`,
    );
  }

  @Post('cases/:caseId/replies')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reply on my case (ends a wait on me)' })
  @ApiOkResponse({ type: CaseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  replyTo(
    @CurrentUser() user: AuthenticatedUser,
    @Param('caseId') caseId: string,
    @Body() dto: CaseMessageDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<CaseView>> {
    return this.resource(user).run(this.caller(user), caseId, reply, {
      type: 'ReplyToCase',
      data: {
        messageId: randomUUID(),
        author: 'customer',
        actorId: user.sub,
        body: dto.body,
        at: isoNow(this.clock),
      },
    });
  }

  @Post('cases/:caseId/satisfaction')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rate my resolved case 1-5 (once)' })
  @ApiOkResponse({ type: CaseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  rate(
    @CurrentUser() user: AuthenticatedUser,
    @Param('caseId') caseId: string,
    @Body() dto: SatisfactionDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<CaseView>> {
    return this.resource(user).run(this.caller(user), caseId, reply, {
      type: 'RecordSatisfaction',
      data: { score: dto.score, at: isoNow(this.clock) },
    });
  }

  private caller(user: AuthenticatedUser): CommandCaller {
    // No If-Match from the touchpoint: a customer's reply never conflicts with an agent's view.
    return { tenant: user.tenant, actor: user.sub };
  }

  /** The case resource as this customer sees it: their own cases, read without the notes. */
  private resource(
    user: AuthenticatedUser,
  ): ResourceCommands<CaseCommand, CommandAnswer<CaseView>> {
    return resourceCommands(this.commands, {
      decider: ownCases(user.sub),
      streamOf: STREAM.case,
      read: (tenant, id) => this.cases.get(tenant, id, { withNotes: false }),
    });
  }
}
