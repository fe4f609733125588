/**
 * Preventive maintenance: plans per product (PUT /maintenance-plans/{planId}), each asset's next
 * service under them (GET /assets/{id}/maintenance: by the calendar, or projected from its meter
 * readings' usage rate), and the due list (GET /maintenance/due: overdue or due within the
 * horizon, most overdue first).
 */
import { Body, Controller, Get, Inject, Param, Put, Query } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiProblems,
  CLOCK,
  PG_POOL,
  Roles,
  Tenant,
  wholePage,
  type Clock,
  type Page,
} from '@crm/platform';
import { parseText } from '@crm/values';
import { Type } from 'class-transformer';
import { Allow, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { Pool } from 'pg';
import { AssetErrors } from '../assets/asset.errors';
import { idOf, productIdOf } from '../shared/ids';
import { MANAGERS, READERS } from '../shared/roles';
import { todayOf } from '../shared/today';
import { AssetSchedules, type AssetSchedule } from './asset-schedules';
import { readPlans, writePlan, type MaintenancePlan } from './maintenance-plans';
import { dueList, parseMaintenanceInterval, type DueListEntry } from './maintenance-schedule';

export class MaintenancePlanDto {
  @ApiProperty({ maxLength: 200 }) @IsString() @MaxLength(200) productId!: string;
  @ApiProperty({ maxLength: 200 }) @Allow() name!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      "{ kind: 'months', every: 12 } or { kind: 'usage', every: 10000, unit: 'km' | 'hours' | 'cycles' }",
  })
  @Allow()
  interval!: unknown;
}

class IntervalView {
  @ApiProperty({ enum: ['months', 'usage'] }) kind!: string;
  @ApiProperty() every!: number;
  @ApiPropertyOptional({ enum: ['km', 'hours', 'cycles'] }) unit?: string;
}

export class MaintenancePlanView {
  @ApiProperty() planId!: string;
  @ApiProperty() productId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: IntervalView }) interval!: IntervalView;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

class NextDueView {
  @ApiProperty({ enum: ['calendar', 'reached', 'projected', 'unknown'] }) basis!: string;
  @ApiPropertyOptional({ format: 'date' }) dueOn?: string;
  @ApiPropertyOptional() dueAtReading?: number;
  @ApiPropertyOptional({ description: 'Units per day over the last year of readings' })
  ratePerDay?: number;
  @ApiPropertyOptional({ description: 'Units still to go (no usable rate yet)' })
  remaining?: number;
}

class AssetScheduleView {
  @ApiProperty({ type: MaintenancePlanView }) plan!: MaintenancePlanView;
  @ApiProperty({ type: NextDueView }) next!: NextDueView;
}

export class AssetSchedulePage {
  @ApiProperty({ type: [AssetScheduleView] }) items!: AssetScheduleView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

class DueEntryView {
  @ApiProperty() assetId!: string;
  @ApiProperty() planId!: string;
  @ApiProperty({ format: 'date' }) dueOn!: string;
  @ApiProperty({ enum: ['overdue', 'due'] }) state!: string;
  @ApiProperty({ description: 'Negative when overdue' }) daysLeft!: number;
  @ApiProperty({ type: NextDueView }) next!: NextDueView;
}

export class DueListPage {
  @ApiProperty({ type: [DueEntryView] }) items!: DueEntryView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class MaintenancePlanPage {
  @ApiProperty({ type: [MaintenancePlanView] }) items!: MaintenancePlanView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class DueListQuery {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: 366,
    default: 30,
    description: 'Days ahead that count as due',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(366)
  horizonDays?: number;
}

export class PlansQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) productId?: string;
}

@ApiTags('maintenance')
@Controller()
export class MaintenanceController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly schedules: AssetSchedules,
  ) {}

  @Put('maintenance-plans/:planId')
  @Roles(...MANAGERS)
  @ApiOperation({ summary: 'Create or replace a maintenance plan of a product' })
  @ApiOkResponse({ type: MaintenancePlanView })
  @ApiProblems(400, 401, 403, 422)
  putPlan(
    @Tenant() tenant: string,
    @Param('planId') planId: string,
    @Body() dto: MaintenancePlanDto,
  ): Promise<MaintenancePlan> {
    return writePlan(
      this.pool,
      tenant,
      {
        planId: idOf(planId, 'planId'),
        productId: productIdOf(dto.productId),
        name: parseText(dto.name, 'name', 200),
        interval: parseMaintenanceInterval(dto.interval),
      },
      this.clock.now(),
    );
  }

  @Get('maintenance-plans')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Maintenance plans, of one product or all' })
  @ApiOkResponse({ type: MaintenancePlanPage })
  @ApiProblems(400, 401, 403)
  async plans(
    @Tenant() tenant: string,
    @Query() query: PlansQuery,
  ): Promise<Page<MaintenancePlan>> {
    return wholePage(await readPlans(this.pool, tenant, query.productId));
  }

  @Get('assets/:assetId/maintenance')
  @Roles(...READERS)
  @ApiOperation({ summary: "The asset's next preventive service under each plan of its product" })
  @ApiOkResponse({ type: AssetSchedulePage })
  @ApiProblems(401, 403, 404)
  async ofAsset(
    @Tenant() tenant: string,
    @Param('assetId') assetId: string,
  ): Promise<Page<AssetSchedule>> {
    const schedules = await this.schedules.ofAsset(tenant, assetId);
    if (!schedules) throw AssetErrors.assetNotFound();
    return wholePage(schedules);
  }

  @Get('maintenance/due')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'What is overdue or due within the horizon (default 30 days), most overdue first',
  })
  @ApiOkResponse({ type: DueListPage })
  @ApiProblems(400, 401, 403)
  async due(@Tenant() tenant: string, @Query() query: DueListQuery): Promise<Page<DueListEntry>> {
    const items = await this.schedules.dueItems(tenant);
    return wholePage(dueList(items, todayOf(this.clock), query.horizonDays ?? 30));
  }
}
