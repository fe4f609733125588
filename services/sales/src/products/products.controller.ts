import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
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
  ProductPage,
} from './product.dto';
import { ProductErrors } from './product.errors';
import { MANAGERS, READERS } from '../shared/roles';

@ApiTags('products')
@Controller('products')
export class ProductsController {
  private readonly productCommands: ResourceCommands<ProductCommand, CommandAnswer<ProductDto>>;

  constructor(
    private readonly commands: AggregateCommands,
    private readonly catalog: CatalogQueries,
  ) {
    this.productCommands = resourceCommands(commands, {
      decider: productDecider,
      streamOf: STREAM.product,
      read: (tenant, id) => catalog.product(tenant, id),
    });
  }

  @Post()
  @Roles(...MANAGERS)
  @ApiOperation({ summary: 'Create a product (active); the SKU must be unused in the tenant' })
  @ApiCreatedResponse({
    type: ProductDto,
    description: 'The new product; ETag = version, Location',
  })
  @ApiProblems(400, 401, 403, 409, 422)
  async create(
    // If-Match names a version of an existing product: neither new stream (SKU, product) has one.
    @Caller({ ifMatch: false }) caller: CommandCaller,
    @Body() dto: CreateProductDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<ProductDto>> {
    const productId = randomUUID();
    const create: ProductCommand = { type: 'CreateProduct', data: { productId, ...dto } };
    decideProduct(create, initialProductState()); // reserve the SKU only for a valid product
    await this.commands.execute(
      skuRegistryDecider,
      STREAM.sku(skuKey(dto.sku)),
      { type: 'ReserveSku', data: { sku: dto.sku, productId } },
      caller,
    );
    return this.productCommands.create(caller, productId, reply, create, `/products/${productId}`);
  }

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: ProductPage })
  @ApiProblems(400, 401)
  @ApiOperation({ summary: 'List products' })
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ProductListQueryDto,
  ): Promise<ProductPage> {
    return wholePage(await this.catalog.products(user.tenant, query.family));
  }

  @Get(':productId')
  @Roles(...READERS)
  @ApiOkResponse({ type: ProductDto })
  @ApiProblems(401, 404)
  @ApiOperation({ summary: 'Read one product with its options' })
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('productId') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answerRead(
      reply,
      await this.catalog.product(user.tenant, id),
      ProductErrors.productNotFound,
    );
  }

  @Put(':productId/info')
  @HttpCode(200)
  @Roles(...MANAGERS)
  @ApiOkResponse({ type: ProductDto })
  @ApiProblems(400, 401, 403, 404, 412, 422)
  @ApiOperation({ summary: "Change a product's name, description and family" })
  info(
    @Caller() caller: CommandCaller,
    @Param('productId') id: string,
    @Body() dto: ProductInfoDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<ProductDto>> {
    return this.productCommands.run(caller, id, reply, { type: 'ChangeProductInfo', data: dto });
  }

  @Put(':productId/options')
  @HttpCode(200)
  @Roles(...MANAGERS)
  @ApiOperation({
    summary: 'Define the CPQ option groups (with price deltas) and rules (requires / excludes)',
  })
  @ApiOkResponse({ type: ProductDto })
  @ApiProblems(400, 401, 403, 404, 412, 422)
  options(
    @Caller() caller: CommandCaller,
    @Param('productId') id: string,
    @Body() dto: ConfigurationModelDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<ProductDto>> {
    return this.productCommands.run(caller, id, reply, {
      type: 'DefineProductOptions',
      data: { model: dto },
    });
  }

  @Post(':productId/activate')
  @HttpCode(200)
  @Roles(...MANAGERS)
  @ApiOkResponse({ type: ProductDto })
  @ApiProblems(401, 403, 404, 412)
  @ApiOperation({ summary: 'Activate a product (it can be sold)' })
  activate(
    @Caller() caller: CommandCaller,
    @Param('productId') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<ProductDto>> {
    return this.productCommands.run(caller, id, reply, { type: 'ActivateProduct', data: {} });
  }

  @Post(':productId/deactivate')
  @HttpCode(200)
  @Roles(...MANAGERS)
  @ApiOkResponse({ type: ProductDto })
  @ApiProblems(401, 403, 404, 412)
  @ApiOperation({ summary: 'Deactivate a product (it can no longer be sold)' })
  deactivate(
    @Caller() caller: CommandCaller,
    @Param('productId') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<ProductDto>> {
    return this.productCommands.run(caller, id, reply, { type: 'DeactivateProduct', data: {} });
  }
}
