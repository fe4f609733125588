import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CALL_OUTCOMES,
  DIRECTIONS,
  FEEDBACK_CATEGORIES,
  INTERACTION_CHANNELS,
  INTERACTION_KINDS,
  SEVERITIES,
} from './interaction';

export class CallDetailsDto {
  @ApiProperty({ enum: DIRECTIONS }) @IsIn(DIRECTIONS) direction!: (typeof DIRECTIONS)[number];
  @ApiProperty({ example: '+4930123456', description: 'E.164' })
  @IsString()
  @MaxLength(32)
  from!: string;
  @ApiProperty({ example: '+14155552671', description: 'E.164' })
  @IsString()
  @MaxLength(32)
  to!: string;
  @ApiProperty({ format: 'date-time' }) @IsString() @MaxLength(40) startedAt!: string;
  @ApiProperty({ minimum: 0, maximum: 86400 })
  @IsInt()
  @Min(0)
  @Max(86_400)
  durationSeconds!: number;
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  purpose?: string;
  @ApiProperty({ enum: CALL_OUTCOMES })
  @IsIn(CALL_OUTCOMES)
  outcome!: (typeof CALL_OUTCOMES)[number];
}

export class FeedbackDetailsDto {
  @ApiProperty({ enum: FEEDBACK_CATEGORIES })
  @IsIn(FEEDBACK_CATEGORIES)
  category!: (typeof FEEDBACK_CATEGORIES)[number];
  @ApiPropertyOptional({ minimum: 1, maximum: 5 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  rating?: number;
  @ApiPropertyOptional({ enum: SEVERITIES })
  @IsOptional()
  @IsIn(SEVERITIES)
  severity?: (typeof SEVERITIES)[number];
}

export class LogInteractionDto {
  @ApiProperty({ enum: INTERACTION_KINDS })
  @IsIn(INTERACTION_KINDS)
  kind!: (typeof INTERACTION_KINDS)[number];

  @ApiPropertyOptional({
    enum: INTERACTION_CHANNELS,
    description: 'Defaults from the kind (call -> phone, ...)',
  })
  @IsOptional()
  @IsIn(INTERACTION_CHANNELS)
  channel?: (typeof INTERACTION_CHANNELS)[number];

  @ApiProperty({ format: 'date-time', description: 'When it happened (not in the future)' })
  @IsString()
  @MaxLength(40)
  occurredAt!: string;

  @ApiPropertyOptional({ enum: DIRECTIONS })
  @IsOptional()
  @IsIn(DIRECTIONS)
  direction?: (typeof DIRECTIONS)[number];

  @ApiPropertyOptional({
    type: [String],
    description: 'Other contacts who took part',
    maxItems: 19,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(19)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  otherContactIds?: string[];

  @ApiPropertyOptional({ description: 'Employee involved (default: the caller)', maxLength: 128 })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  userId?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  subject?: string;
  @ApiPropertyOptional({ maxLength: 20000 })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  body?: string;

  @ApiPropertyOptional({ type: CallDetailsDto, description: 'Required for calls' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CallDetailsDto)
  call?: CallDetailsDto;

  @ApiPropertyOptional({ type: FeedbackDetailsDto, description: 'Required for feedback' })
  @IsOptional()
  @ValidateNested()
  @Type(() => FeedbackDetailsDto)
  feedback?: FeedbackDetailsDto;
}

export class CallDetailsPatchDto extends PartialType(CallDetailsDto) {}

export class FeedbackDetailsPatchDto extends PartialType(FeedbackDetailsDto) {}

/** A JSON Merge Patch of a logged interaction: members left out stay, `null` removes one. */
export class CorrectInteractionDto extends PartialType(
  OmitType(LogInteractionDto, ['otherContactIds', 'call', 'feedback'] as const),
) {
  @ApiPropertyOptional({ type: CallDetailsPatchDto, description: 'Merges into the call details' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CallDetailsPatchDto)
  call?: CallDetailsPatchDto;

  @ApiPropertyOptional({ type: FeedbackDetailsPatchDto, description: 'Merges into the feedback' })
  @IsOptional()
  @ValidateNested()
  @Type(() => FeedbackDetailsPatchDto)
  feedback?: FeedbackDetailsPatchDto;
}

export class InteractionView {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'Stream version, also the ETag' }) version!: number;
  @ApiProperty({ enum: INTERACTION_KINDS }) kind!: (typeof INTERACTION_KINDS)[number];
  @ApiProperty({ enum: INTERACTION_CHANNELS }) channel!: (typeof INTERACTION_CHANNELS)[number];
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiPropertyOptional({ enum: DIRECTIONS }) direction?: (typeof DIRECTIONS)[number];
  @ApiProperty({ type: [String], description: 'Who took part (erased people have left)' })
  contactIds!: string[];
  @ApiPropertyOptional() userId?: string;
  @ApiPropertyOptional() subject?: string;
  @ApiPropertyOptional() body?: string;
  @ApiPropertyOptional({ type: CallDetailsDto }) call?: CallDetailsDto;
  @ApiPropertyOptional({ type: FeedbackDetailsDto }) feedback?: FeedbackDetailsDto;
}

/** The answer to a log: the interaction as GET shows it, and its id under its older name too. */
export class InteractionLoggedView extends InteractionView {
  @ApiProperty({ description: 'Same as `id` (kept for older clients)' }) interactionId!: string;
}
