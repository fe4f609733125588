import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CursorPageQuery } from '@crm/platform';
import { CALL_OUTCOMES, CALL_PURPOSES } from '@crm/contracts';
import { Parses, parseInstant } from '@crm/values';
import { ACTIVITY_KINDS, PRIORITIES } from './activity.events';

export class ReminderDto {
  @ApiPropertyOptional({ description: 'Default: generated' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  reminderId?: string;
  @ApiProperty({ example: '2026-11-25T11:00:00Z' }) @Parses(parseInstant) remindAt!: string;
}

export class LogActivityDto {
  @ApiProperty({ enum: ACTIVITY_KINDS })
  @IsIn(ACTIVITY_KINDS)
  kind!: (typeof ACTIVITY_KINDS)[number];
  @ApiProperty({ example: 'Intro call' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  subject!: string;
  @ApiPropertyOptional({ description: 'Default: the caller' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  assigneeId?: string;
  @ApiPropertyOptional({ enum: PRIORITIES, default: 'normal' })
  @IsOptional()
  @IsIn(PRIORITIES)
  priority?: (typeof PRIORITIES)[number];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) contactId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) leadId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) opportunityId?: string;
  @ApiPropertyOptional({ description: 'Calls: E.164 number', example: '+4915112345678' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  phone?: string;
  @ApiPropertyOptional({ enum: CALL_PURPOSES, description: 'Calls only: why it is made' })
  @IsOptional()
  @IsIn(CALL_PURPOSES)
  purpose?: (typeof CALL_PURPOSES)[number];
  @ApiPropertyOptional({ description: 'Task due time, or call/meeting start' })
  @IsOptional()
  @Parses(parseInstant)
  dueAt?: string;
  @ApiPropertyOptional({ description: 'Meeting end' })
  @IsOptional()
  @Parses(parseInstant)
  endsAt?: string;
  @ApiPropertyOptional({ example: 'Europe/Berlin', description: 'IANA time zone' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) location?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) notes?: string;
  @ApiPropertyOptional({ description: 'A call or meeting that already took place' })
  @IsOptional()
  @Parses(parseInstant)
  heldAt?: string;
  @ApiPropertyOptional({
    description: `Calls: one of ${CALL_OUTCOMES.join(', ')} (else 422); meetings: free text`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  outcome?: string;
  @ApiPropertyOptional({ type: [ReminderDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => ReminderDto)
  reminders?: ReminderDto[];
}

export class CompleteActivityDto {
  @ApiPropertyOptional({
    description: `Calls: one of ${CALL_OUTCOMES.join(', ')} (else 422); others: free text`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  outcome?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) notes?: string;
  @ApiPropertyOptional({ description: 'Calls and meetings: when it took place (default now)' })
  @IsOptional()
  @Parses(parseInstant)
  heldAt?: string;
}

export class RescheduleActivityDto {
  @ApiProperty() @Parses(parseInstant) dueAt!: string;
  @ApiPropertyOptional() @IsOptional() @Parses(parseInstant) endsAt?: string;
}

export class CancelActivityDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class DueQueryDto {
  @ApiPropertyOptional({ description: 'Default: the caller' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  assigneeId?: string;
  @ApiPropertyOptional({ description: '"Due soon" window in hours (default 24)', maximum: 720 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(720)
  withinHours?: number;
}

export class ListActivitiesQuery extends CursorPageQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) contactId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) opportunityId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) leadId?: string;
}

export class ActivityDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ACTIVITY_KINDS }) kind!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ enum: ['open', 'completed', 'cancelled'] }) status!: string;
  @ApiProperty({
    enum: ['completed', 'cancelled', 'unscheduled', 'overdue', 'due-soon', 'upcoming'],
  })
  dueStatus!: string;
  @ApiProperty({ enum: PRIORITIES }) priority!: string;
  @ApiProperty() assigneeId!: string;
  @ApiPropertyOptional() contactId?: string;
  @ApiPropertyOptional() contactName?: string;
  @ApiPropertyOptional() leadId?: string;
  @ApiPropertyOptional() opportunityId?: string;
  @ApiPropertyOptional() phone?: string;
  @ApiPropertyOptional({ enum: CALL_PURPOSES, description: 'Calls: why it was made' })
  purpose?: string;
  @ApiPropertyOptional() dueAt?: string;
  @ApiPropertyOptional() endsAt?: string;
  @ApiPropertyOptional() timeZone?: string;
  @ApiPropertyOptional() location?: string;
  @ApiPropertyOptional({
    description: 'Logged notes, then those written on completion (gone once the person is erased)',
  })
  notes?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'When the call or meeting took place' })
  heldAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) completedAt?: string;
  @ApiPropertyOptional({
    description: `Calls: one of ${CALL_OUTCOMES.join(', ')}; meetings and tasks: free text`,
  })
  outcome?: string;
  @ApiProperty({ type: [ReminderDto] }) reminders!: ReminderDto[];
  @ApiProperty({ type: [String] }) firedReminderIds!: string[];
  @ApiProperty() version!: number;
}

export class ActivityPage {
  @ApiProperty({ type: [ActivityDto] }) items!: ActivityDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as cursor for the next page; null on the last page',
  })
  nextCursor!: string | null;
}

export class DueActivityPage {
  @ApiProperty({ type: [ActivityDto] }) items!: ActivityDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Always null: the whole list is one page',
  })
  nextCursor!: string | null;
}
