/** Query parameters of the campaign results report (a bad one is a 400 naming it). */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { parseReportFormat } from '@crm/charts';
import { InvalidValue, parseCalendarDate, Parses } from '@crm/values';
import { IsOptional, ValidateBy } from 'class-validator';

export const GROUP_BY = ['campaign', 'variant', 'channel', 'segment'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export function parseGroupBy(raw: unknown, field = 'groupBy'): GroupBy {
  if (typeof raw === 'string' && (GROUP_BY as readonly string[]).includes(raw))
    return raw as GroupBy;
  throw new InvalidValue(
    'NotAllowedValue',
    field,
    `${field} must be one of ${GROUP_BY.join(', ')}`,
  );
}

/** A day not before the day in `otherField` (both YYYY-MM-DD, which compare as text). */
function NotBefore(otherField: string): PropertyDecorator {
  return ValidateBy({
    name: 'notBefore',
    validator: {
      validate: (value, args) => {
        const other = (args?.object as Record<string, unknown>)[otherField];
        return typeof value !== 'string' || typeof other !== 'string' || value >= other;
      },
      defaultMessage: (args) => `${args?.property} must not be before ${otherField}`,
    },
  });
}

export class CampaignResultsQuery {
  @ApiPropertyOptional({
    format: 'date',
    description: 'First UTC day of sending included (default 90 days before `to`)',
  })
  @IsOptional()
  @Parses((raw) => parseCalendarDate(raw, 'from'))
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Last UTC day of sending included (default today)',
  })
  @IsOptional()
  @Parses((raw) => parseCalendarDate(raw, 'to'))
  @NotBefore('from')
  to?: string;

  @ApiPropertyOptional({ enum: GROUP_BY, default: 'campaign' })
  @IsOptional()
  @Parses(parseGroupBy)
  groupBy?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv', 'vega-lite', 'svg'], default: 'json' })
  @IsOptional()
  @Parses(parseReportFormat)
  format?: string;
}
