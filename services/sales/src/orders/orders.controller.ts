import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
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
import { accepted, callerOf, CommandAccepted, nowIso, SELLERS } from '../infrastructure/http';
import { STREAM } from '../infrastructure/streams';
import type { OrderCommand } from './order.commands';
import { orderDecider } from './order.decider';
import { OrderDto, OrderReasonDto, PlaceOrderDto } from './order.dto';
import { OrderQueries } from './order.queries';
import { OrderErrors } from './order.errors';

@ApiTags('orders')
@Controller()
export class OrdersController {
  constructor(
    private readonly commands: AggregateCommands,
    private readonly orders: OrderQueries,
  ) {}

  @Post('orders')
  @Roles(...SELLERS, 'integrator')
  @ApiOperation({
    summary: 'Place an order directly (e-commerce integration); totals are computed by the service',
  })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiProblems(400, 401, 403, 422)
  async place(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: PlaceOrderDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const orderId = randomUUID();
    const lines = dto.lines.map((line, i) => ({
      ...line,
      lineId: line.lineId ?? String(i + 1),
      discountBps: line.discountBps ?? 0,
    }));
    const result = await this.commands.execute(
      orderDecider,
      STREAM.order(orderId),
      { type: 'PlaceOrder', data: { ...dto, orderId, source: 'api', lines, at: nowIso() } },
      callerOf(user),
    );
    return accepted(reply, orderId, result.nextExpectedVersion, `/orders/${orderId}`);
  }

  @Get('orders/:orderId')
  @ApiOkResponse({ type: OrderDto })
  @ApiProblems(401, 404)
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('orderId') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const order = await this.orders.get(user.tenant, id);
    if (!order) throw OrderErrors.orderNotFound();
    setETag(reply, order.version);
    return order;
  }

  @Get('contacts/:contactId/orders')
  @ApiOperation({ summary: "A contact's purchase history, newest first" })
  @ApiOkResponse({ type: [OrderDto] })
  @ApiProblems(401)
  ofContact(
    @CurrentUser() user: AuthenticatedUser,
    @Param('contactId') contactId: string,
  ): Promise<OrderDto[]> {
    return this.orders.history(user.tenant, { contactId });
  }

  @Get('companies/:companyId/orders')
  @ApiOperation({ summary: "A company's purchase history, newest first" })
  @ApiOkResponse({ type: [OrderDto] })
  @ApiProblems(401)
  ofCompany(
    @CurrentUser() user: AuthenticatedUser,
    @Param('companyId') companyId: string,
  ): Promise<OrderDto[]> {
    return this.orders.history(user.tenant, { companyId });
  }

  @Post('orders/:orderId/fulfil')
  @HttpCode(200)
  @Roles(...SELLERS, 'integrator')
  @ApiOkResponse({ type: CommandAccepted })
  @ApiProblems(401, 403, 404, 409, 412)
  fulfil(
    @CurrentUser() user: AuthenticatedUser,
    @Param('orderId') id: string,
    @IfMatch() v: number | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(user, id, v, reply, { type: 'FulfillOrder', data: { at: nowIso() } });
  }

  @Post('orders/:orderId/cancel')
  @HttpCode(200)
  @Roles(...SELLERS, 'integrator')
  @ApiOkResponse({ type: CommandAccepted })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  cancel(
    @CurrentUser() user: AuthenticatedUser,
    @Param('orderId') id: string,
    @IfMatch() v: number | undefined,
    @Body() dto: OrderReasonDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(user, id, v, reply, {
      type: 'CancelOrder',
      data: { reason: dto.reason, at: nowIso() },
    });
  }

  @Post('orders/:orderId/return')
  @HttpCode(200)
  @Roles(...SELLERS, 'integrator')
  @ApiOkResponse({ type: CommandAccepted })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  returned(
    @CurrentUser() user: AuthenticatedUser,
    @Param('orderId') id: string,
    @IfMatch() v: number | undefined,
    @Body() dto: OrderReasonDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(user, id, v, reply, {
      type: 'ReturnOrder',
      data: { reason: dto.reason, at: nowIso() },
    });
  }

  private async run(
    user: AuthenticatedUser,
    id: string,
    version: number | undefined,
    reply: FastifyReply,
    command: OrderCommand,
  ): Promise<CommandAccepted> {
    const result = await this.commands.execute(
      orderDecider,
      STREAM.order(id),
      command,
      callerOf(user, version),
    );
    return accepted(reply, id, result.nextExpectedVersion);
  }
}
