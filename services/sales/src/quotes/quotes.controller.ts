import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
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
import { loadProductForQuote } from '../cpq/product-for-quote';
import { accepted, callerOf, CommandAccepted, nowIso, SELLERS } from '../infrastructure/http';
import { STREAM } from '../infrastructure/streams';
import { opportunityDecider } from '../opportunities/opportunity.decider';
import type { QuoteCommand } from './quote.commands';
import { quoteDecider } from './quote.decider';
import {
  AddQuoteLineDto,
  ChangeQuoteLineDto,
  DraftQuoteDto,
  QuoteAcceptedDto,
  QuoteDiscountDto,
  QuoteDto,
  QuoteTermsDto,
  RejectQuoteDto,
} from './quote.dto';
import { QuoteAcceptance } from './quote-acceptance';
import { QuoteQueries } from './quote.queries';
import { QuoteErrors } from './quote.errors';
import { OpportunityErrors } from '../opportunities/opportunity.errors';

@ApiTags('quotes')
@Controller('quotes')
export class QuotesController {
  constructor(
    private readonly commands: AggregateCommands,
    private readonly quotes: QuoteQueries,
    private readonly acceptance: QuoteAcceptance,
  ) {}

  @Post()
  @Roles(...SELLERS)
  @ApiOperation({ summary: 'Draft a quote for an open opportunity (customer taken from the deal)' })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiProblems(400, 401, 403, 409, 422)
  async draft(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: DraftQuoteDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { state: deal } = await this.commands.load(
      opportunityDecider,
      user.tenant,
      STREAM.opportunity(dto.opportunityId),
    );
    if (!deal.exists) throw OpportunityErrors.unknownOpportunity(dto.opportunityId);
    if (deal.status !== 'open') throw OpportunityErrors.opportunityClosed(deal.status);
    const quoteId = randomUUID();
    const result = await this.commands.execute(
      quoteDecider,
      STREAM.quote(quoteId),
      {
        type: 'DraftQuote',
        data: {
          quoteId,
          opportunityId: dto.opportunityId,
          contactId: deal.contactId,
          companyId: deal.companyId,
          ownerId: user.sub,
          currency: dto.currency ?? deal.currency,
          taxRateBps: dto.taxRateBps,
          validUntil: dto.validUntil,
          at: nowIso(),
        },
      },
      callerOf(user),
    );
    return accepted(reply, quoteId, result.nextExpectedVersion, `/quotes/${quoteId}`);
  }

