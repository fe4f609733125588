/** The query of `GET /reports/sales-performance`. */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Parses, parseCurrency } from '@crm/values';
import type { Interval } from './deal-performance';
import { ReportWindowQuery } from './report-window.dto';

export const INTERVALS = ['month', 'quarter'] as const satisfies readonly Interval[];
export const PERFORMANCE_VIEWS = ['periods', 'owners', 'stages'] as const;
export type PerformanceView = (typeof PERFORMANCE_VIEWS)[number];

export class PerformanceQuery extends ReportWindowQuery {
  @ApiPropertyOptional({ enum: INTERVALS, default: 'month' })
  @IsOptional()
  @IsIn(INTERVALS)
  interval?: Interval;

  @ApiPropertyOptional({
    enum: PERFORMANCE_VIEWS,
    default: 'periods',
    description:
      'periods: per period of closing; owners: the rep leaderboard; stages: time in stage',
  })
  @IsOptional()
  @IsIn(PERFORMANCE_VIEWS)
  view?: PerformanceView;

  @ApiPropertyOptional({
    example: 'EUR',
    description: 'Only deals in this currency; default: each',
  })
  @IsOptional()
  @Parses(parseCurrency)
  currency?: string;
}
