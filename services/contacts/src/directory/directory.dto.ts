import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { CursorPageQuery } from '@crm/platform';
import { LIFECYCLE_STAGES } from '../contacts/contact';

export const CONTACT_SORTS = [
  'name',
  '-name',
  'created',
  '-created',
  'updated',
  '-updated',
] as const;

export class ListContactsQuery extends CursorPageQuery {
  @ApiPropertyOptional({ enum: CONTACT_SORTS, default: '-created' })
  @IsOptional()
  @IsIn(CONTACT_SORTS)
  sort?: (typeof CONTACT_SORTS)[number];

  @ApiPropertyOptional({ example: 'vip' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  tag?: string;

  @ApiPropertyOptional({ description: 'Owner user id' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  owner?: string;

  @ApiPropertyOptional({ description: 'Company id' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  company?: string;

  @ApiPropertyOptional({ enum: LIFECYCLE_STAGES })
  @IsOptional()
  @IsIn(LIFECYCLE_STAGES)
  stage?: (typeof LIFECYCLE_STAGES)[number];

  @ApiPropertyOptional({
    example: 'email:granted',
    description: '<channel>:<granted|withdrawn|none>',
  })
  @IsOptional()
  @Matches(/^(email|sms|phone|post):(granted|withdrawn|none)$/)
  consent?: string;

  @ApiPropertyOptional({
    example: 'loyalty_tier=gold',
    description: '<key>=<value> (text comparison)',
  })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]{0,39}=.{1,200}$/)
  customField?: string;

  @ApiPropertyOptional({ enum: ['active', 'archived', 'all'], default: 'active' })
  @IsOptional()
  @IsIn(['active', 'archived', 'all'])
  status?: 'active' | 'archived' | 'all';

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  createdFrom?: string;
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  createdTo?: string;
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  updatedFrom?: string;
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  updatedTo?: string;
}

export class SearchContactsQuery {
  @ApiProperty({
    description: 'Words of a name, an email, a phone or a company',
    example: 'lovelace',
  })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  q!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class ContactSummary {
  @ApiProperty() id!: string;
  @ApiProperty() displayName!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) primaryEmail!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) primaryPhone!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) companyId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) companyName!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) ownerId!: string | null;
  @ApiProperty({ enum: LIFECYCLE_STAGES }) lifecycleStage!: string;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { email: 'granted' },
  })
  consent!: Record<string, string>;
  @ApiProperty({ type: 'object', additionalProperties: true }) customFields!: Record<
    string,
    unknown
  >;
  @ApiProperty({ enum: ['active', 'archived'] }) status!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiPropertyOptional({ description: 'Search relevance (search only)' }) score?: number;
}

export class ContactPage {
  @ApiProperty({ type: [ContactSummary] }) items!: ContactSummary[];
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Pass as cursor for the next page; null on the last page',
  })
  nextCursor!: string | null;
}
