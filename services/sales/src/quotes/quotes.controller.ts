import {
  Body,
  Controller,
  Delete,
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
  setETag,
  requireRecordAccess,
  resourceCommands,
  type AuthenticatedUser,
  type CommandAnswer,
  type CommandCaller,
  type ResourceCommands,
  AggregateCommands,
  CLOCK,
  isoNow,
  type Clock,
  AsOfQuery,
  RecordHistory,
} from '@crm/platform';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { loadProductForQuote } from '../cpq/product-for-quote';
import { READERS, SELLERS, SELLERS_AND_INTEGRATIONS } from '../shared/roles';
import { STREAM } from '../infrastructure/streams';
import { opportunityDecider } from '../opportunities/opportunity.decider';
import type { QuoteCommand } from './quote.commands';
import { quoteDecider } from './quote.decider';
import {
  AddQuoteLineDto,
  ChangeQuoteLineDto,
  DraftQuoteDto,
  ListQuotesQuery,
  QuoteAcceptedDto,
  QuoteDiscountDto,
  QuoteDto,
  QuotePage,
  QuoteTermsDto,
  RejectQuoteDto,
} from './quote.dto';
import { QuoteAcceptance } from './quote-acceptance';
import { QuoteQueries } from './quote.queries';
import { QuoteErrors } from './quote.errors';
import { OpportunityErrors } from '../opportunities/opportunity.errors';
import { quoteRecord } from '../history/record-histories';

@ApiTags('quotes')
@Controller('quotes')
export class QuotesController {
  private readonly quoteCommands: ResourceCommands<QuoteCommand, CommandAnswer<QuoteDto>>;

  constructor(
    private readonly commands: AggregateCommands,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly quotes: QuoteQueries,
    private readonly acceptance: QuoteAcceptance,
    private readonly history: RecordHistory,
  ) {
    this.quoteCommands = resourceCommands(commands, {
      decider: quoteDecider,
      streamOf: STREAM.quote,
      read: (tenant, id) => quotes.get(tenant, id),
      access: { record: 'quote', holders: (s) => (s.exists ? [s.ownerId] : undefined) },
    });
  }

