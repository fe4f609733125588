import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Parses, parseCalendarDate, parseCurrency, parseInstant } from '@crm/values';
import { CursorPageQuery, ProblemDetailsSchema } from '@crm/platform';
import { ENGAGEMENT_KINDS, LEAD_SOURCES } from './lead.events';

export class LeadProfileDto {
  @ApiProperty({ example: 'Ada Lovelace', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;
  @ApiPropertyOptional({ example: 'ada@example.com' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  email?: string;
  @ApiPropertyOptional({ example: '+4915112345678', description: 'E.164' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  phone?: string;
  @ApiPropertyOptional({ example: 'Analytical Engines Ltd' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  company?: string;
  @ApiPropertyOptional({ example: 'Head of Fleet' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  jobTitle?: string;
  @ApiPropertyOptional({ example: 'Electric roadster' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  interest?: string;
}

export class CaptureLeadDto {
  @ApiProperty({ enum: LEAD_SOURCES }) @IsIn(LEAD_SOURCES) source!: (typeof LEAD_SOURCES)[number];
  @ApiPropertyOptional({ description: 'Campaign that produced the lead' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  campaignId?: string;
  @ApiProperty({ type: LeadProfileDto })
  @IsObject()
  @ValidateNested()
  @Type(() => LeadProfileDto)
  profile!: LeadProfileDto;
  @ApiPropertyOptional({ description: 'Sales rep owning the lead' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  ownerId?: string;
}

export class RecordEngagementDto {
  @ApiProperty({ enum: ENGAGEMENT_KINDS })
  @IsIn(ENGAGEMENT_KINDS)
  kind!: (typeof ENGAGEMENT_KINDS)[number];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) campaignId?: string;
  @ApiPropertyOptional({ description: 'When it happened (default now)' })
  @IsOptional()
  @Parses(parseInstant)
  at?: string;
}

export class StartWorkingDto {
  @ApiPropertyOptional({ description: 'Owner (default: the caller)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  ownerId?: string;
}

export class DisqualifyLeadDto {
  @ApiProperty({ example: 'No budget this year' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}

export class ConversionOpportunityDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) pipelineId!: string;
  @ApiPropertyOptional({ description: 'Default: "<lead name> - <interest>"' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;
  @ApiProperty({ description: 'Deal value in minor units (cents)', example: 4500000 })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amountMinor!: number;
  @ApiProperty({ example: 'EUR' }) @Parses(parseCurrency) currency!: string;
  @ApiProperty({ example: '2026-12-15' })
  @Parses(parseCalendarDate)
  expectedCloseDate!: string;
}

export class ConvertLeadDto {
  @ApiPropertyOptional({ description: 'Link to this contact instead of creating one' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  existingContactId?: string;
  @ApiPropertyOptional({ description: 'Link to this company instead of creating one' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  existingCompanyId?: string;
  @ApiProperty({ type: ConversionOpportunityDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ConversionOpportunityDto)
  opportunity!: ConversionOpportunityDto;
}

/** A field name sorts ascending; a leading `-` descending. Ties are broken by id. */
export const LEAD_SORTS = [
  'score',
  '-score',
  'capturedAt',
  '-capturedAt',
  'updatedAt',
  '-updatedAt',
  'name',
  '-name',
] as const;
export type LeadSort = (typeof LEAD_SORTS)[number];
export const LEAD_STATUSES = [
  'new',
  'working',
  'qualified',
  'converting',
  'converted',
  'disqualified',
] as const;

export class LeadListQueryDto extends CursorPageQuery {
  @ApiPropertyOptional({
    enum: LEAD_SORTS,
    default: '-score',
    description:
      'A score changes while a lead is worked: paging by score places a rescored lead where it now stands',
  })
  @IsOptional()
  @IsIn(LEAD_SORTS)
  sort?: LeadSort;

  @ApiPropertyOptional({
    description: 'Words found anywhere in the name, email or company (case-insensitive)',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: 'Lowest score included' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100)
  minScore?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: 'Highest score included' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100)
  maxScore?: number;
  @ApiPropertyOptional({ enum: LEAD_STATUSES })
  @IsOptional()
  @IsIn(LEAD_STATUSES)
  status?: (typeof LEAD_STATUSES)[number];
  @ApiPropertyOptional({ enum: LEAD_SOURCES })
  @IsOptional()
  @IsIn(LEAD_SOURCES)
  source?: (typeof LEAD_SOURCES)[number];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) ownerId?: string;
}

export class ScoreReasonDto {
  @ApiProperty() rule!: string;
  @ApiProperty() points!: number;
  @ApiProperty() detail!: string;
}

export class LeadSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional() email?: string;
  @ApiPropertyOptional() company?: string;
  @ApiProperty({ enum: LEAD_STATUSES }) status!: string;
  @ApiProperty({ enum: LEAD_SOURCES }) source!: string;
  @ApiProperty() score!: number;
  @ApiPropertyOptional() ownerId?: string;
  @ApiProperty({ format: 'date-time' }) capturedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When the last event changed the lead' })
  updatedAt!: string;
  @ApiProperty() version!: number;
}

export class LeadPage {
  @ApiProperty({ type: [LeadSummaryDto] }) items!: LeadSummaryDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as cursor for the next page (same sort); null on the last page',
  })
  nextCursor!: string | null;
}

export class LeadDto extends LeadSummaryDto {
  @ApiProperty({ type: LeadProfileDto }) profile!: LeadProfileDto;
  @ApiProperty({ type: [ScoreReasonDto] }) reasons!: ScoreReasonDto[];
  @ApiProperty() interactions!: number;
  @ApiProperty() campaignClicks!: number;
  @ApiPropertyOptional() contactId?: string;
  @ApiPropertyOptional() opportunityId?: string;
  @ApiPropertyOptional() disqualifiedReason?: string;
}

export class LeadConvertedDto {
  @ApiProperty({ description: 'The converted lead' }) id!: string;
  @ApiProperty({ description: 'The conversion process (GET /leads/{id}/conversion)' })
  conversionId!: string;
  @ApiProperty({
    enum: ['converted', 'converting'],
    description: 'converting: recorded and still under way (202); the ids are final already',
  })
  status!: 'converted' | 'converting';
  @ApiProperty() contactId!: string;
  @ApiProperty({
    description:
      'True when this call created the contact in the contacts service; false when it linked ' +
      'existingContactId, or (without CONTACTS_URL) only minted the id',
  })
  contactCreated!: boolean;
  @ApiPropertyOptional() companyId?: string;
  @ApiProperty({
    description:
      'True when this call created the company in the contacts service; false when it linked ' +
      'existingCompanyId, the lead names no company, or (without CONTACTS_URL) only minted the id',
  })
  companyCreated!: boolean;
  @ApiProperty() opportunityId!: string;
  @ApiProperty() version!: number;
}

export class ImportLeadsDto {
  @ApiProperty({
    description:
      'CSV with a header row: name (required), email, phone, company, jobTitle, interest; at most 1000 rows',
    example: 'name,email,company\nAda Lovelace,ada@example.com,Engines Ltd\n',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(2_000_000)
  csv!: string;

  @ApiPropertyOptional({ description: 'Campaign the list came from' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  campaignId?: string;
  @ApiPropertyOptional({ description: 'Owner of every imported lead' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  ownerId?: string;
}

export class ImportRejectionDto {
  @ApiProperty({ description: 'Row number (the header is row 1)' }) row!: number;
  @ApiProperty({ example: 'InvalidEmail' }) code!: string;
  @ApiProperty() detail!: string;
}

export class ImportResultDto {
  @ApiProperty({ type: [String] }) leadIds!: string[];
  @ApiProperty({ type: [ImportRejectionDto] }) rejected!: ImportRejectionDto[];
}

export class LeadConversionDto {
  @ApiProperty({ description: 'The conversion (the conversionId its answer named)' }) id!: string;
  @ApiProperty() leadId!: string;
  @ApiProperty({ description: '1, or more after conversions that were refused and undone' })
  attempt!: number;
  @ApiProperty({
    enum: ['pending', 'compensating', 'completed', 'compensated', 'failed'],
    description:
      'pending: under way or waiting for a retry; compensated: refused and undone; failed: ' +
      'refused and could not be undone (an operator must look)',
  })
  status!: string;
  @ApiProperty({ type: [String], description: 'Steps done, in order' }) stepsDone!: string[];
  @ApiProperty({ type: [String], description: 'Steps undone' }) compensated!: string[];
  @ApiProperty({ description: 'Runs that failed transiently (retried)' }) attempts!: number;
  @ApiPropertyOptional({ description: 'The last transient failure' }) lastError?: string;
  @ApiPropertyOptional({
    type: ProblemDetailsSchema,
    description: 'The refusal (problem details), when refused',
  })
  refusal?: Record<string, unknown>;
  @ApiProperty() contactId!: string;
  @ApiPropertyOptional() companyId?: string;
  @ApiProperty() opportunityId!: string;
  @ApiProperty({ description: 'When the next automatic attempt is due' }) nextAttemptAt!: string;
  @ApiProperty() startedAt!: string;
  @ApiProperty() updatedAt!: string;
}
