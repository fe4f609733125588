import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Parses, parseCurrency } from '@crm/values';
import { QuoteTotalsDto } from '../quotes/quote.dto';

export class OrderLineDto {
  @ApiPropertyOptional({ description: 'Default: the line number' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  lineId?: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) productId!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(64) sku!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(100000) quantity!: number;
  @ApiProperty({ description: 'Minor units (cents)' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  unitPriceMinor!: number;
  @ApiPropertyOptional({ description: 'Basis points' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  discountBps?: number;
}

export class PlaceOrderDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) contactId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) companyId?: string;
  @ApiProperty({ example: 'EUR' }) @Parses(parseCurrency) currency!: string;
  @ApiProperty({ description: 'Basis points (1900 = 19 %)' })
  @IsInt()
  @Min(0)
  @Max(10000)
  taxRateBps!: number;
  @ApiPropertyOptional({ description: 'Overall discount, basis points' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  discountBps?: number;
  @ApiProperty({ type: [OrderLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => OrderLineDto)
  lines!: OrderLineDto[];
}

export class OrderReasonDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) reason!: string;
}

export class OrderDto {
  @ApiProperty({ description: 'The resource id (same as orderId)' }) id!: string;
  @ApiProperty() orderId!: string;
  @ApiProperty({ enum: ['quote', 'api'] }) source!: string;
  @ApiProperty({ enum: ['placed', 'fulfilled', 'cancelled', 'returned'] }) status!: string;
  @ApiPropertyOptional() contactId?: string;
  @ApiPropertyOptional() companyId?: string;
  @ApiPropertyOptional() quoteId?: string;
  @ApiPropertyOptional() opportunityId?: string;
  @ApiProperty() currency!: string;
  @ApiProperty({ type: [OrderLineDto] }) lines!: OrderLineDto[];
  @ApiProperty({ type: QuoteTotalsDto }) totals!: QuoteTotalsDto;
  @ApiProperty() placedAt!: string;
  @ApiProperty() version!: number;
}
