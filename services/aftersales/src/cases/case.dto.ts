/**
 * Request and answer shapes of the case endpoints. Shapes are checked here; values (channel,
 * category, priority, texts, codes, score) by the Case decider, which names the field.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { CursorPageQuery } from '@crm/platform';
import { CASE_PRIORITIES } from '../sla/sla-policy';
import { CASE_CHANNELS, CASE_STATUSES, RESOLUTION_CODES } from './case.events';

/** What the customer's touchpoint may say when opening a case (channel and contact are implied). */
export class CustomerOpenCaseDto {
  @ApiPropertyOptional({ maxLength: 200, description: 'The asset the case is about' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  assetId?: string;
  @ApiProperty({
    description: 'Category code, e.g. `breakdown`',
    pattern: '^[a-z0-9][a-z0-9_-]{0,63}$',
  })
  @Allow()
  category!: string;
  @ApiProperty({ maxLength: 200 }) @Allow() subject!: string;
  @ApiPropertyOptional({ maxLength: 5000 }) @Allow() description?: string;
}

export class OpenCaseDto extends CustomerOpenCaseDto {
  @ApiProperty({ maxLength: 200 }) @IsString() @MaxLength(200) contactId!: string;
  @ApiProperty({ enum: CASE_CHANNELS }) @Allow() channel!: string;
  @ApiProperty({ enum: CASE_PRIORITIES }) @Allow() priority!: string;
}

export class AssignCaseDto {
  @ApiProperty({ enum: ['user', 'queue'] }) @IsIn(['user', 'queue']) kind!: 'user' | 'queue';
  @ApiProperty({ maxLength: 200, description: 'User id (token sub) or queue name' })
  @IsString()
  @MaxLength(200)
  id!: string;
}

export class CasePriorityDto {
  @ApiProperty({ enum: CASE_PRIORITIES }) @Allow() priority!: string;
}

export class CaseMessageDto {
  @ApiProperty({ maxLength: 10_000 }) @Allow() body!: string;
}

export class MoveCaseDto {
  @ApiProperty({ enum: ['in_progress', 'waiting_on_customer'] })
  @IsIn(['in_progress', 'waiting_on_customer'])
  to!: 'in_progress' | 'waiting_on_customer';
}

export class ResolveCaseDto {
  @ApiProperty({ enum: RESOLUTION_CODES }) @Allow() resolutionCode!: string;
}

export class SatisfactionDto {
  @ApiProperty({ minimum: 1, maximum: 5 }) @Allow() score!: number;
}

export class ListCasesQuery extends CursorPageQuery {
  @ApiPropertyOptional({ enum: CASE_STATUSES }) @IsOptional() @IsIn(CASE_STATUSES) status?: string;
  @ApiPropertyOptional({ enum: CASE_PRIORITIES })
  @IsOptional()
  @IsIn(CASE_PRIORITIES)
  priority?: string;
  @ApiPropertyOptional({ enum: ['user', 'queue'] })
  @IsOptional()
  @IsIn(['user', 'queue'])
  assigneeKind?: 'user' | 'queue';
  @ApiPropertyOptional({ description: 'User id or queue name' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  assigneeId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) contactId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) assetId?: string;
  @ApiPropertyOptional({
    enum: ['breached', 'within'],
    description: 'An SLA breach announced or not',
  })
  @IsOptional()
  @IsIn(['breached', 'within'])
  slaStatus?: 'breached' | 'within';
  @ApiPropertyOptional({ description: 'Words that must all be in the subject', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

class ClockReportDto {
  @ApiProperty({ enum: ['running', 'paused', 'met', 'breached'] }) status!: string;
  @ApiPropertyOptional({ format: 'date-time' }) dueAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) stoppedAt?: string;
}

class CaseSlaDto {
  @ApiProperty({ type: ClockReportDto }) firstResponse!: ClockReportDto;
  @ApiProperty({ type: ClockReportDto }) resolution!: ClockReportDto;
}

class CaseMessageViewDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['reply', 'note'] }) kind!: string;
  @ApiProperty({ enum: ['agent', 'customer'] }) author!: string;
  @ApiProperty() actorId!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

class AssigneeDto {
  @ApiProperty({ enum: ['user', 'queue'] }) kind!: string;
  @ApiProperty() id!: string;
}

class ResolutionDto {
  @ApiProperty({ enum: RESOLUTION_CODES }) code!: string;
  @ApiProperty({ description: 'A product failure (counts for reliability)' }) failure!: boolean;
  @ApiProperty({ enum: ['in_warranty', 'out_of_warranty', 'no_asset'] }) coverage!: string;
  @ApiProperty() billable!: boolean;
}

class CaseWarrantyDto {
  @ApiProperty({ enum: ['in_warranty', 'expired', 'not_yet_delivered', 'none', 'retired'] })
  status!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endsOn!: string | null;
}

export class CaseDto {
  @ApiProperty() id!: string;
  @ApiProperty() version!: number;
  @ApiProperty() contactId!: string;
  @ApiProperty({ type: String, nullable: true }) assetId!: string | null;
  @ApiProperty({ enum: CASE_CHANNELS }) channel!: string;
  @ApiProperty() category!: string;
  @ApiProperty({ enum: CASE_PRIORITIES }) priority!: string;
  @ApiProperty({ enum: CASE_STATUSES }) status!: string;
  @ApiProperty({ type: AssigneeDto, nullable: true }) assignee!: {
    kind: string;
    id: string;
  } | null;
  @ApiProperty() subject!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) firstRespondedAt!:
    string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt!: string | null;
  @ApiProperty({ type: ResolutionDto, nullable: true })
  resolution!: Record<string, unknown> | null;
  @ApiProperty({ type: Number, nullable: true }) satisfaction!: number | null;
  @ApiProperty() reopenCount!: number;
  @ApiProperty({ type: CaseSlaDto }) sla!: CaseSlaDto;
  @ApiProperty() slaBreachAnnounced!: boolean;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiPropertyOptional({
    type: CaseWarrantyDto,
    nullable: true,
    description: "The asset's warranty today",
  })
  warranty?: { status: string; endsOn: string | null } | null;
  @ApiPropertyOptional({ type: [CaseMessageViewDto] }) messages?: CaseMessageViewDto[];
}

export class CasePage {
  @ApiProperty({ type: [CaseDto] }) items!: CaseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