  @Get(':quoteId')
  @ApiOperation({
    summary: 'The quote as JSON: configured lines, discounts, tax and totals in minor units',
  })
  @ApiOkResponse({ type: QuoteDto })
  @ApiProblems(401, 404)
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('quoteId') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const quote = await this.quotes.get(user.tenant, id);
    if (!quote) throw QuoteErrors.quoteNotFound();
    setETag(reply, quote.version);
    return quote;
  }

  @Post(':quoteId/lines')
  @HttpCode(200)
  @Roles(...SELLERS)
  @ApiOperation({
    summary:
      'Add a configured product; broken CPQ rules are a 422, a discount above your role limit a 403',
  })
  @ApiOkResponse({ type: CommandAccepted })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async addLine(
    @CurrentUser() user: AuthenticatedUser,
    @Param('quoteId') id: string,
    @IfMatch() v: number | undefined,
    @Body() dto: AddQuoteLineDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { state } = await this.commands.load(quoteDecider, user.tenant, STREAM.quote(id));
    if (!state.exists) throw QuoteErrors.quoteNotFound();
    const product = await loadProductForQuote(
      this.commands,
      user.tenant,
      dto.productId,
      dto.priceBookId,
      state.currency,
    );
    return this.run(user, id, v, reply, {
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
  @ApiOkResponse({ type: CommandAccepted })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  changeLine(
    @CurrentUser() user: AuthenticatedUser,
    @Param('quoteId') id: string,
    @Param('lineId') lineId: string,
    @IfMatch() v: number | undefined,
    @Body() dto: ChangeQuoteLineDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(user, id, v, reply, {
      type: 'ChangeQuoteLine',
      data: { lineId, ...dto, actorRoles: [...user.roles] },
    });
  }

  @Delete(':quoteId/lines/:lineId')
  @HttpCode(200)
  @Roles(...SELLERS)
  @ApiOkResponse({ type: CommandAccepted })
  @ApiProblems(401, 403, 404, 409, 412)
  removeLine(
    @CurrentUser() user: AuthenticatedUser,
    @Param('quoteId') id: string,
    @Param('lineId') lineId: string,
    @IfMatch() v: number | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(user, id, v, reply, { type: 'RemoveQuoteLine', data: { lineId } });
  }

  @Put(':quoteId/discount')
  @HttpCode(200)
  @Roles(...SELLERS)
  @ApiOkResponse({ type: CommandAccepted })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  discount(
    @CurrentUser() user: AuthenticatedUser,
    @Param('quoteId') id: string,
    @IfMatch() v: number | undefined,
    @Body() dto: QuoteDiscountDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(user, id, v, reply, {
      type: 'SetQuoteDiscount',
      data: { discountBps: dto.discountBps, actorRoles: [...user.roles] },
    });
  }

  @Patch(':quoteId/terms')
  @Roles(...SELLERS)
  @ApiOkResponse({ type: CommandAccepted })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  terms(
    @CurrentUser() user: AuthenticatedUser,
    @Param('quoteId') id: string,
    @IfMatch() v: number | undefined,
    @Body() dto: QuoteTermsDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(user, id, v, reply, { type: 'ChangeQuoteTerms', data: dto });
  }

  @Post(':quoteId/send')
  @HttpCode(200)
  @Roles(...SELLERS)
  @ApiOkResponse({ type: CommandAccepted })
  @ApiProblems(401, 403, 404, 409, 412)
  send(
    @CurrentUser() user: AuthenticatedUser,
    @Param('quoteId') id: string,
    @IfMatch() v: number | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(user, id, v, reply, { type: 'SendQuote', data: { at: nowIso() } });
  }

  @Post(':quoteId/reject')
  @HttpCode(200)
  @Roles(...SELLERS)
  @ApiOkResponse({ type: CommandAccepted })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  reject(
    @CurrentUser() user: AuthenticatedUser,
    @Param('quoteId') id: string,
    @IfMatch() v: number | undefined,
    @Body() dto: RejectQuoteDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(user, id, v, reply, {
      type: 'RejectQuote',
      data: { reason: dto.reason, at: nowIso() },
    });
  }

  @Post(':quoteId/expire')
  @HttpCode(200)
  @Roles(...SELLERS)
  @ApiOkResponse({ type: CommandAccepted })
  @ApiProblems(401, 403, 404, 409, 412)
  expire(
    @CurrentUser() user: AuthenticatedUser,
    @Param('quoteId') id: string,
    @IfMatch() v: number | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(user, id, v, reply, { type: 'ExpireQuote', data: { at: nowIso() } });
  }

  @Post(':quoteId/accept')
  @HttpCode(200)
  @Roles(...SELLERS, 'integrator')
  @ApiOperation({
    summary:
      'The customer accepted: the quote is accepted, its order placed and its opportunity won',
    description:
      'Safe to retry: the order id is derived from the quote id. After the validity date: 409 QuoteExpired.',
  })
  @ApiOkResponse({ type: QuoteAcceptedDto })
  @ApiProblems(401, 403, 404, 409, 412, 422)
  async accept(
    @CurrentUser() user: AuthenticatedUser,
    @Param('quoteId') id: string,
    @IfMatch() v: number | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<QuoteAcceptedDto> {
    const { orderId, opportunityId, version } = await this.acceptance.accept(id, callerOf(user, v));
    setETag(reply, version);
    return { quoteId: id, orderId, opportunityId, version };
  }

  private async run(
    user: AuthenticatedUser,
    id: string,
    version: number | undefined,
    reply: FastifyReply,
    command: QuoteCommand,
  ): Promise<CommandAccepted> {
    const result = await this.commands.execute(
      quoteDecider,
      STREAM.quote(id),
      command,
      callerOf(user, version),
    );
    return accepted(reply, id, result.nextExpectedVersion);
  }
}
