/** Request and answer shapes of the segment endpoints (the rule is free JSON: validateRule judges it). */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  Allow,
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { CursorPageQuery } from '@crm/platform';
import { MAX_LISTED_CONTACTS, MAX_SEGMENT_DESCRIPTION, MAX_SEGMENT_NAME } from './segment.decider';
import {
  SEGMENT_KINDS,
  SEGMENT_STATUSES,
  type SegmentKind,
  type SegmentStatus,
} from './segment.events';

const RULE_SCHEMA = {
  type: 'object',
  additionalProperties: true,
  description:
    'all / any / not over conditions { field, op, value } (fields and operators: GET /segments/fields); a bad rule is a 422 whose errors[] name each path (rule.all[2].op)',
  example: {
    all: [
      { field: 'consent.email', op: 'eq', value: 'granted' },
      { field: 'purchase.family', op: 'bought', value: { anyOf: ['Cars'], within: '30d' } },
    ],
  },
} as const;

export class CreateSegmentDto {
  @ApiProperty({ example: 'Bought a car lately' })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_SEGMENT_NAME)
  name!: string;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: MAX_SEGMENT_DESCRIPTION })
  @IsOptional()
  @ValidateIf((o) => o.description !== null)
  @IsString()
  @MaxLength(MAX_SEGMENT_DESCRIPTION)
  description?: string | null;
  @ApiProperty({ enum: SEGMENT_KINDS, description: 'dynamic: a rule; static: an uploaded list' })
  @IsIn(SEGMENT_KINDS)
  kind!: SegmentKind;
  @ApiPropertyOptional({
    ...RULE_SCHEMA,
    description: `${RULE_SCHEMA.description}; required for dynamic, absent for static`,
  })
  @Allow()
  rule?: unknown;
}

/** JSON merge patch: absent members stay, `description: null` clears it. */
export class PatchSegmentDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_SEGMENT_NAME)
  name?: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: MAX_SEGMENT_DESCRIPTION,
    description: 'null removes the description',
  })
  @IsOptional()
  @ValidateIf((o) => o.description !== null)
  @IsString()
  @MaxLength(MAX_SEGMENT_DESCRIPTION)
  description?: string | null;
  @ApiPropertyOptional({
    ...RULE_SCHEMA,
    description: `${RULE_SCHEMA.description}; dynamic segments only`,
  })
  @Allow()
  rule?: unknown;
}

export class PreviewSegmentDto {
  @ApiProperty(RULE_SCHEMA)
  @Allow()
  rule!: unknown;
}

