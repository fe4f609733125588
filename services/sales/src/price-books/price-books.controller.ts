import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
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
import { CatalogQueries } from '../products/catalog.queries';
import { productDecider } from '../products/product.decider';
import type { PriceBookCommand } from './price-book.commands';
import { priceBookDecider } from './price-book.decider';
import {
  CreatePriceBookDto,
  PriceBookDto,
  PriceBookSummaryDto,
  SetListPriceDto,
} from './price-book.dto';
import { PriceBookErrors } from './price-book.errors';
import { ProductErrors } from '../products/product.errors';

@ApiTags('price books')
@Controller('price-books')
export class PriceBooksController {
  constructor(
    private readonly commands: AggregateCommands,
    private readonly catalog: CatalogQueries,
  ) {}

  @Post()
  @Roles('admin', 'sales-manager')
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiProblems(400, 401, 403, 422)
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: CreatePriceBookDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const priceBookId = randomUUID();
    const result = await this.commands.execute(
      priceBookDecider,
      STREAM.priceBook(priceBookId),
      { type: 'CreatePriceBook', data: { priceBookId, ...dto } },
      callerOf(user),
    );
    return accepted(reply, priceBookId, result.nextExpectedVersion, `/price-books/${priceBookId}`);
  }

  @Get()
  @ApiOkResponse({ type: [PriceBookSummaryDto] })
  @ApiProblems(401)
  list(@CurrentUser() user: AuthenticatedUser): Promise<PriceBookSummaryDto[]> {
    return this.catalog.priceBooks(user.tenant);
  }

  @Get(':priceBookId')
  @ApiOperation({ summary: 'The price book listing: list price per product and currency' })
  @ApiOkResponse({ type: PriceBookDto })
  @ApiProblems(401, 404)
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('priceBookId') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const book = await this.catalog.priceBook(user.tenant, id);
    if (!book) throw PriceBookErrors.priceBookNotFound();
    setETag(reply, book.version);
    return book;
  }

  @Put(':priceBookId/prices/:productId/:currency')
  @HttpCode(200)
  @Roles('admin', 'sales-manager')
  @ApiOkResponse({ type: CommandAccepted })
  @ApiProblems(400, 401, 403, 404, 412, 422)
  async setPrice(
    @CurrentUser() user: AuthenticatedUser,
    @Param('priceBookId') id: string,
    @Param('productId') productId: string,
    @Param('currency') currency: string,
    @IfMatch() v: number | undefined,
    @Body() dto: SetListPriceDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { state: product } = await this.commands.load(
      productDecider,
      user.tenant,
      STREAM.product(productId),
    );
    if (!product.exists) throw ProductErrors.productNotFound();
    return this.run(user, id, v, reply, {
      type: 'SetListPrice',
      data: { productId, currency, amountMinor: dto.amountMinor },
    });
  }

  @Delete(':priceBookId/prices/:productId/:currency')
  @HttpCode(200)
  @Roles('admin', 'sales-manager')
  @ApiOkResponse({ type: CommandAccepted })
  @ApiProblems(401, 403, 404, 412, 422)
  removePrice(
    @CurrentUser() user: AuthenticatedUser,
    @Param('priceBookId') id: string,
    @Param('productId') productId: string,
    @Param('currency') currency: string,
    @IfMatch() v: number | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(user, id, v, reply, { type: 'RemoveListPrice', data: { productId, currency } });
  }

  private async run(
    user: AuthenticatedUser,
    id: string,
    version: number | undefined,
    reply: FastifyReply,
    command: PriceBookCommand,
  ): Promise<CommandAccepted> {
    const result = await this.commands.execute(
      priceBookDecider,
      STREAM.priceBook(id),
      command,
      callerOf(user, version),
    );
    return accepted(reply, id, result.nextExpectedVersion);
  }
}
