/** Query parameters of the service KPIs report (a bad one is a 400 naming it). */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { parseReportFormat } from '@crm/charts';
import { InvalidValue, parseCalendarDate, Parses } from '@crm/values';
import { IsOptional, ValidateBy } from 'class-validator';

export const GROUP_BY = ['category', 'priority', 'product'] as const;
export type GroupBy = (typeof GROUP_BY)[number];
/** `all`: one period, the whole window. */
export const INTERVALS = ['all', 'week', 'month', 'quarter'] as const;
export type Interval = (typeof INTERVALS)[number];

function oneOf<T extends string>(values: readonly T[], field: string) {
  return (raw: unknown): T => {
    if (typeof raw === 'string' && (values as readonly string[]).includes(raw)) return raw as T;
    throw new InvalidValue(
      'NotAllowedValue',
      field,
      `${field} must be one of ${values.join(', ')}`,
    );
  };
}
export const parseGroupBy = oneOf(GROUP_BY, 'groupBy');
export const parseInterval = oneOf(INTERVALS, 'interval');

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

export class ServiceKpisQuery {
  @ApiPropertyOptional({
    format: 'date',
    description: 'First UTC day of case opening included (default 90 days before `to`)',
  })
  @IsOptional()
  @Parses((raw) => parseCalendarDate(raw, 'from'))
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Last UTC day of case opening included (default today)',
  })
  @IsOptional()
  @Parses((raw) => parseCalendarDate(raw, 'to'))
  @NotBefore('from')
  to?: string;

  @ApiPropertyOptional({
    enum: INTERVALS,
    default: 'all',
    description: 'Periods of case opening (UTC; weeks start on Monday); `all`: the whole window',
  })
  @IsOptional()
  @Parses(parseInterval)
  interval?: string;

  @ApiPropertyOptional({ enum: GROUP_BY, default: 'category' })
  @IsOptional()
  @Parses(parseGroupBy)
  groupBy?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv', 'vega-lite', 'svg'], default: 'json' })
  @IsOptional()
  @Parses(parseReportFormat)
  format?: string;
}
