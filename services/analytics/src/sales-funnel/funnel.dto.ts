/** The query of `GET /reports/funnel`. */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ReportWindowQuery } from './report-window.dto';

export const FUNNEL_GROUPS = ['source', 'owner', 'pipeline'] as const;
export type FunnelGroup = (typeof FUNNEL_GROUPS)[number];

export class FunnelQuery extends ReportWindowQuery {
  @ApiPropertyOptional({ enum: FUNNEL_GROUPS, description: 'One funnel per value; default: one' })
  @IsOptional()
  @IsIn(FUNNEL_GROUPS)
  groupBy?: FunnelGroup;

  @ApiPropertyOptional({ description: 'Count only deals of this pipeline in the deal steps' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  pipelineId?: string;
}