  @Post()
  @Roles(...SELLERS)
  @ApiOperation({ summary: 'Draft a quote for an open opportunity (customer taken from the deal)' })
  @ApiCreatedResponse({ type: QuoteDto, description: 'The new quote; ETag = version, Location' })
  @ApiProblems(400, 401, 403, 409, 422)
  async draft(
    @Caller() caller: CommandCaller,
    @Body() dto: DraftQuoteDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<QuoteDto>> {
    const { state: deal } = await this.commands.load(
      opportunityDecider,
      caller.tenant,
      STREAM.opportunity(dto.opportunityId),
    );
    if (!deal.exists) throw OpportunityErrors.unknownOpportunity(dto.opportunityId);
    // Quoting a deal is working it: the deal's owner, their manager or an admin.
    if (caller.user) requireRecordAccess(caller.user, 'opportunity', [deal.ownerId]);
    if (deal.status !== 'open') throw OpportunityErrors.opportunityClosed(deal.status);
    const quoteId = randomUUID();
    return this.quoteCommands.create(
      caller,
      quoteId,
      reply,
      {
        type: 'DraftQuote',
        data: {
          quoteId,
          opportunityId: dto.opportunityId,
          contactId: deal.contactId,
          companyId: deal.companyId,
          ownerId: caller.actor,
          currency: dto.currency ?? deal.currency,
          taxRateBps: dto.taxRateBps,
          validUntil: dto.validUntil,
          at: isoNow(this.clock),
        },
      },
      `/quotes/${quoteId}`,
    );
  }

  @Get()
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Quotes of a deal or contact (filters combine), newest first, keyset pages',
  })
  @ApiOkResponse({ type: QuotePage })
  @ApiProblems(400, 401, 403)
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListQuotesQuery,
  ): Promise<QuotePage> {
    return this.quotes.list(user.tenant, query);
  }

  @Get(':quoteId')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'The quote as JSON: configured lines, discounts, tax and totals in minor units',
    description:
      '`asOf`: the record as it stood at that instant (no ETag); 404 if it did not exist yet, 400 naming asOf if malformed.',
  })
  @ApiOkResponse({ type: QuoteDto })
  @ApiProblems(400, 401, 404)
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('quoteId') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query() query: AsOfQuery,
  ) {
    if (query.asOf !== undefined) {
      const stream = { tenant: user.tenant, id: STREAM.quote(id) };
      return this.history.asOf(quoteRecord(), stream, query.asOf, QuoteErrors.quoteNotFound);
    }
    return answerRead(reply, await this.quotes.get(user.tenant, id), QuoteErrors.quoteNotFound);
  }

  @Post(':quoteId/lines')
  @HttpCode(200)
  @Roles(...SELLERS)
  @ApiOperation({
    summary:
      'Add a configured product; broken CPQ rules are a 422, a discount above your role limit a 403',
  })
  @ApiOkResponse({ type: QuoteDto })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async addLine(
    @Caller() caller: CommandCaller,
    @CurrentUser() user: AuthenticatedUser,
    @Param('quoteId') id: string,
    @Body() dto: AddQuoteLineDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<QuoteDto>> {
    const { state } = await this.commands.load(quoteDecider, caller.tenant, STREAM.quote(id));
    if (!state.exists) throw QuoteErrors.quoteNotFound();
    const product = await loadProductForQuote(
      this.commands,
      caller.tenant,
      dto.productId,
      dto.priceBookId,
      state.currency,
    );
    return this.quoteCommands.run(caller, id, reply, {
      type: 'AddQuoteLine',
      data: {
        lineId: randomUUID(),
        product,
        optionIds: dto.optionIds,
        quantity: dto.quantity,
        discountBps: dto.discountBps,
        actorRoles: [...user.roles],
      },
    });
  }

  @Patch(':quoteId/lines/:lineId')
  @Roles(...SELLERS)
  @ApiOkResponse({ type: QuoteDto })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  @ApiOperation({ summary: 'Change a line of a draft quote' })
  changeLine(
    @Caller() caller: CommandCaller,
    @CurrentUser() user: AuthenticatedUser,
    @Param('quoteId') id: string,
    @Param('lineId') lineId: string,
    @Body() dto: ChangeQuoteLineDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<QuoteDto>> {
    return this.quoteCommands.run(caller, id, reply, {
      type: 'ChangeQuoteLine',
      data: { lineId, ...dto, actorRoles: [...user.roles] },
    });
  }

  @Delete(':quoteId/lines/:lineId')
  @HttpCode(200)
  @Roles(...SELLERS)
  @ApiOkResponse({ type: QuoteDto })
  @ApiProblems(401, 403, 404, 409, 412)
  @ApiOperation({ summary: 'Remove a line from a draft quote' })
  removeLine(
    @Caller() caller: CommandCaller,
    @Param('quoteId') id: string,
    @Param('lineId') lineId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<QuoteDto>> {
    return this.quoteCommands.run(caller, id, reply, { type: 'RemoveQuoteLine', data: { lineId } });
  }

  @Put(':quoteId/discount')
  @HttpCode(200)
  @Roles(...SELLERS)
  @ApiOkResponse({ type: QuoteDto })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  @ApiOperation({ summary: "Set a quote's discount (within the role's limit)" })
  discount(
    @Caller() caller: CommandCaller,
    @CurrentUser() user: AuthenticatedUser,
    @Param('quoteId') id: string,
    @Body() dto: QuoteDiscountDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<QuoteDto>> {
    return this.quoteCommands.run(caller, id, reply, {
      type: 'SetQuoteDiscount',
      data: { discountBps: dto.discountBps, actorRoles: [...user.roles] },
    });
  }

  @Patch(':quoteId/terms')
  @Roles(...SELLERS)
  @ApiOkResponse({ type: QuoteDto })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  @ApiOperation({ summary: "Change a quote's tax rate or validity" })
  terms(
    @Caller() caller: CommandCaller,
    @Param('quoteId') id: string,
    @Body() dto: QuoteTermsDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<QuoteDto>> {
    return this.quoteCommands.run(caller, id, reply, { type: 'ChangeQuoteTerms', data: dto });
  }

  @Post(':quoteId/send')
  @HttpCode(200)
  @Roles(...SELLERS)
  @ApiOkResponse({ type: QuoteDto })
  @ApiProblems(401, 403, 404, 409, 412)
  @ApiOperation({ summary: 'Send a quote to the customer' })
  send(
    @Caller() caller: CommandCaller,
    @Param('quoteId') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<QuoteDto>> {
    return this.quoteCommands.run(caller, id, reply, {
      type: 'SendQuote',
      data: { at: isoNow(this.clock) },
    });
  }

  @Post(':quoteId/reject')
  @HttpCode(200)
  @Roles(...SELLERS)
  @ApiOkResponse({ type: QuoteDto })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  @ApiOperation({ summary: 'Record that the customer rejected a quote' })
  reject(
    @Caller() caller: CommandCaller,
    @Param('quoteId') id: string,
    @Body() dto: RejectQuoteDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<QuoteDto>> {
    return this.quoteCommands.run(caller, id, reply, {
      type: 'RejectQuote',
      data: { reason: dto.reason, at: isoNow(this.clock) },
    });
  }

  @Post(':quoteId/expire')
  @HttpCode(200)
  @Roles(...SELLERS)
  @ApiOkResponse({ type: QuoteDto })
  @ApiProblems(401, 403, 404, 409, 412)
  @ApiOperation({ summary: 'Expire a quote' })
  expire(
    @Caller() caller: CommandCaller,
    @Param('quoteId') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<QuoteDto>> {
    return this.quoteCommands.run(caller, id, reply, {
      type: 'ExpireQuote',
      data: { at: isoNow(this.clock) },
    });
  }

  @Post(':quoteId/accept')
  @HttpCode(200)
  @Roles(...SELLERS_AND_INTEGRATIONS)
  @ApiOperation({
    summary:
      'The customer accepted: the quote is accepted, its order placed and its opportunity won',
    description:
      'Safe to retry: the order id is derived from the quote id. After the validity date: 409 QuoteExpired.',
  })
  @ApiOkResponse({ type: QuoteAcceptedDto })
  @ApiProblems(401, 403, 404, 409, 412, 422)
  async accept(
    @Caller() caller: CommandCaller,
    @Param('quoteId') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<QuoteAcceptedDto> {
    const { orderId, opportunityId, version } = await this.acceptance.accept(id, caller);
    setETag(reply, version);
    return { id, orderId, opportunityId, version };
  }
}
