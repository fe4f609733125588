/** What the customer touchpoint of sales shows and takes: the catalogue on sale, a configuration. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, MaxLength, MinLength } from 'class-validator';
import { Parses, parseCurrency } from '@crm/values';
import { ConfigurationModelDto } from '../products/product.dto';
import { PricedConfigurationDto } from './configuration.dto';

export class ListPriceDto {
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ description: 'Minor units (cents), before options' }) amountMinor!: number;
}

/** An active product of the standard price book, with everything needed to configure it. */
export class ProductOnSaleDto {
  @ApiProperty() id!: string;
  @ApiProperty() sku!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional() description?: string;
  @ApiPropertyOptional() family?: string;
  @ApiProperty({ type: ConfigurationModelDto }) options!: ConfigurationModelDto;
  @ApiProperty({ type: [ListPriceDto] }) listPrices!: ListPriceDto[];
}

export class ProductOnSalePage {
  @ApiProperty({ type: [ProductOnSaleDto] }) items!: ProductOnSaleDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: one page' })
  nextCursor!: string | null;
}

export class CustomerConfigurationDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) productId!: string;
  @ApiProperty({ example: 'EUR' }) @Parses(parseCurrency) currency!: string;
  @ApiProperty({ type: [String], example: ['paint-red', 'gear-auto'] })
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  optionIds!: string[];
}

export class QuoteRequestReceivedDto {
  @ApiProperty({ description: 'The request (the lead it became in the owner’s pipeline)' })
  id!: string;
  @ApiProperty({ enum: ['received'] }) status!: 'received';
  @ApiProperty({ type: PricedConfigurationDto }) configuration!: PricedConfigurationDto;
}
