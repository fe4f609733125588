/**
 * Integration events carry money as `{ amount: "1234.50", currency }` (decimal strings, see
 * @crm/contracts). Inside the service money is integer minor units; this is the one conversion.
 * Assumes two minor digits (EUR, USD, GBP ...); currencies with 0 or 3 would need a table.
 */
const MINOR_DIGITS = 2;

export interface MoneyJson {
  amount: string;
  currency: string;
}

export function moneyJson(minor: number, currency: string): MoneyJson {
  return { amount: decimal(BigInt(minor), MINOR_DIGITS), currency };
}

/** `netMinor / quantity` as a decimal rounded half up to 6 places: a unit price after discounts. */
export function unitMoneyJson(netMinor: number, quantity: number, currency: string): MoneyJson {
  const places = 6;
  const scale = 10n ** BigInt(places - MINOR_DIGITS);
  const scaled = (BigInt(netMinor) * scale * 2n + BigInt(quantity)) / (2n * BigInt(quantity));
  return { amount: decimal(scaled, places), currency };
}

function decimal(value: bigint, places: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(places + 1, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -places)}.${digits.slice(-places)}`;
}
