/** The OpenAPI shapes of `GET /<resource>/{id}/history` and the `asOf` parameter of a GET. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { CursorPageQuery } from '../event-sourcing/pagination-query.dto';

export class HistoryQuery extends CursorPageQuery {}

/** `?asOf=<instant>` on a record's GET: the record as it stood then (parsed by RecordHistory). */
export class AsOfQuery {
  @ApiPropertyOptional({
    description:
      'ISO-8601 instant with an offset: the record as it stood then (404 if it did not exist yet)',
    example: '2026-11-23T09:00:00Z',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  asOf?: string;
}

/** A view member's value: any JSON (an untyped `unknown` would be documented as an empty object). */
const ANY_JSON_VALUE = {
  // OpenAPI 3.0 needs a type beside nullable: null rides on the string branch.
  anyOf: [
    { type: 'string', nullable: true },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'object', additionalProperties: true },
    { type: 'array', items: {} },
  ],
};

export class FieldChangeDto {
  @ApiProperty({ description: 'Dotted path in the resource view, e.g. `name.family`' })
  path!: string;
  @ApiProperty({ ...ANY_JSON_VALUE, description: 'The value before (null when absent)' })
  from!: unknown;
  @ApiProperty({ ...ANY_JSON_VALUE, description: 'The value after (null when absent)' })
  to!: unknown;
}

export class HistoryEntryDto {
  @ApiProperty({ description: 'The record version after this change (its ETag then)' })
  version!: number;
  @ApiProperty({ description: 'When it happened (ISO-8601)', format: 'date-time' })
  at!: string;
  @ApiProperty({ type: String, nullable: true, description: 'User id or system:<component>' })
  actor!: string | null;
  @ApiProperty({ description: 'The fact recorded, e.g. OpportunityStageChanged' })
  event!: string;
  @ApiProperty({ type: [FieldChangeDto], description: 'What changed in the resource view' })
  changes!: FieldChangeDto[];
}

export class HistoryPageDto {
  @ApiProperty({ type: [HistoryEntryDto], description: 'Newest first' })
  items!: HistoryEntryDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Cursor of the next (older) page' })
  nextCursor!: string | null;
}
