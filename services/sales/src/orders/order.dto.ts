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
import { CursorPageQuery } from '@crm/platform';
import { Parses, parseCurrency } from '@crm/values';
import { SelectedOptionDto } from '../cpq/configuration.dto';
import { QuoteTotalsDto } from '../quotes/quote.dto';

/** An order line as stored and read: priced by the service. */
export class OrderLineDto {
  @ApiProperty() lineId!: string;
  @ApiProperty() productId!: string;
  @ApiProperty() sku!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional({
    type: [SelectedOptionDto],
    description: 'The configuration sold (absent on lines placed before it was kept)',
  })
  options?: SelectedOptionDto[];
  @ApiProperty({ minimum: 1 }) quantity!: number;
  @ApiProperty({ description: 'Minor units (cents), from the price book or the quote' })
  unitPriceMinor!: number;
  @ApiProperty({ description: 'Basis points' }) discountBps!: number;
  @ApiProperty({ description: 'unit price x quantity' }) grossMinor!: number;
  @ApiProperty({ description: 'Line discount' }) discountMinor!: number;
  @ApiProperty({ description: 'gross - discount' }) netMinor!: number;
}

/** What an API order line asks for; no price: the service takes it from the price book. */
export class PlaceOrderLineDto {
  @ApiPropertyOptional({ description: 'Default: the line number' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  lineId?: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) productId!: string;
  @ApiPropertyOptional({
    type: [String],
    description: 'Chosen options of a configurable product; group defaults fill the rest',
    default: [],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  optionIds?: string[];
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(100000) quantity!: number;
  @ApiPropertyOptional({
    description: 'Line discount in basis points, within your role limit (as on quotes)',
    default: 0,
  })
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
  @ApiProperty({ description: "Where every line's list price comes from, in `currency`" })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  priceBookId!: string;
  @ApiProperty({ description: 'Basis points (1900 = 19 %)' })
  @IsInt()
  @Min(0)
  @Max(10000)
  taxRateBps!: number;
  @ApiPropertyOptional({
    description: 'Overall discount, basis points, within your role limit (as on quotes)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  discountBps?: number;
  @ApiProperty({ type: [PlaceOrderLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => PlaceOrderLineDto)
  lines!: PlaceOrderLineDto[];
}

export class OrderReasonDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) reason!: string;
}

export class ListOrdersQuery extends CursorPageQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) contactId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) companyId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) opportunityId?: string;
}

export class OrderDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['quote', 'api', 'import'] }) source!: string;
  @ApiPropertyOptional({
    description: "Imported orders: the order's id in the system it came from",
  })
  externalId?: string;
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

export class OrderPage {
  @ApiProperty({ type: [OrderDto] }) items!: OrderDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as cursor for the next page; null on the last page',
  })
  nextCursor!: string | null;
}
