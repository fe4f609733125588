import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
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
import { CatalogQueries } from '../products/catalog.queries';
import { productDecider } from '../products/product.decider';
import type { PriceBookCommand } from './price-book.commands';
import { priceBookDecider } from './price-book.decider';
import { CreatePriceBookDto, PriceBookDto, PriceBookPage, SetListPriceDto } from './price-book.dto';
import { PriceBookErrors } from './price-book.errors';
import { ProductErrors } from '../products/product.errors';
import { MANAGERS, READERS } from '../shared/roles';

@ApiTags('price books')
@Controller('price-books')
export class PriceBooksController {
  private readonly priceBookCommands: ResourceCommands<
    PriceBookCommand,
    CommandAnswer<PriceBookDto>
  >;

  constructor(
    private readonly commands: AggregateCommands,
    private readonly catalog: CatalogQueries,
  ) {
    this.priceBookCommands = resourceCommands(commands, {
      decider: priceBookDecider,
      streamOf: STREAM.priceBook,
      read: (tenant, id) => catalog.priceBook(tenant, id),
    });
  }

  @Post()
  @Roles(...MANAGERS)
  @ApiCreatedResponse({
    type: PriceBookDto,
    description: 'The new price book; ETag = version, Location',
  })
  @ApiProblems(400, 401, 403, 422)
  @ApiOperation({ summary: 'Create a price book' })
  async create(
    @Caller() caller: CommandCaller,
    @Body() dto: CreatePriceBookDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<PriceBookDto>> {
    const priceBookId = randomUUID();
    return this.priceBookCommands.create(
      caller,
      priceBookId,
      reply,
      { type: 'CreatePriceBook', data: { priceBookId, ...dto } },
      `/price-books/${priceBookId}`,
    );
  }

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: PriceBookPage })
  @ApiProblems(401)
  @ApiOperation({ summary: 'List price books' })
  async list(@CurrentUser() user: AuthenticatedUser): Promise<PriceBookPage> {
    return wholePage(await this.catalog.priceBooks(user.tenant));
  }

  @Get(':priceBookId')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The price book listing: list price per product and currency' })
  @ApiOkResponse({ type: PriceBookDto })
  @ApiProblems(401, 404)
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('priceBookId') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answerRead(
      reply,
      await this.catalog.priceBook(user.tenant, id),
      PriceBookErrors.priceBookNotFound,
    );
  }

  @Put(':priceBookId/prices/:productId/:currency')
  @HttpCode(200)
  @Roles(...MANAGERS)
  @ApiOkResponse({ type: PriceBookDto })
  @ApiProblems(400, 401, 403, 404, 412, 422)
  @ApiOperation({ summary: "Set a product's price in one currency of a price book" })
  async setPrice(
    @Caller() caller: CommandCaller,
    @Param('priceBookId') id: string,
    @Param('productId') productId: string,
    @Param('currency') currency: string,
    @Body() dto: SetListPriceDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<PriceBookDto>> {
    const { state: product } = await this.commands.load(
      productDecider,
      caller.tenant,
      STREAM.product(productId),
    );
    if (!product.exists) throw ProductErrors.productNotFound();
    return this.priceBookCommands.run(caller, id, reply, {
      type: 'SetListPrice',
      data: { productId, currency, amountMinor: dto.amountMinor },
    });
  }

  @Delete(':priceBookId/prices/:productId/:currency')
  @HttpCode(200)
  @Roles(...MANAGERS)
  @ApiOkResponse({ type: PriceBookDto })
  @ApiProblems(401, 403, 404, 412, 422)
  @ApiOperation({ summary: "Remove a product's price in one currency from a price book" })
  removePrice(
    @Caller() caller: CommandCaller,
    @Param('priceBookId') id: string,
    @Param('productId') productId: string,
    @Param('currency') currency: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<PriceBookDto>> {
    return this.priceBookCommands.run(caller, id, reply, {
      type: 'RemoveListPrice',
      data: { productId, currency },
    });
  }
}