/** A static segment's whole list, by contact id or by email (resolved through the audience). */
export class ListSegmentMembersDto {
  @ApiPropertyOptional({ type: [String], maxItems: MAX_LISTED_CONTACTS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LISTED_CONTACTS)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  contactIds?: string[];
  @ApiPropertyOptional({ type: [String], maxItems: MAX_LISTED_CONTACTS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LISTED_CONTACTS)
  @IsString({ each: true })
  @MaxLength(320, { each: true })
  emails?: string[];
}

export class SegmentDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional() description?: string;
  @ApiProperty({ enum: SEGMENT_KINDS }) kind!: SegmentKind;
  @ApiProperty({ enum: SEGMENT_STATUSES }) status!: SegmentStatus;
  @ApiProperty({
    ...RULE_SCHEMA,
    nullable: true,
    description: 'The validated rule; null for static segments',
  })
  rule!: unknown;
  @ApiProperty({
    description:
      'One more whenever the rule or the static list changes, and on activation: memberships are re-evaluated at each',
  })
  ruleVersion!: number;
  @ApiPropertyOptional({ description: 'Static segments: how many contacts the list holds' })
  listedContacts?: number;
  @ApiProperty({ description: 'Stream version; the ETag' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class SegmentPage {
  @ApiProperty({ type: [SegmentDto] }) items!: SegmentDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as cursor for the next page (same sort); null on the last page',
  })
  nextCursor!: string | null;
}

export const SEGMENT_SORTS = ['name', '-createdAt', 'createdAt', '-updatedAt'] as const;
export type SegmentSort = (typeof SEGMENT_SORTS)[number];

export class ListSegmentsQuery extends CursorPageQuery {
  @ApiPropertyOptional({ enum: SEGMENT_SORTS, default: '-createdAt' })
  @IsOptional()
  @IsIn(SEGMENT_SORTS)
  sort?: SegmentSort;
  @ApiPropertyOptional({ enum: SEGMENT_STATUSES })
  @IsOptional()
  @IsIn(SEGMENT_STATUSES)
  status?: SegmentStatus;
  @ApiPropertyOptional({ enum: SEGMENT_KINDS })
  @IsOptional()
  @IsIn(SEGMENT_KINDS)
  kind?: SegmentKind;
  @ApiPropertyOptional({ description: 'Words the name contains (any case)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class SegmentUploadReportDto {
  @ApiProperty({ description: 'Ids and emails received (after removing repeats)' })
  received!: number;
  @ApiProperty({ description: 'Contacts the list now holds' }) listed!: number;
  @ApiProperty({
    type: [String],
    description: 'Contact ids the audience does not know: not listed',
  })
  unknownContactIds!: string[];
  @ApiProperty({ type: [String], description: 'Emails no audience contact has: not listed' })
  unknownEmails!: string[];
}

/** The segment after an upload, and what became of each id and email sent. */
export class SegmentMembersUploadDto extends SegmentDto {
  @ApiProperty({ type: SegmentUploadReportDto }) upload!: SegmentUploadReportDto;
}

export class PreviewMemberDto {
  @ApiProperty() contactId!: string;
  @ApiProperty({ nullable: true, type: String }) displayName!: string | null;
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'Why the contact matches: per top-level part of the rule (path), what it saw',
  })
  why!: unknown[];
}

export class SegmentPreviewDto {
  @ApiProperty({ description: 'Contacts of the audience the rule matches now' }) count!: number;
  @ApiProperty({ type: [PreviewMemberDto], description: 'Up to 20 of them, by contact id' })
  sample!: PreviewMemberDto[];
  @ApiProperty({ format: 'date-time', description: 'The "now" relative dates were resolved at' })
  evaluatedAt!: string;
}

export class CatalogueFieldDto {
  @ApiProperty({
    description: 'What a condition names; a pattern for families (customFields.<key>)',
  })
  key!: string;
  @ApiProperty() label!: string;
  @ApiProperty() group!: string;
  @ApiProperty({
    description:
      'string, enum, number, money, date, timestamp, string[], boolean, custom, purchase',
  })
  type!: string;
  @ApiPropertyOptional({ type: [String], description: 'The allowed values of an enum' })
  values?: string[];
  @ApiProperty({ type: [String] }) operators!: string[];
  @ApiProperty({
    description:
      'scalar, purchase-match, order-count, spend, open-deal-count, open-deal-amount or closed-deal-count: what `value` looks like (see the rules README)',
  })
  valueShape!: string;
  @ApiProperty() description!: string;
}

export class CatalogueGroupDto {
  @ApiProperty() group!: string;
  @ApiProperty({ type: [CatalogueFieldDto] }) fields!: CatalogueFieldDto[];
}

export class CatalogueOperatorDto {
  @ApiProperty() op!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ description: 'What its value looks like' }) value!: string;
}

export class FieldCatalogueDto {
  @ApiProperty({ type: [CatalogueGroupDto] }) groups!: CatalogueGroupDto[];
  @ApiProperty({ type: [CatalogueOperatorDto] }) operators!: CatalogueOperatorDto[];
  @ApiProperty({
    type: [String],
    description: "Custom field keys present in the tenant's audience",
  })
  customFieldKeys!: string[];
  @ApiProperty({ type: [String], description: "Score names present in the tenant's audience" })
  scoreKeys!: string[];
}
