/**
 * A tiny controller exercising every platform feature, used by the platform's own tests and as
 * a reference for services.
 */
import {
  Body,
  Controller,
  Logger,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DomainError, ReadModelUnavailableError } from '@crm/event-sourcing';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { CurrentUser, Public, Roles, Tenant } from '../auth/decorators';
import type { AuthenticatedUser } from '../auth/user';
import { ApiProblems } from '../docs/problem-details.schema';
import {
  entityTagMatches,
  IfMatch,
  preconditionFailed,
  setETag,
  type EntityTagCondition,
} from '../http/etag';
import { currentCorrelationId } from '../logging/request-context';
import { CreateItemDto, ItemDto } from './items.dto';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Deeper code reads the correlation id from the request context, not from a parameter. */
function describeItem(tenant: string, user: AuthenticatedUser, dto: CreateItemDto): ItemDto {
  return {
    id: randomUUID(),
    tenant,
    name: dto.name,
    quantity: dto.quantity,
    createdBy: user.sub,
    correlationId: currentCorrelationId() ?? 'none',
  };
}

@ApiTags('items')
@Controller('items')
export class ItemsController {
  private readonly logger = new Logger(ItemsController.name);

  @Post()
  @Roles('admin', 'sales-rep')
  @ApiCreatedResponse({ type: ItemDto })
  @ApiProblems(400, 401, 403, 409, 422)
  create(
    @Tenant() tenant: string,
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: CreateItemDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): ItemDto {
    const item = describeItem(tenant, user, dto);
    void reply.header('location', `/items/${item.id}`);
    return item;
  }

  /** Item 1 as a GET shows it: at version 3, with its ETag (conditional GETs). */
  @Get('-/current')
  @Roles('admin', 'sales-rep', 'analyst')
  current(@Res({ passthrough: true }) reply: FastifyReply): { id: string; version: number } {
    setETag(reply, 3);
    return { id: '1', version: 3 };
  }

  @Get(':id')
  @Roles('admin', 'sales-rep', 'analyst')
  @ApiOkResponse({ type: ItemDto })
  @ApiProblems(401, 404, 410, 503)
  find(@Param('id') id: string): never {
    if (id === 'erased') throw new DomainError('ItemErased', `Item ${id} was erased`, 'gone');
    if (id === 'rebuilding') throw new ReadModelUnavailableError('items', 'rebuilding', 7);
    throw new DomainError('ItemNotFound', `No item ${id}`, 'not-found', { itemId: id });
  }

  @Put(':id')
  @Roles('admin', 'sales-rep')
  @HttpCode(200)
  @ApiProblems(400, 401, 412)
  rename(
    @Param('id') id: string,
    @IfMatch() ifMatch: EntityTagCondition | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): { version: number } {
    // Item 1 is at version 3; no other item exists.
    const current = id === '1' ? 3 : 0;
    if (ifMatch !== undefined && !entityTagMatches(ifMatch, current)) {
      throw preconditionFailed(current);
    }
    setETag(reply, current + 1);
    return { version: current + 1 };
  }

  /** Like create, but slow: lets tests hold a request in flight. */
  @Post('-/slow')
  @Roles('admin')
  async createSlowly(
    @Tenant() tenant: string,
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: CreateItemDto,
    @Query('ms') ms = '500',
  ): Promise<ItemDto> {
    await sleep(Math.min(Number(ms) || 0, 10_000));
    return describeItem(tenant, user, dto);
  }

  @Public()
  @Get('-/slow')
  async slow(@Query('ms') ms = '1000'): Promise<{ waitedMs: number }> {
    const waitedMs = Math.min(Number(ms) || 0, 10_000);
    // The shutdown test waits for this line: the request is then surely in flight.
    this.logger.log(`slow request started (${waitedMs} ms)`);
    await sleep(waitedMs);
    return { waitedMs };
  }

  @Public()
  @Get('-/boom')
  boom(): never {
    throw new Error('connection string postgres://secret@db/internal exploded');
  }
}
