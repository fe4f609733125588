/**
 * Request and answer shapes of the asset endpoints. Shapes are checked here (strings, numbers,
 * unknown members refused); values (dates, units, months, options) by the Asset decider, which
 * names the field.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Allow,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { CursorPageQuery } from '@crm/platform';
import { METER_UNITS } from './asset.events';

const WARRANTY_STATUSES = [
  'in_warranty',
  'expired',
  'not_yet_delivered',
  'none',
  'retired',
] as const;

export class RegisterAssetDto {
  @ApiProperty({ maxLength: 200 }) @IsString() @MaxLength(200) productId!: string;
  @ApiProperty({ maxLength: 200, description: 'Owner contact' })
  @IsString()
  @MaxLength(200)
  contactId!: string;
  @ApiPropertyOptional({ maxLength: 200, description: 'Owner company' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  companyId?: string;
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  serialNumber?: string;
  @ApiProperty({ format: 'date', description: 'Delivery (installation) day' })
  @Allow()
  deliveredOn!: string;
  @ApiPropertyOptional({
    description: 'Option group -> chosen option',
    type: 'object',
    additionalProperties: { type: 'string' },
  })
  @IsOptional()
  @IsObject()
  options?: Record<string, string>;
  @ApiPropertyOptional({
    minimum: 0,
    maximum: 240,
    description: "Months of warranty from delivery; default the product's warranty terms",
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(240)
  warrantyMonths?: number;
}

export class TransferAssetDto {
  @ApiProperty({ maxLength: 200, description: 'New owner contact' })
  @IsString()
  @MaxLength(200)
  contactId!: string;
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  companyId?: string;
  @ApiProperty({ format: 'date', description: 'Day of the transfer' }) @Allow() on!: string;
}

export class RetireAssetDto {
  @ApiProperty({ format: 'date' }) @Allow() on!: string;
  @ApiProperty({ maxLength: 200 }) @Allow() reason!: string;
}

export class ExtendWarrantyDto {
  @ApiProperty({ maxLength: 200, description: 'The contract (an extended warranty sold)' })
  @IsString()
  @MaxLength(200)
  contractId!: string;
  @ApiProperty({ minimum: 1, maximum: 240 }) @Allow() months!: number;
  @ApiProperty({ format: 'date', description: 'Sale day (cover runs on from the current end)' })
  @Allow()
  startsOn!: string;
}

export class MeterReadingDto {
  @ApiProperty({ enum: METER_UNITS }) @Allow() unit!: string;
  @ApiProperty({ minimum: 0 }) @IsNumber() value!: number;
  @ApiProperty({ format: 'date-time' }) @Allow() readAt!: string;
}

export class ListAssetsQuery extends CursorPageQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) contactId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) companyId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) productId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) orderId?: string;
  @ApiPropertyOptional({
    enum: WARRANTY_STATUSES,
    description: 'On today (the service clock, UTC)',
  })
  @IsOptional()
  @IsIn(WARRANTY_STATUSES)
  warrantyStatus?: (typeof WARRANTY_STATUSES)[number];
}

class CoveragePeriodDto {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
}

export class AssetWarrantyDto {
  @ApiProperty({ enum: WARRANTY_STATUSES }) status!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endsOn!: string | null;
  @ApiProperty({ type: [CoveragePeriodDto] })
  @Type(() => CoveragePeriodDto)
  coverage!: CoveragePeriodDto[];
}

export class AssetDto {
  @ApiProperty() id!: string;
  @ApiProperty() version!: number;
  @ApiProperty() productId!: string;
  @ApiProperty() contactId!: string;
  @ApiProperty({ type: String, nullable: true }) companyId!: string | null;
  @ApiProperty({ enum: ['order', 'manual'] }) source!: 'order' | 'manual';
  @ApiProperty({ type: String, nullable: true }) orderId!: string | null;
  @ApiProperty({ type: String, nullable: true }) serialNumber!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  options!: Record<string, string>;
  @ApiProperty({ format: 'date' }) deliveredOn!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) retiredOn!: string | null;
  @ApiProperty({ type: AssetWarrantyDto }) warranty!: AssetWarrantyDto;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'GET /assets/{id}: every change (type, at, version, what changed), oldest first',
  })
  history?: Record<string, unknown>[];
}

export class AssetPage {
  @ApiProperty({ type: [AssetDto] }) items!: AssetDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
