/**
 * The assets API: register by hand, transfer, retire, extend the warranty, post meter readings;
 * list (by contact, company, product, order, warranty status) and read with history. Agents
 * write, every reader reads (shared/roles.ts); customers see their own through /me.
 */
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AggregateCommands,
  ApiProblems,
  answerRead,
  Caller,
  PG_POOL,
  Roles,
  Tenant,
  resourceCommands,
  type CommandAnswer,
  type CommandCaller,
  type Page,
  type ResourceCommands,
} from '@crm/platform';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { STREAM } from '../infrastructure/streams';
import { AGENTS, READERS } from '../shared/roles';
import { idOf } from '../shared/ids';
import { warrantyMonthsOf } from '../warranty-terms/warranty-terms';
import type { AssetCommand } from './asset.commands';
import { assetDecider } from './asset.decider';
import {
  AssetDto,
  AssetPage,
  ExtendWarrantyDto,
  ListAssetsQuery,
  MeterReadingDto,
  RegisterAssetDto,
  RetireAssetDto,
  TransferAssetDto,
} from './asset.dto';
import { AssetErrors } from './asset.errors';
import type { AssetView } from './asset.view';
import { AssetQueries } from './assets.queries';

@ApiTags('assets')
@Controller('assets')
export class AssetsController {
  private readonly assets: ResourceCommands<AssetCommand, CommandAnswer<AssetView>>;

  constructor(
    commands: AggregateCommands,
    private readonly queries: AssetQueries,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {
    this.assets = resourceCommands(commands, {
      decider: assetDecider,
      streamOf: STREAM.asset,
      read: (tenant, id) => queries.get(tenant, id),
    });
  }

  @Post()
  @Roles(...AGENTS)
  @ApiOperation({
    summary: 'Register an installed product by hand (serial number, owner, delivery day)',
    description:
      "Warranty: `warrantyMonths`, or the product's warranty terms (PUT /warranty-terms/{productId}), else none.",
  })
  @ApiCreatedResponse({ type: AssetDto, description: 'The new asset; ETag = version, Location' })
  @ApiProblems(400, 401, 403, 422)
  async register(
    @Caller({ ifMatch: false }) caller: CommandCaller,
    @Body() dto: RegisterAssetDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<AssetView>> {
    const assetId = randomUUID();
    const productId = idOf(dto.productId, 'productId');
    const contactId = idOf(dto.contactId, 'contactId');
    const companyId = dto.companyId === undefined ? undefined : idOf(dto.companyId, 'companyId');
    const warrantyMonths =
      dto.warrantyMonths ?? (await warrantyMonthsOf(this.pool, caller.tenant, productId));
    return this.assets.create(
      caller,
      assetId,
      reply,
      {
        type: 'RegisterAsset',
        data: {
          assetId,
          source: { kind: 'manual' },
          productId,
          options: dto.options,
          serialNumber: dto.serialNumber,
          owner: { contactId, ...(companyId ? { companyId } : {}) },
          deliveredOn: dto.deliveredOn,
          warrantyMonths,
        },
      },
      `/assets/${assetId}`,
    );
  }

  @Get()
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Assets by owner, company, product, order and warranty status, newest first',
  })
  @ApiOkResponse({ type: AssetPage })
  @ApiProblems(400, 401, 403)
  list(@Tenant() tenant: string, @Query() query: ListAssetsQuery): Promise<Page<AssetView>> {
    return this.queries.list(tenant, query);
  }

  @Get(':assetId')
  @Roles(...READERS)
  @ApiOperation({ summary: 'One asset with its warranty today and its history' })
  @ApiOkResponse({ type: AssetDto })
  @ApiProblems(401, 403, 404)
  async get(
    @Tenant() tenant: string,
    @Param('assetId') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AssetView> {
    return answerRead(reply, await this.queries.get(tenant, id), AssetErrors.assetNotFound);
  }

  @Post(':assetId/transfer')
  @HttpCode(200)
  @Roles(...AGENTS)
  @ApiOperation({ summary: 'Hand the asset to another owner (If-Match)' })
  @ApiOkResponse({ type: AssetDto })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  transfer(
    @Caller() caller: CommandCaller,
    @Param('assetId') id: string,
    @Body() dto: TransferAssetDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<AssetView>> {
    const contactId = idOf(dto.contactId, 'contactId');
    const companyId = dto.companyId === undefined ? undefined : idOf(dto.companyId, 'companyId');
    return this.assets.run(caller, id, reply, {
      type: 'TransferAsset',
      data: { to: { contactId, ...(companyId ? { companyId } : {}) }, on: dto.on },
    });
  }

  @Post(':assetId/retire')
  @HttpCode(200)
  @Roles(...AGENTS)
  @ApiOperation({ summary: 'Retire the asset for good (If-Match)' })
  @ApiOkResponse({ type: AssetDto })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  retire(
    @Caller() caller: CommandCaller,
    @Param('assetId') id: string,
    @Body() dto: RetireAssetDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<AssetView>> {
    return this.assets.run(caller, id, reply, {
      type: 'RetireAsset',
      data: { on: dto.on, reason: dto.reason },
    });
  }

  @Post(':assetId/warranty-extensions')
  @HttpCode(200)
  @Roles(...AGENTS)
  @ApiOperation({
    summary: 'An extended warranty or service contract sold for the asset (once per contractId)',
  })
  @ApiOkResponse({ type: AssetDto })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  extend(
    @Caller() caller: CommandCaller,
    @Param('assetId') id: string,
    @Body() dto: ExtendWarrantyDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<AssetView>> {
    return this.assets.run(caller, id, reply, {
      type: 'ExtendWarranty',
      data: {
        contractId: idOf(dto.contractId, 'contractId'),
        months: dto.months,
        startsOn: dto.startsOn,
      },
    });
  }

  @Post(':assetId/readings')
  @HttpCode(200)
  @Roles(...AGENTS)
  @ApiOperation({
    summary: 'A meter reading (km, hours, cycles): meters only count up; a repeat changes nothing',
  })
  @ApiOkResponse({ type: AssetDto })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  reading(
    @Caller() caller: CommandCaller,
    @Param('assetId') id: string,
    @Body() dto: MeterReadingDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<AssetView>> {
    return this.assets.run(caller, id, reply, {
      type: 'RecordMeterReading',
      data: { unit: dto.unit, value: dto.value, readAt: dto.readAt },
    });
  }
}
