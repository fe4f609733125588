/** Query parameters of the basket reports (a bad one is a 400 naming it). */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { parseReportFormat } from '@crm/charts';
import { Parses } from '@crm/values';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';

export const RULE_SORTS = [
  'lift',
  'confidence',
  'support',
  'conviction',
  'leverage',
  'count',
] as const;
export type RuleSort = (typeof RULE_SORTS)[number];
export const BASKET_LEVELS = ['product', 'family'] as const;

class FormatQuery {
  @ApiPropertyOptional({ enum: ['json', 'csv', 'vega-lite', 'svg'], default: 'json' })
  @IsOptional()
  @Parses(parseReportFormat)
  format?: string;
}

class RuleFilterQuery extends FormatQuery {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: 1,
    description:
      "Smallest support; the fit's own threshold is the floor (rules below it are not stored)",
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  minSupport?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1, description: 'Smallest confidence' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  minConfidence?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1_000_000, description: 'Smallest lift' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1_000_000)
  minLift?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class BasketRulesQuery extends RuleFilterQuery {
  @ApiPropertyOptional({
    enum: BASKET_LEVELS,
    default: 'product',
    description: 'Items: products or their families',
  })
  @IsOptional()
  @IsIn(BASKET_LEVELS)
  level?: (typeof BASKET_LEVELS)[number];

  @ApiPropertyOptional({
    enum: RULE_SORTS,
    default: 'lift',
    description:
      "Highest first; ties (and `lift`) in the rules' own order: lift, confidence, count, shorter antecedent. " +
      'conviction: rules that never fail (conviction null, i.e. infinite) first',
  })
  @IsOptional()
  @IsIn(RULE_SORTS)
  sort?: RuleSort;
}

export class BoughtTogetherQuery extends RuleFilterQuery {}
