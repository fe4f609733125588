import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CursorPageQuery } from '@crm/platform';

export class TimelineQuery extends CursorPageQuery {
  @ApiPropertyOptional({
    enum: ['contacts', 'sales', 'campaigns', 'aftersales'],
    description: 'Only entries from this source',
  })
  @IsOptional()
  @IsIn(['contacts', 'sales', 'campaigns', 'aftersales'])
  source?: string;
}

export class TimelineEntry {
  @ApiProperty() entryId!: string;
  @ApiProperty({ description: 'contacts, sales, campaigns or aftersales' }) source!: string;
  @ApiProperty({ example: 'call' }) kind!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) channel!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) direction!: string | null;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) userId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) subject!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) body!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
}

export class TimelinePage {
  @ApiProperty({ type: [TimelineEntry] }) items!: TimelineEntry[];
  @ApiPropertyOptional({ type: String, nullable: true }) nextCursor!: string | null;
}
