/**
 * Money as a decimal string (`"1234.50"` EUR), the form of the first v1 integration event members,
 * to and from integer minor units. The number of minor digits is the currency's ISO 4217 exponent
 * as the runtime's ICU knows it (EUR 2, JPY 0, BHD 3), so 1000 JPY minor units are "1000", not
 * "10.00". The one conversion every service uses.
 */

const digitsByCurrency = new Map<string, number>();

/** The currency's minor digits; 2 for a code ICU does not know. */
export function currencyMinorDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    try {
      digits =
        new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
          .maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/** `value` scaled by 10^places as a plain decimal: (123450n, 2) -> "1234.50". */
export function scaledDecimal(value: bigint, places: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(places + 1, '0');
  const whole = places === 0 ? digits : digits.slice(0, -places);
  return `${negative ? '-' : ''}${whole}${places === 0 ? '' : `.${digits.slice(-places)}`}`;
}

/** 123450 EUR -> "1234.50"; 1000 JPY -> "1000". */
export function decimalOfMinorUnits(minor: number, currency: string): string {
  return scaledDecimal(BigInt(minor), currencyMinorDigits(currency));
}

/**
 * `"1234.50"` EUR -> 123450. Digits beyond the currency's exponent (v1 unit prices carry six
 * places) are rounded half up. Null when it is not a plain decimal or not a safe integer.
 */
export function minorUnitsOfDecimal(amount: string, currency: string): number | null {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount);
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  const places = currencyMinorDigits(currency);
  const kept = (fraction + '0'.repeat(places)).slice(0, places);
  const roundUp = Number(fraction.charAt(places) || '0') >= 5;
  const minor = BigInt(whole + kept) + (roundUp ? 1n : 0n);
  const value = Number(sign ? -minor : minor);
  return Number.isSafeInteger(value) ? value : null;
}
