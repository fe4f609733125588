import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
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
import { CatalogQueries } from './catalog.queries';
import type { ProductCommand } from './product.commands';
import { decideProduct, initialProductState, productDecider } from './product.decider';
import { skuKey, skuRegistryDecider } from './sku-registry.decider';
import {
  ConfigurationModelDto,
  CreateProductDto,
  ProductDto,
  ProductInfoDto,
  ProductListQueryDto,
} from './product.dto';
import { ProductErrors } from './product.errors';

const CATALOGUE_EDITORS = ['admin', 'sales-manager'] as const;

@ApiTags('products')
@Controller('products')
export class ProductsController {
  constructor(
    private readonly commands: AggregateCommands,
    private readonly catalog: CatalogQueries,
  ) {}

  @Post()
  @Roles(...CATALOGUE_EDITORS)
  @ApiOperation({ summary: 'Create a product (active); the SKU must be unused in the tenant' })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiProblems(400, 401, 403, 409, 422)
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: CreateProductDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const productId = randomUUID();
    const create: ProductCommand = { type: 'CreateProduct', data: { productId, ...dto } };
    decideProduct(create, initialProductState()); // reserve the SKU only for a valid product
    await this.commands.execute(
      skuRegistryDecider,
      STREAM.sku(skuKey(dto.sku)),
      { type: 'ReserveSku', data: { sku: dto.sku, productId } },
      callerOf(user),
    );
    const result = await this.commands.execute(
      productDecider,
      STREAM.product(productId),
      create,
      callerOf(user),
    );
    return accepted(reply, productId, result.nextExpectedVersion, `/products/${productId}`);
  }

  @Get()
  @ApiOkResponse({ type: [ProductDto] })
  @ApiProblems(400, 401)
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ProductListQueryDto,
  ): Promise<ProductDto[]> {
    return this.catalog.products(user.tenant, query.family);
  }

  @Get(':productId')
  @ApiOkResponse({ type: ProductDto })
  @ApiProblems(401, 404)
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('productId') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const product = await this.catalog.product(user.tenant, id);
    if (!product) throw ProductErrors.productNotFound();
    setETag(reply, product.version);
    return product;
  }

  @Put(':productId/info')
  @HttpCode(200)
  @Roles(...CATALOGUE_EDITORS)
  @ApiOkResponse({ type: CommandAccepted })
  @ApiProblems(400, 401, 403, 404, 412, 422)
  info(
    @CurrentUser() user: AuthenticatedUser,
    @Param('productId') id: string,
    @IfMatch() v: number | undefined,
    @Body() dto: ProductInfoDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(user, id, v, reply, { type: 'ChangeProductInfo', data: dto });
  }

  @Put(':productId/options')
  @HttpCode(200)
  @Roles(...CATALOGUE_EDITORS)
  @ApiOperation({
    summary: 'Define the CPQ option groups (with price deltas) and rules (requires / excludes)',
  })
  @ApiOkResponse({ type: CommandAccepted })
  @ApiProblems(400, 401, 403, 404, 412, 422)
  options(
    @CurrentUser() user: AuthenticatedUser,
    @Param('productId') id: string,
    @IfMatch() v: number | undefined,
    @Body() dto: ConfigurationModelDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(user, id, v, reply, { type: 'DefineProductOptions', data: { model: dto } });
  }

  @Post(':productId/activate')
  @HttpCode(200)
  @Roles(...CATALOGUE_EDITORS)
  @ApiOkResponse({ type: CommandAccepted })
  @ApiProblems(401, 403, 404, 412)
  activate(
    @CurrentUser() user: AuthenticatedUser,
    @Param('productId') id: string,
    @IfMatch() v: number | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(user, id, v, reply, { type: 'ActivateProduct', data: {} });
  }

  @Post(':productId/deactivate')
  @HttpCode(200)
  @Roles(...CATALOGUE_EDITORS)
  @ApiOkResponse({ type: CommandAccepted })
  @ApiProblems(401, 403, 404, 412)
  deactivate(
    @CurrentUser() user: AuthenticatedUser,
    @Param('productId') id: string,
    @IfMatch() v: number | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(user, id, v, reply, { type: 'DeactivateProduct', data: {} });
  }

  private async run(
    user: AuthenticatedUser,
    id: string,
    version: number | undefined,
    reply: FastifyReply,
    command: ProductCommand,
  ): Promise<CommandAccepted> {
    const result = await this.commands.execute(
      productDecider,
      STREAM.product(id),
      command,
      callerOf(user, version),
    );
    return accepted(reply, id, result.nextExpectedVersion);
  }
}
