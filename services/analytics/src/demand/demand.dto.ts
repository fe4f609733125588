/** Query parameters of the demand report (a bad one is a 400 naming it). */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { parseReportFormat } from '@crm/charts';
import { InvalidValue, Parses } from '@crm/values';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, ValidateBy } from 'class-validator';

/** A product id as the catalogue has them: 1-200 printable characters. */
export function parseProductId(raw: unknown, field = 'productId'): string {
  if (typeof raw === 'string' && /^[\x21-\x7e]{1,200}$/.test(raw)) return raw;
  throw new InvalidValue(
    'NotAllowedValue',
    field,
    `${field} must be a product id (1-200 characters, no spaces)`,
  );
}

/** `EUR-2`: band 2 (1 = cheapest) of the prices in EUR, as the series list names them. */
export function parsePriceBand(raw: unknown, field = 'priceBand'): string {
  if (typeof raw === 'string' && /^[A-Z]{3}-[1-9]\d{0,2}$/.test(raw)) return raw;
  throw new InvalidValue(
    'NotAllowedValue',
    field,
    `${field} must be a currency and a band number, like EUR-2 (1 = cheapest)`,
  );
}

/** Not given together with `otherField`: one series per request. */
function NotWith(otherField: string): PropertyDecorator {
  return ValidateBy({
    name: 'notWith',
    validator: {
      validate: (value, args) =>
        value === undefined || (args?.object as Record<string, unknown>)[otherField] === undefined,
      defaultMessage: (args) =>
        `${args?.property} cannot be given with ${otherField}: ask for one series`,
    },
  });
}

export class DemandQuery {
  @ApiPropertyOptional({ enum: ['json', 'csv', 'vega-lite', 'svg'], default: 'json' })
  @IsOptional()
  @Parses(parseReportFormat)
  format?: string;

  @ApiPropertyOptional({ description: 'The product whose monthly quantities to forecast' })
  @IsOptional()
  @Parses(parseProductId)
  productId?: string;

  @ApiPropertyOptional({
    description:
      'A price band instead of a product: currency and band, e.g. EUR-2 (quartile bands, 1 = cheapest)',
  })
  @IsOptional()
  @Parses(parsePriceBand)
  @NotWith('productId')
  priceBand?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 36, default: 12, description: 'Months to forecast' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(36)
  horizon?: number;
}
