/**
 * The query members every sales report shares: a window of UTC days (`from` and `to` both
 * included) and the answer format. `to` before `from` is a 400 naming `to`.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, ValidateBy } from 'class-validator';
import { parseReportFormat } from '@crm/charts';
import { Parses, parseCalendarDate } from '@crm/values';

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

export class ReportWindowQuery {
  @ApiProperty({ example: '2026-01-01', description: 'First UTC day included' })
  @Parses(parseCalendarDate)
  from!: string;

  @ApiProperty({ example: '2026-03-31', description: 'Last UTC day included (not before from)' })
  @Parses(parseCalendarDate)
  @NotBefore('from')
  to!: string;

  @ApiPropertyOptional({ enum: ['json', 'csv', 'vega-lite', 'svg'], default: 'json' })
  @IsOptional()
  @Parses(parseReportFormat)
  format?: string;
}

/** The instants bounding the days: [from 00:00Z, the day after to 00:00Z). */
export function windowInstants(q: { from: string; to: string }): { start: string; end: string } {
  const end = new Date(`${q.to}T00:00:00.000Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  return { start: `${q.from}T00:00:00.000Z`, end: end.toISOString() };
}
