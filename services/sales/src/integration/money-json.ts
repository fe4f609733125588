/**
 * The v1 decimal members of integration events (`{ amount: "1234.50", currency }`, see
 * @crm/contracts). Inside the service, in REST and in every newer member money is an integer of
 * the currency's minor units; this is the one conversion. The number of minor digits is the
 * currency's ISO 4217 exponent as the runtime's ICU knows it (EUR 2, JPY 0, BHD 3), so 1000 JPY
 * minor units are "1000", not "10.00".
 */
import { currencyMinorDigits, decimalOfMinorUnits, scaledDecimal } from '@crm/values';

export interface MoneyJson {
  amount: string;
  currency: string;
}

export function moneyJson(minor: number, currency: string): MoneyJson {
  return { amount: decimalOfMinorUnits(minor, currency), currency };
}

/** `netMinor / quantity` as a decimal rounded half up to 6 places: a unit price after discounts. */
export function unitMoneyJson(netMinor: number, quantity: number, currency: string): MoneyJson {
  const places = 6;
  const scale = 10n ** BigInt(places - currencyMinorDigits(currency));
  const scaled = (BigInt(netMinor) * scale * 2n + BigInt(quantity)) / (2n * BigInt(quantity));
  return { amount: scaledDecimal(scaled, places), currency };
}
