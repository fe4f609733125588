/** The query of `GET /reports/pipeline`. */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { parseReportFormat } from '@crm/charts';
import { Parses, parseCalendarDate, parseCurrency } from '@crm/values';
import type { Interval } from './deal-performance';
import { INTERVALS } from './performance.dto';

export class PipelineQuery {
  @ApiPropertyOptional({
    example: '2026-01-15',
    description: "Day the closed-won part counts from (its period's start); default today (UTC)",
  })
  @IsOptional()
  @Parses(parseCalendarDate)
  asOf?: string;

  @ApiPropertyOptional({ enum: INTERVALS, default: 'month' })
  @IsOptional()
  @IsIn(INTERVALS)
  interval?: Interval;

  @ApiPropertyOptional({
    example: 'EUR',
    description: 'Only deals in this currency; default: each',
  })
  @IsOptional()
  @Parses(parseCurrency)
  currency?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv', 'vega-lite', 'svg'], default: 'json' })
  @IsOptional()
  @Parses(parseReportFormat)
  format?: string;
}
