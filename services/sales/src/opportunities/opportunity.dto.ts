import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Parses, parseCalendarDate, parseCurrency } from '@crm/values';
import { FORECAST_CATEGORIES } from './opportunity.events';

export class OpenOpportunityDto {
  @ApiProperty({ example: 'Roadster for Ada' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) pipelineId!: string;
  @ApiPropertyOptional({ description: 'Default: the first open stage' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  stageId?: string;
  @ApiProperty({ description: 'Minor units (cents)', example: 4500000 })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amountMinor!: number;
  @ApiProperty({ example: 'EUR' }) @Parses(parseCurrency) currency!: string;
  @ApiProperty({ example: '2026-12-15' }) @Parses(parseCalendarDate) expectedCloseDate!: string;
  @ApiPropertyOptional({ description: 'Default: the caller' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  ownerId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) contactId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) companyId?: string;
}

export class ChangeStageDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) stageId!: string;
  @ApiPropertyOptional({ description: 'Required when skipping stages' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class OverrideProbabilityDto {
  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: 0,
    maximum: 100,
    description: 'null: back to the stage default',
  })
  @ValidateIf((o) => o.probability !== null)
  @IsInt()
  @Min(0)
  @Max(100)
  probability!: number | null;
}

export class UpdateOpportunityDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @ApiPropertyOptional({ description: 'Minor units' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amountMinor?: number;
  @ApiPropertyOptional() @IsOptional() @Parses(parseCurrency) currency?: string;
  @ApiPropertyOptional() @IsOptional() @Parses(parseCalendarDate) expectedCloseDate?: string;
  @ApiPropertyOptional({
    enum: FORECAST_CATEGORIES,
    nullable: true,
    description: 'null: derived from the probability again',
  })
  @IsOptional()
  @ValidateIf((o) => o.forecastCategory !== null)
  @IsIn(FORECAST_CATEGORIES)
  forecastCategory?: (typeof FORECAST_CATEGORIES)[number] | null;
}

export class ReassignDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) ownerId!: string;
}

export class LineItemDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) productId!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(100000) quantity!: number;
  @ApiProperty({ description: 'Minor units' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  unitPriceMinor!: number;
}

export class SetLineItemsDto {
  @ApiProperty({ type: [LineItemDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => LineItemDto)
  lineItems!: LineItemDto[];
}

export class WinDto {
  @ApiPropertyOptional({ description: 'Required unless the deal is in the last open stage' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class LoseDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) reason!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) competitor?: string;
}

export class ReopenDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) reason!: string;
  @ApiPropertyOptional({ description: 'Default: the stage it closed from' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  stageId?: string;
}

export class StageVisitDto {
  @ApiProperty() stageId!: string;
  @ApiProperty() enteredAt!: string;
}

export class OpportunityDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() pipelineId!: string;
  @ApiProperty() stageId!: string;
  @ApiProperty({ enum: ['open', 'won', 'lost'] }) status!: string;
  @ApiProperty({ description: 'Minor units' }) amountMinor!: number;
  @ApiProperty() currency!: string;
  @ApiProperty({ description: 'Effective probability (override or stage default)' })
  probability!: number;
  @ApiProperty() forecastCategory!: string;
  @ApiProperty() expectedCloseDate!: string;
  @ApiProperty() ownerId!: string;
  @ApiPropertyOptional() contactId?: string;
  @ApiPropertyOptional() companyId?: string;
  @ApiProperty({ type: [LineItemDto] }) lineItems!: LineItemDto[];
  @ApiProperty({ type: [StageVisitDto] }) stageHistory!: StageVisitDto[];
  @ApiPropertyOptional() orderId?: string;
  @ApiPropertyOptional() lostReason?: string;
  @ApiPropertyOptional() competitor?: string;
  @ApiProperty() version!: number;
}

export class ForecastQueryDto {
  @ApiProperty({ enum: ['month', 'quarter'] }) @IsIn(['month', 'quarter']) period!:
    'month' | 'quarter';
  @ApiProperty({ example: '2026-10-01', description: 'First day included' })
  @Parses(parseCalendarDate)
  from!: string;
  @ApiProperty({ example: '2027-04-01', description: 'First day excluded' })
  @Parses(parseCalendarDate)
  to!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) ownerId?: string;
}

export class ForecastRowDto {
  @ApiProperty({ example: '2026-Q4', description: 'YYYY-MM or YYYY-Qn' }) period!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null: all owners together' })
  ownerId!: string | null;
  @ApiProperty() currency!: string;
  @ApiProperty() openDeals!: number;
  @ApiProperty({ description: 'Sum of open amounts (minor units)' }) pipelineMinor!: number;
  @ApiProperty({ description: 'Sum of amount x probability over open and won deals' })
  weightedMinor!: number;
  @ApiProperty({ description: 'Won + commit' }) commitMinor!: number;
  @ApiProperty({ description: 'Won + commit + best case' }) bestCaseMinor!: number;
  @ApiProperty({ description: 'Won' }) closedMinor!: number;
}
