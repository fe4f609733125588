import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Min, MinLength, ValidateNested } from 'class-validator';

export class AddressDto {
  @ApiProperty({ example: 'Lyon' })
  @IsString()
  @MinLength(1)
  city!: string;
}

export class CreateItemDto {
  @ApiProperty({ example: 'Widget' })
  @IsString()
  @MinLength(1)
  name!: string;

  @ApiProperty({ example: 2, minimum: 1 })
  @IsInt()
  @Min(1)
  quantity!: number;

  @ApiPropertyOptional({ type: AddressDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto;
}

export class ItemDto {
  @ApiProperty() id!: string;
  @ApiProperty() tenant!: string;
  @ApiProperty() name!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ description: 'Correlation id seen by code below the controller' })
  correlationId!: string;
}
