import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageLimitQuery } from '@crm/platform';

export class DuplicatesQuery extends PageLimitQuery {
  @ApiPropertyOptional({ minimum: 0, maximum: 1, default: 0.5 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(1)
  minScore?: number;
}

export class DuplicatePairView {
  @ApiProperty() contactId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() duplicateId!: string;
  @ApiProperty() duplicateDisplayName!: string;
  @ApiProperty({ minimum: 0, maximum: 1 }) score!: number;
  @ApiProperty({ type: [String], example: ['same-email'] }) reasons!: string[];
}

export class MergeDto {
  @ApiProperty({ description: 'The contact to merge into this one (it then resolves to this one)' })
  @IsString()
  @MaxLength(64)
  duplicateId!: string;
}
