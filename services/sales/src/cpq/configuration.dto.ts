import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, MaxLength, MinLength } from 'class-validator';
import { Parses, parseCurrency } from '@crm/values';

export class ConfigurationRequestDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) productId!: string;
  @ApiProperty({ description: 'Price book holding the base (list) price' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  priceBookId!: string;
  @ApiProperty({ example: 'EUR' }) @Parses(parseCurrency) currency!: string;
  @ApiProperty({ type: [String], example: ['paint-red', 'gear-auto'] })
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  optionIds!: string[];
}

export class RuleViolationDto {
  @ApiProperty({
    enum: [
      'UnknownOption',
      'AtMostOnePerGroup',
      'GroupRequired',
      'Requires',
      'Excludes',
      'OptionNotPriced',
    ],
  })
  code!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ required: false }) groupId?: string;
  @ApiProperty({ required: false }) optionId?: string;
  @ApiProperty({ required: false }) targetOptionId?: string;
}

export class SelectedOptionDto {
  @ApiProperty() groupId!: string;
  @ApiProperty() optionId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Minor units' }) priceDeltaMinor!: number;
  @ApiProperty({ description: 'Chosen by the group default' }) defaulted!: boolean;
}

export class PricedConfigurationDto {
  @ApiProperty() valid!: boolean;
  @ApiProperty({ type: [RuleViolationDto] }) violations!: RuleViolationDto[];
  @ApiProperty() currency!: string;
  @ApiProperty({ description: 'List price, minor units' }) basePriceMinor!: number;
  @ApiProperty({ type: [SelectedOptionDto] }) selections!: SelectedOptionDto[];
  @ApiProperty({ description: 'List price + option deltas, minor units' }) unitPriceMinor!: number;
}
