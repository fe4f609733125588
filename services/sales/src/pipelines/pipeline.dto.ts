import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

export class StageDto {
  @ApiProperty({ example: 'demo' }) @IsString() @MinLength(1) @MaxLength(100) stageId!: string;
  @ApiProperty({ example: 'Test drive' }) @IsString() @MinLength(1) @MaxLength(100) name!: string;
  @ApiProperty({ enum: ['open', 'won', 'lost'] }) @IsIn(['open', 'won', 'lost']) kind!:
    'open' | 'won' | 'lost';
  @ApiProperty({ description: 'Default win probability, whole percent', minimum: 0, maximum: 100 })
  @IsInt()
  @Min(0)
  @Max(100)
  probability!: number;
}

export class CreatePipelineDto {
  @ApiProperty({ example: 'New cars' }) @IsString() @MinLength(1) @MaxLength(100) name!: string;
  @ApiProperty({
    type: [StageDto],
    description: 'Open stages in order, plus one won and one lost stage',
  })
  @IsArray()
  @ArrayMinSize(3)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => StageDto)
  stages!: StageDto[];
}

export class ReviseStagesDto {
  @ApiProperty({ type: [StageDto] })
  @IsArray()
  @ArrayMinSize(3)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => StageDto)
  stages!: StageDto[];
}

export class RenamePipelineDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) name!: string;
}

export class PipelineDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [StageDto] }) stages!: StageDto[];
  @ApiProperty() version!: number;
}

export class PipelinePage {
  @ApiProperty({ type: [PipelineDto] }) items!: PipelineDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Always null: the whole list is one page',
  })
  nextCursor!: string | null;
}

export class BoardDealDto {
  @ApiProperty({ description: 'The opportunity' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Minor units (cents)' }) amountMinor!: number;
  @ApiProperty() currency!: string;
  @ApiProperty() probability!: number;
  @ApiProperty() ownerId!: string;
  @ApiProperty({ type: String, required: false, nullable: true }) contactId!: string | null;
  @ApiProperty({
    type: String,
    required: false,
    nullable: true,
    description: 'From the local copy of the contacts directory',
  })
  contactName!: string | null;
  @ApiProperty({ type: String, required: false, nullable: true }) companyId!: string | null;
  @ApiProperty({
    type: String,
    required: false,
    nullable: true,
    description: 'From the local copy of the contacts directory',
  })
  companyName!: string | null;
  @ApiProperty() closeDate!: string;
}

export class BoardStageDto extends StageDto {
  @ApiProperty() count!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'Sum of amounts per currency, minor units',
    example: { EUR: 4500000 },
  })
  amountMinor!: Record<string, number>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'Sum of amount x probability per currency, minor units',
  })
  weightedMinor!: Record<string, number>;
  @ApiProperty({ type: [BoardDealDto], description: 'At most 100 deals per stage, largest first' })
  deals!: BoardDealDto[];
}

export class BoardDto {
  @ApiProperty({ description: 'The pipeline' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [BoardStageDto] }) stages!: BoardStageDto[];
}
