/** Query parameters of the propensity report (a bad one is a 400 naming it). */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { parseReportFormat } from '@crm/charts';
import { Parses, parseText } from '@crm/values';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class PropensityQuery {
  @ApiPropertyOptional({
    example: 'Cars',
    maxLength: 200,
    description: 'Target product family (default: the first modelled family by name)',
  })
  @IsOptional()
  @Parses((raw) => parseText(raw, 'family', 200))
  family?: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 500,
    default: 20,
    description: 'Top-scored customers',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ enum: ['json', 'csv', 'vega-lite', 'svg'], default: 'json' })
  @IsOptional()
  @Parses(parseReportFormat)
  format?: string;
}
