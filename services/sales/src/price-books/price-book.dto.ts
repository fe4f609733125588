import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

export class CreatePriceBookDto {
  @ApiProperty({ example: 'Standard 2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isStandard?: boolean;
}

export class SetListPriceDto {
  @ApiProperty({ description: 'List price in minor units (cents)', example: 3000000 })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amountMinor!: number;
}

export class PriceBookEntryDto {
  @ApiProperty() productId!: string;
  @ApiProperty() sku!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional() family?: string;
  @ApiProperty() active!: boolean;
  @ApiProperty() currency!: string;
  @ApiProperty({ description: 'Minor units' }) amountMinor!: number;
}

export class PriceBookDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() isStandard!: boolean;
  @ApiProperty({ type: [PriceBookEntryDto] }) entries!: PriceBookEntryDto[];
  @ApiProperty() version!: number;
}

export class PriceBookSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() isStandard!: boolean;
}

export class PriceBookPage {
  @ApiProperty({ type: [PriceBookSummaryDto] }) items!: PriceBookSummaryDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Always null: the whole list is one page',
  })
  nextCursor!: string | null;
}
