/** Query parameters of the customer-value reports (a bad one is a 400 naming it). */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { parseReportFormat } from '@crm/charts';
import { InvalidValue, parseCalendarDate, Parses } from '@crm/values';
import { Type } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import type { Cursor } from './lifetime-value-report';

class FormatQuery {
  @ApiPropertyOptional({ enum: ['json', 'csv', 'vega-lite', 'svg'], default: 'json' })
  @IsOptional()
  @Parses(parseReportFormat)
  format?: string;
}

export class RfmQuery extends FormatQuery {
  @ApiPropertyOptional({ format: 'date', description: 'Score as of this UTC day (default today)' })
  @IsOptional()
  @Parses((raw) => parseCalendarDate(raw, 'asOf'))
  asOf?: string;
}

export class RfmMovementQuery extends FormatQuery {
  @ApiPropertyOptional({ format: 'date', description: 'First date (default 90 days before `to`)' })
  @IsOptional()
  @Parses((raw) => parseCalendarDate(raw, 'from'))
  from?: string;
  @ApiPropertyOptional({ format: 'date', description: 'Second date (default today)' })
  @IsOptional()
  @Parses((raw) => parseCalendarDate(raw, 'to'))
  to?: string;
}

/** A cursor of this API (base64url of [clv, contactId]); anything else is a 400 naming `after`. */
export function parseCursor(raw: unknown, field = 'after'): Cursor {
  try {
    const [clvMinor, contactId] = JSON.parse(
      Buffer.from(String(raw), 'base64url').toString('utf8'),
    );
    if ((clvMinor === null || Number.isFinite(clvMinor)) && typeof contactId === 'string') {
      return { clvMinor, contactId };
    }
  } catch {
    // falls through to the error below
  }
  throw new InvalidValue('NotAllowedValue', field, `${field} is not a cursor this report gave`);
}

export class LifetimeValueQuery extends FormatQuery {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 520,
    default: 4,
    description: 'Horizon of expected purchases, weeks',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(520)
  weeks?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 120,
    default: 12,
    description: 'CLV horizon, months',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(120)
  months?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 1,
    default: 0.01,
    description: 'Monthly discount rate',
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  discountRate?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @Parses(parseCursor)
  after?: string;
}

export class CalibrationQuery extends FormatQuery {
  @ApiPropertyOptional({
    format: 'date',
    description: 'Last day of the calibration period; the holdout runs to today',
  })
  @Parses((raw) => parseCalendarDate(raw, 'calibrationEnd'))
  calibrationEnd!: string;
}
