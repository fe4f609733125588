/** Shapes of the membership endpoints: members of a segment with why, counts over time, a person's segments. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CursorPageQuery } from '@crm/platform';
import { IsIn, IsISO8601, IsOptional } from 'class-validator';

export const COUNT_INTERVALS = ['hour', 'day'] as const;
export type CountInterval = (typeof COUNT_INTERVALS)[number];

export class MatchReasonDto {
  @ApiProperty({
    description:
      'The rule part the contact matches: `rule.all[2]` (a child of a top-level all/any), `rule` (the whole rule), `list` (listed in a static segment)',
    example: 'rule.all[0]',
  })
  path!: string;

  @ApiProperty({
    type: [String],
    description: 'The fields (GET /segments/fields keys) that part reads; no values',
  })
  fields!: string[];
}

export class SegmentMemberDto {
  @ApiProperty() contactId!: string;
  @ApiProperty({ format: 'date-time' }) joinedAt!: string;
  @ApiProperty({ description: 'The rule (or static list) version it joined on' })
  ruleVersion!: number;
  @ApiProperty({ type: [MatchReasonDto], description: 'Why it is a member' })
  why!: MatchReasonDto[];
}

export class SegmentMemberPage {
  @ApiProperty({ type: [SegmentMemberDto] }) items!: SegmentMemberDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as cursor for the next page; null on the last page',
  })
  nextCursor!: string | null;
}

/** Newest members first. */
export class ListMembersQuery extends CursorPageQuery {}

export class MemberCountsQuery {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'First instant (default: `to` minus 30 days, or 48 hours by the hour)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Last instant (default: now)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ enum: COUNT_INTERVALS, default: 'day' })
  @IsOptional()
  @IsIn(COUNT_INTERVALS)
  interval?: CountInterval;
}

export class MemberCountDto {
  @ApiProperty({ format: 'date-time', description: 'Start of the interval (UTC)' })
  start!: string;
  @ApiProperty({ description: 'Members at the end of the interval' }) members!: number;
  @ApiProperty({ description: 'Contacts that joined during it' }) joined!: number;
  @ApiProperty({ description: 'Contacts that left during it' }) left!: number;
}

export class MemberCountsDto {
  @ApiProperty() segmentId!: string;
  @ApiProperty({ enum: COUNT_INTERVALS }) interval!: CountInterval;
  @ApiProperty({ description: 'Members now' }) members!: number;
  @ApiProperty({ type: [MemberCountDto], description: 'Oldest interval first' })
  counts!: MemberCountDto[];
}

export class ContactSegmentDto {
  @ApiProperty() segmentId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['dynamic', 'static'] }) kind!: string;
  @ApiProperty({ format: 'date-time' }) joinedAt!: string;
  @ApiProperty() ruleVersion!: number;
  @ApiProperty({ type: [MatchReasonDto] }) why!: MatchReasonDto[];
}

export class ContactSegmentPage {
  @ApiProperty({ type: [ContactSegmentDto] }) items!: ContactSegmentDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Always null: a person is in few enough segments to answer whole',
  })
  nextCursor!: string | null;
}
