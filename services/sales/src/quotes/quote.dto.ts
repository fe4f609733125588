import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { CursorPageQuery } from '@crm/platform';
import { Parses, parseCalendarDate, parseCurrency } from '@crm/values';
import { SelectedOptionDto } from '../cpq/configuration.dto';

export class DraftQuoteDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) opportunityId!: string;
  @ApiPropertyOptional({ description: "Default: the opportunity's currency" })
  @IsOptional()
  @Parses(parseCurrency)
  currency?: string;
  @ApiProperty({ description: 'Tax rate in basis points (1900 = 19 %)', example: 1900 })
  @IsInt()
  @Min(0)
  @Max(10000)
  taxRateBps!: number;
  @ApiProperty({ description: 'Last day (UTC) the customer can accept', example: '2026-12-31' })
  @Parses(parseCalendarDate)
  validUntil!: string;
}

export class AddQuoteLineDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) productId!: string;
  @ApiProperty({ description: 'Where the list price comes from' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  priceBookId!: string;
  @ApiProperty({ type: [String], description: 'Chosen options; group defaults fill the rest' })
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  optionIds!: string[];
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(100000) quantity!: number;
  @ApiPropertyOptional({
    description: 'Line discount in basis points, within your role limit',
    default: 0,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  discountBps?: number;
}

export class ChangeQuoteLineDto {
  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  quantity?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(10000) discountBps?: number;
}

export class QuoteDiscountDto {
  @ApiProperty({ description: 'Overall discount in basis points, within your role limit' })
  @IsInt()
  @Min(0)
  @Max(10000)
  discountBps!: number;
}

export class QuoteTermsDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(10000) taxRateBps?: number;
  @ApiPropertyOptional() @IsOptional() @Parses(parseCalendarDate) validUntil?: string;
}

export class RejectQuoteDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class QuoteLineDto {
  @ApiProperty() lineId!: string;
  @ApiProperty() productId!: string;
  @ApiProperty() sku!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [SelectedOptionDto] }) options!: SelectedOptionDto[];
  @ApiProperty() quantity!: number;
  @ApiProperty({ description: 'Configured unit price, minor units' }) unitPriceMinor!: number;
  @ApiProperty() discountBps!: number;
  @ApiProperty({ description: 'unit price x quantity' }) grossMinor!: number;
  @ApiProperty() discountMinor!: number;
  @ApiProperty() netMinor!: number;
}

export class QuoteTotalsDto {
  @ApiProperty() subtotalMinor!: number;
  @ApiProperty({ description: 'Overall discount' }) discountMinor!: number;
  @ApiProperty() taxMinor!: number;
  @ApiProperty() totalMinor!: number;
}

export class ListQuotesQuery extends CursorPageQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) opportunityId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) contactId?: string;
}

export class QuoteDto {
  @ApiProperty() id!: string;
  @ApiProperty() opportunityId!: string;
  @ApiPropertyOptional() contactId?: string;
  @ApiPropertyOptional() companyId?: string;
  @ApiProperty({ enum: ['draft', 'sent', 'accepted', 'rejected', 'expired'] }) status!: string;
  @ApiProperty() currency!: string;
  @ApiProperty() taxRateBps!: number;
  @ApiProperty() discountBps!: number;
  @ApiProperty() validUntil!: string;
  @ApiProperty({ type: [QuoteLineDto] }) lines!: QuoteLineDto[];
  @ApiProperty({ type: QuoteTotalsDto }) totals!: QuoteTotalsDto;
  @ApiPropertyOptional() orderId?: string;
  @ApiProperty() version!: number;
}

export class QuoteAcceptedDto {
  @ApiProperty({ description: 'The accepted quote' }) id!: string;
  @ApiProperty() orderId!: string;
  @ApiProperty() opportunityId!: string;
  @ApiProperty() version!: number;
}

export class QuotePage {
  @ApiProperty({ type: [QuoteDto] }) items!: QuoteDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as cursor for the next page; null on the last page',
  })
  nextCursor!: string | null;
}
