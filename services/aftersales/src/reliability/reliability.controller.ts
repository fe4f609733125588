/**
 * The reliability report: per product (assets, failures, MTBF in operating days, repeat repairs)
 * and per asset (its failures, repeat repairs, and whether to offer an upgrade by the default
 * rule: 3 failures within a year).
 */
import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblems, CLOCK, Roles, Tenant, wholePage, type Clock, type Page } from '@crm/platform';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { AssetErrors } from '../assets/asset.errors';
import { READERS } from '../shared/roles';
import { todayOf } from '../shared/today';
import {
  DEFAULT_UPGRADE_RULE,
  mtbfDays,
  productReliability,
  repeatRepairs,
  upgradeSuggestion,
  type ProductReliability,
  type RepeatRepair,
  type UpgradeVerdict,
} from './reliability';
import { ReliabilityQueries } from './reliability.queries';

const DEFAULT_REPEAT_DAYS = 90;

export class ReliabilityQuery {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 3650,
    default: DEFAULT_REPEAT_DAYS,
    description: 'A failure this soon after the previous one is a repeat repair',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  repeatWithinDays?: number;
}

class ProductReliabilityView {
  @ApiProperty() productId!: string;
  @ApiProperty() assets!: number;
  @ApiProperty() failures!: number;
  @ApiPropertyOptional({ description: 'Operating days per failure; absent without failures' })
  mtbfDays?: number;
  @ApiProperty() repeatRepairs!: number;
}

export class ProductReliabilityPage {
  @ApiProperty({ type: [ProductReliabilityView] }) items!: ProductReliabilityView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

class RepeatRepairView {
  @ApiProperty() assetId!: string;
  @ApiProperty() previousCaseId!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty() daysApart!: number;
}

class UpgradeView {
  @ApiProperty() suggest!: boolean;
  @ApiProperty({ type: [String], enum: ['failures', 'repair_costs'] }) reasons!: string[];
  @ApiProperty() recentFailures!: number;
  @ApiProperty() repairCostMinor!: number;
}

export class AssetReliabilityView {
  @ApiProperty() assetId!: string;
  @ApiProperty() failures!: number;
  @ApiPropertyOptional() mtbfDays?: number;
  @ApiProperty({ type: [RepeatRepairView] }) repeatRepairs!: RepeatRepairView[];
  @ApiProperty({ type: UpgradeView }) upgrade!: UpgradeView;
}

@ApiTags('reliability')
@Controller('reliability')
export class ReliabilityController {
  constructor(
    private readonly queries: ReliabilityQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('products')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Reliability per product, worst MTBF first' })
  @ApiOkResponse({ type: ProductReliabilityPage })
  @ApiProblems(400, 401, 403)
  async products(
    @Tenant() tenant: string,
    @Query() query: ReliabilityQuery,
  ): Promise<Page<ProductReliability>> {
    const [assets, failures] = await Promise.all([
      this.queries.assets(tenant),
      this.queries.failures(tenant),
    ]);
    return wholePage(
      productReliability(
        assets,
        failures,
        todayOf(this.clock),
        query.repeatWithinDays ?? DEFAULT_REPEAT_DAYS,
      ),
    );
  }

  @Get('assets/:assetId')
  @Roles(...READERS)
  @ApiOperation({ summary: "One asset's failures, repeat repairs and upgrade verdict" })
  @ApiOkResponse({ type: AssetReliabilityView })
  @ApiProblems(400, 401, 403, 404)
  async asset(
    @Tenant() tenant: string,
    @Param('assetId') assetId: string,
    @Query() query: ReliabilityQuery,
  ): Promise<{
    assetId: string;
    failures: number;
    mtbfDays?: number;
    repeatRepairs: RepeatRepair[];
    upgrade: UpgradeVerdict;
  }> {
    const [asset] = await this.queries.assets(tenant, assetId);
    if (!asset) throw AssetErrors.assetNotFound();
    const failures = await this.queries.failures(tenant, assetId);
    const today = todayOf(this.clock);
    const mtbf = mtbfDays([asset], failures, today);
    return {
      assetId,
      failures: failures.length,
      ...(mtbf !== undefined ? { mtbfDays: mtbf } : {}),
      repeatRepairs: repeatRepairs(failures, query.repeatWithinDays ?? DEFAULT_REPEAT_DAYS),
      upgrade: upgradeSuggestion(asset, failures, undefined, DEFAULT_UPGRADE_RULE, today),
    };
  }
}
