import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

export class ProductInfoDto {
  @ApiProperty({ example: 'Roadster 2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @ApiPropertyOptional({ example: 'Cars' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  family?: string;
}

export class CreateProductDto extends ProductInfoDto {
  @ApiProperty({ example: 'RDST-2026' }) @IsString() @MinLength(1) @MaxLength(64) sku!: string;
}

export class ProductOptionDto {
  @ApiProperty({ example: 'paint-red' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  optionId!: string;
  @ApiProperty({ example: 'Racing red' }) @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'Price delta per currency in minor units (may be negative); empty = free',
    example: { EUR: 80000 },
  })
  @IsObject()
  priceDeltas!: Record<string, number>;
  @ApiPropertyOptional({ description: 'Chosen when the customer makes no choice in the group' })
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;
}

export class OptionGroupDto {
  @ApiProperty({ example: 'paint' }) @IsString() @MinLength(1) @MaxLength(100) groupId!: string;
  @ApiProperty({ example: 'paint colour' }) @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiProperty({ description: 'A choice must be made (explicitly or by default)' })
  @IsBoolean()
  required!: boolean;
  @ApiProperty({
    enum: ['single', 'multiple'],
    description: 'single: at most one option of the group',
  })
  @IsIn(['single', 'multiple'])
  selection!: 'single' | 'multiple';
  @ApiProperty({ type: [ProductOptionDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ProductOptionDto)
  options!: ProductOptionDto[];
}

export class ConfigurationRuleDto {
  @ApiProperty({ enum: ['requires', 'excludes'] }) @IsIn(['requires', 'excludes']) kind!:
    'requires' | 'excludes';
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) optionId!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) targetOptionId!: string;
}

export class ConfigurationModelDto {
  @ApiProperty({ type: [OptionGroupDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => OptionGroupDto)
  groups!: OptionGroupDto[];
  @ApiProperty({ type: [ConfigurationRuleDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ConfigurationRuleDto)
  rules!: ConfigurationRuleDto[];
}

export class ProductDto {
  @ApiProperty() id!: string;
  @ApiProperty() sku!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional() description?: string;
  @ApiPropertyOptional() family?: string;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: ConfigurationModelDto }) options!: ConfigurationModelDto;
  @ApiProperty() version!: number;
}

export class ProductPage {
  @ApiProperty({ type: [ProductDto] }) items!: ProductDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Always null: the whole list is one page',
  })
  nextCursor!: string | null;
}

export class ProductListQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) family?: string;
}
