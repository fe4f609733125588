/**
 * Money in this service is always an integer number of MINOR units of its currency (cents for
 * EUR/USD) held in a JS number that must be a safe integer. Rates and discounts are integer
 * BASIS POINTS (1 bp = 0.01 %, 10 000 bp = 100 %). No floating-point value ever enters a sum:
 * a percentage is applied once, in `applyBasisPoints`, with exact BigInt arithmetic and
 * half-up rounding, so totals are reproducible to the cent on every replica and every replay.
 */
import { DomainError } from '@crm/event-sourcing';

export type MinorUnits = number;
export type BasisPoints = number;

export const FULL_BASIS_POINTS = 10_000;

const CURRENCY = /^[A-Z]{3}$/;

export function assertCurrency(currency: string, field = 'currency'): void {
  if (!CURRENCY.test(currency)) {
    throw new DomainError(
      'InvalidCurrency',
      `${field} must be an ISO 4217 code such as EUR`,
      'invalid',
      {
        field,
      },
    );
  }
}

export function assertMinorUnits(
  value: number,
  field: string,
  { allowNegative = false } = {},
): void {
  if (!Number.isSafeInteger(value) || (!allowNegative && value < 0)) {
    throw new DomainError(
      'InvalidAmount',
      `${field} must be a${allowNegative ? 'n' : ' non-negative'} integer number of minor units (cents)`,
      'invalid',
      { field },
    );
  }
}

export function assertBasisPoints(value: number, field: string, max = FULL_BASIS_POINTS): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new DomainError(
      'InvalidRate',
      `${field} must be an integer between 0 and ${max} basis points`,
      'invalid',
      {
        field,
      },
    );
  }
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
