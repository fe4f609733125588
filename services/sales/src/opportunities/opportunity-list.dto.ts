/** The query and the page of `GET /opportunities`: the deal list a front-end filters and pages. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { CursorPageQuery } from '@crm/platform';
import { Parses, parseCalendarDate } from '@crm/values';
import { OpportunityDto } from './opportunity.dto';

/** A field name sorts ascending; a leading `-` descending. Ties are broken by id. */
export const OPPORTUNITY_SORTS = [
  'expectedCloseDate',
  '-expectedCloseDate',
  'amount',
  '-amount',
  'createdAt',
  '-createdAt',
  'updatedAt',
  '-updatedAt',
] as const;
export type OpportunitySort = (typeof OPPORTUNITY_SORTS)[number];

export class ListOpportunitiesQuery extends CursorPageQuery {
  @ApiPropertyOptional({ enum: OPPORTUNITY_SORTS, default: '-createdAt' })
  @IsOptional()
  @IsIn(OPPORTUNITY_SORTS)
  sort?: OpportunitySort;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) pipelineId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) stageId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) ownerId?: string;
  @ApiPropertyOptional({ enum: ['open', 'won', 'lost'], description: 'Default: every status' })
  @IsOptional()
  @IsIn(['open', 'won', 'lost'])
  status?: 'open' | 'won' | 'lost';

  @ApiPropertyOptional({ example: '2026-10-01', description: 'First expected close date included' })
  @IsOptional()
  @Parses(parseCalendarDate)
  expectedCloseFrom?: string;
  @ApiPropertyOptional({ example: '2027-01-01', description: 'First expected close date excluded' })
  @IsOptional()
  @Parses(parseCalendarDate)
  expectedCloseTo?: string;

  @ApiPropertyOptional({ description: 'Smallest amount included (minor units)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  minAmountMinor?: number;
  @ApiPropertyOptional({ description: 'Largest amount included (minor units)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  maxAmountMinor?: number;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) contactId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) companyId?: string;
}

export class OpportunityPage {
  @ApiProperty({ type: [OpportunityDto] }) items!: OpportunityDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as cursor for the next page (same sort); null on the last page',
  })
  nextCursor!: string | null;
}

export class MyOpenDealsPage {
  @ApiProperty({ type: [OpportunityDto] }) items!: OpportunityDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Always null: the whole list is one page',
  })
  nextCursor!: string | null;
}
