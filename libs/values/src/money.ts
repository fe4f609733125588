/**
 * Money is always an integer number of MINOR units of its currency (cents for EUR/USD) held in a
 * JS number that must be a safe integer. Rates and discounts are integer BASIS POINTS (1 bp =
 * 0.01 %, 10 000 bp = 100 %). No floating-point value ever enters a sum: a percentage is applied
 * once, in `applyBasisPoints`, with exact BigInt arithmetic and half-away-from-zero rounding, so
 * totals are reproducible to the cent on every replica and every replay.
 */
import { DomainError } from '@crm/event-sourcing';
import { type Brand, InvalidValue } from './invalid-value';

export type MinorUnits = number;
export type BasisPoints = number;
/** ISO 4217 alphabetic code, upper case (`EUR`). */
export type Currency = Brand<string, 'Currency'>;

export interface Money {
  readonly amountMinor: MinorUnits;
  readonly currency: Currency;
}

export const FULL_BASIS_POINTS = 10_000;

let currencies: ReadonlySet<string> | undefined;

/**
 * A currency in circulation as the runtime's ICU lists them (ISO 4217 minus test and precious
 * metal codes such as XTS or XAU): `^[A-Z]{3}$` alone let `ABC` through.
 */
export function parseCurrency(raw: unknown, field = 'currency'): Currency {
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  if (typeof raw !== 'string' || !/^[A-Z]{3}$/.test(raw) || !currencies.has(raw)) {
    throw new InvalidValue(
      'InvalidCurrency',
      field,
      `${field} must be an ISO 4217 code such as EUR`,
    );
  }
  return raw as Currency;
}

export function parseMinorUnits(
  raw: unknown,
  field: string,
  { allowNegative = false } = {},
): MinorUnits {
  if (typeof raw !== 'number' || !Number.isSafeInteger(raw) || (!allowNegative && raw < 0)) {
    throw new InvalidValue(
      'InvalidAmount',
      field,
      `${field} must be a${allowNegative ? 'n' : ' non-negative'} integer number of minor units (cents)`,
    );
  }
  return raw;
}

/** `{ amountMinor, currency }`; errors name `<field>.amountMinor` / `<field>.currency`. */
export function parseMoney(
  raw: { readonly amountMinor?: unknown; readonly currency?: unknown } | undefined,
  field = 'amount',
): Money {
  return {
    amountMinor: parseMinorUnits(raw?.amountMinor, `${field}.amountMinor`),
    currency: parseCurrency(raw?.currency, `${field}.currency`),
  };
}

export function parseBasisPoints(
  raw: unknown,
  field: string,
  max = FULL_BASIS_POINTS,
): BasisPoints {
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0 || raw > max) {
    throw new InvalidValue(
      'InvalidRate',
      field,
      `${field} must be an integer between 0 and ${max} basis points`,
    );
  }
  return raw;
}

/** `amount * bp / 10 000`, rounded half away from zero, exactly (BigInt, no floats). */
export function applyBasisPoints(amount: MinorUnits, basisPoints: BasisPoints): MinorUnits {
  const product = BigInt(amount) * BigInt(basisPoints);
  const sign = product < 0n ? -1n : 1n;
  const magnitude = product * sign;
  const rounded = (magnitude * 2n + BigInt(FULL_BASIS_POINTS)) / BigInt(2 * FULL_BASIS_POINTS);
  return toSafeNumber(rounded * sign);
}

/** `amount * percent / 100`, rounded half away from zero (probability-weighted amounts). */
export function applyPercent(amount: MinorUnits, percent: number): MinorUnits {
  return applyBasisPoints(amount, percent * 100);
}

export function multiply(amount: MinorUnits, quantity: number): MinorUnits {
  return toSafeNumber(BigInt(amount) * BigInt(quantity));
}

export function sum(amounts: readonly MinorUnits[]): MinorUnits {
  return toSafeNumber(amounts.reduce((total, amount) => total + BigInt(amount), 0n));
}

/** A result, not an input, is out of range: so no field to name, unlike InvalidValue. */
function toSafeNumber(value: bigint): MinorUnits {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new DomainError(
      'AmountTooLarge',
      'The amount exceeds what can be represented exactly',
      'invalid',
    );
  }
  return Number(value);
}
