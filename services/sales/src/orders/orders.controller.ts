import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
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
  CLOCK,
  CursorPageQuery,
  isoNow,
  type Clock,
  AsOfQuery,
  RecordHistory,
} from '@crm/platform';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { loadProductsForSale } from '../cpq/product-for-quote';
import { KnownReferences } from '../contact-directory/known-references';
import { READERS, SELLERS_AND_INTEGRATIONS } from '../shared/roles';
import { STREAM } from '../infrastructure/streams';
import type { OrderCommand } from './order.commands';
import { orderDecider } from './order.decider';
import { ListOrdersQuery, OrderDto, OrderPage, OrderReasonDto, PlaceOrderDto } from './order.dto';
import { OrderQueries } from './order.queries';
import { OrderErrors } from './order.errors';
import { CancelledOrderDeal } from './cancelled-order-deal';
import { orderRecord } from '../history/record-histories';

@ApiTags('orders')
@Controller()
export class OrdersController {
  private readonly orderCommands: ResourceCommands<OrderCommand, CommandAnswer<OrderDto>>;

  constructor(
    private readonly commands: AggregateCommands,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly orders: OrderQueries,
    private readonly references: KnownReferences,
    private readonly cancelledOrderDeal: CancelledOrderDeal,
    private readonly history: RecordHistory,
  ) {
    this.orderCommands = resourceCommands(commands, {
      decider: orderDecider,
      streamOf: STREAM.order,
      read: (tenant, id) => orders.get(tenant, id),
      access: { record: 'order', holders: (s) => (s.exists ? [s.ownerId] : undefined) },
    });
  }

  @Post('orders')
  @Roles(...SELLERS_AND_INTEGRATIONS)
  @ApiOperation({
    summary: 'Place an order directly (e-commerce integration): priced from a price book',
    description:
      'Prices come from `priceBookId` in `currency` (plus the chosen options), never from the ' +
      'body; discounts stay within your role limit as on quotes (403 DiscountAboveRoleLimit). ' +
      'An unknown product is a 422 UnknownProduct naming the line; no price in that book/currency ' +
      'a 409 NoListPrice.',
  })
  @ApiCreatedResponse({ type: OrderDto, description: 'The new order; ETag = version, Location' })
  @ApiProblems(400, 401, 403, 409, 422)
  async place(
    @Caller() caller: CommandCaller,
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: PlaceOrderDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<OrderDto>> {
    const { contactId, companyId } = dto;
    await this.references.assertKnown(caller.tenant, { contactId, companyId });
    const orderId = randomUUID();
    const { priceBookId, lines: requested, ...order } = dto;
    const products = await loadProductsForSale(
      this.commands,
      caller.tenant,
      requested.map((line) => line.productId),
      priceBookId,
      dto.currency,
    );
    const lines = requested.map((line, i) => ({
      lineId: line.lineId ?? String(i + 1),
      productId: line.productId,
      product: products[i],
      optionIds: line.optionIds ?? [],
      quantity: line.quantity,
      discountBps: line.discountBps,
    }));
    return this.orderCommands.create(
      caller,
      orderId,
      reply,
      {
        type: 'PlaceOrder',
        data: {
          ...order,
          orderId,
          source: 'api',
          ownerId: caller.actor,
          lines,
          actorRoles: [...user.roles],
          at: isoNow(this.clock),
        },
      },
      `/orders/${orderId}`,
    );
  }

  @Get('orders')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Orders of a contact, company or deal (filters combine), newest first, keyset pages',
  })
  @ApiOkResponse({ type: OrderPage })
  @ApiProblems(400, 401, 403)
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListOrdersQuery,
  ): Promise<OrderPage> {
    return this.orders.list(user.tenant, query);
  }

  @Get('orders/:orderId')
  @Roles(...READERS)
  @ApiOkResponse({ type: OrderDto })
  @ApiProblems(400, 401, 404)
  @ApiOperation({
    summary: 'Read one order',
    description:
      '`asOf`: the record as it stood at that instant (no ETag); 404 if it did not exist yet, 400 naming asOf if malformed.',
  })
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('orderId') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query() query: AsOfQuery,
  ) {
    if (query.asOf !== undefined) {
      const stream = { tenant: user.tenant, id: STREAM.order(id) };
      return this.history.asOf(orderRecord(), stream, query.asOf, OrderErrors.orderNotFound);
    }
    return answerRead(reply, await this.orders.get(user.tenant, id), OrderErrors.orderNotFound);
  }

  @Get('contacts/:contactId/orders')
  @Roles(...READERS)
  @ApiOperation({ summary: "A contact's purchase history, newest first (GET /orders?contactId=)" })
  @ApiOkResponse({ type: OrderPage })
  @ApiProblems(400, 401, 403)
  ofContact(
    @CurrentUser() user: AuthenticatedUser,
    @Param('contactId') contactId: string,
    @Query() page: CursorPageQuery,
  ): Promise<OrderPage> {
    return this.orders.list(user.tenant, { ...page, contactId });
  }

  @Get('companies/:companyId/orders')
  @Roles(...READERS)
  @ApiOperation({ summary: "A company's purchase history, newest first (GET /orders?companyId=)" })
  @ApiOkResponse({ type: OrderPage })
  @ApiProblems(400, 401, 403)
  ofCompany(
    @CurrentUser() user: AuthenticatedUser,
    @Param('companyId') companyId: string,
    @Query() page: CursorPageQuery,
  ): Promise<OrderPage> {
    return this.orders.list(user.tenant, { ...page, companyId });
  }

  @Post('orders/:orderId/fulfil')
  @HttpCode(200)
  @Roles(...SELLERS_AND_INTEGRATIONS)
  @ApiOkResponse({ type: OrderDto })
  @ApiProblems(401, 403, 404, 409, 412)
  @ApiOperation({ summary: 'Mark an order fulfilled' })
  fulfil(
    @Caller() caller: CommandCaller,
    @Param('orderId') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<OrderDto>> {
    return this.orderCommands.run(caller, id, reply, {
      type: 'FulfillOrder',
      data: { at: isoNow(this.clock) },
    });
  }

  @Post('orders/:orderId/cancel')
  @HttpCode(200)
  @Roles(...SELLERS_AND_INTEGRATIONS)
  @ApiOperation({
    summary: 'Cancel a placed order: no sale, so the deal it was won with becomes lost',
    description:
      'The opportunity whose win placed this order moves to its lost stage (lostReason ' +
      '`order <id> cancelled: <reason>`), so forecast and board stop counting it; reopen it to sell again.',
  })
  @ApiOkResponse({ type: OrderDto })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  async cancel(
    @Caller() caller: CommandCaller,
    @Param('orderId') id: string,
    @Body() dto: OrderReasonDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<OrderDto>> {
    const at = isoNow(this.clock);
    const answer = await this.orderCommands.run(caller, id, reply, {
      type: 'CancelOrder',
      data: { reason: dto.reason, at },
    });
    await this.cancelledOrderDeal.settle(caller, id, at);
    return answer;
  }

  @Post('orders/:orderId/return')
  @HttpCode(200)
  @Roles(...SELLERS_AND_INTEGRATIONS)
  @ApiOkResponse({ type: OrderDto })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  @ApiOperation({ summary: 'Record that an order was returned' })
  returned(
    @Caller() caller: CommandCaller,
    @Param('orderId') id: string,
    @Body() dto: OrderReasonDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<OrderDto>> {
    return this.orderCommands.run(caller, id, reply, {
      type: 'ReturnOrder',
      data: { reason: dto.reason, at: isoNow(this.clock) },
    });
  }
}
