/**
 * From transactions to the models' sufficient statistics, the way the papers and lifetimes build
 * them: purchases on the same calendar day count as one (CDNOW's convention, lifetimes' freq 'D'),
 * frequency = purchase days after the first, recency = first to last purchase day, age = first
 * purchase day to the end of observation, in days / daysPerUnit (7: weeks). The average value is
 * over the repeat purchases only (the first is excluded, as in Fader, Hardie & Lee's zbar), so it
 * describes the same purchases the frequency counts.
 */
import type { PurchaseSummary } from './types';

export interface Transaction {
  readonly customerId: string;
  /** Calendar date of the purchase, YYYY-MM-DD (in the tenant's time zone; the caller decides). */
  readonly date: string;
  /** Its value (revenue or margin); optional when only counts are modelled. */
  readonly value?: number;
}

export interface CustomerSummary extends PurchaseSummary {
  readonly customerId: string;
  /** Mean value of the repeat purchase days (0 when there are none). */
  readonly averageRepeatValue: number;
}

export interface SummaryOptions {
  /** Days per model time unit: 7 for weeks (CDNOW), 1 for days. Default 7. */
  readonly daysPerUnit?: number;
}

/** A customer's purchase days (sorted, distinct) with the value bought on each. */
export interface PurchaseDays {
  readonly days: number[];
  readonly values: number[];
}

/**
 * Summaries as of `observationEnd` (inclusive): purchases after it are ignored, and customers
 * whose first purchase is after it do not appear.
 */
export function summarisePurchases(
  transactions: readonly Transaction[],
  observationEnd: string,
  options: SummaryOptions = {},
): CustomerSummary[] {
  const end = dayNumber(observationEnd);
  const perUnit = options.daysPerUnit ?? 7;
  const out: CustomerSummary[] = [];
  for (const [customerId, history] of purchaseDays(transactions)) {
    const summary = summariseDays(history, end, perUnit);
    if (summary) out.push({ customerId, ...summary });
  }
  return out;
}

/** Groups transactions into each customer's distinct purchase days, in first-seen customer order. */
export function purchaseDays(transactions: readonly Transaction[]): Map<string, PurchaseDays> {
  const byCustomer = new Map<string, Map<number, number>>();
  for (const t of transactions) {
    let days = byCustomer.get(t.customerId);
    if (!days) byCustomer.set(t.customerId, (days = new Map()));
    const day = dayNumber(t.date);
    days.set(day, (days.get(day) ?? 0) + (t.value ?? 0));
  }
  const out = new Map<string, PurchaseDays>();
  for (const [customerId, days] of byCustomer) {
    const sorted = [...days.keys()].sort((a, b) => a - b);
    out.set(customerId, { days: sorted, values: sorted.map((d) => days.get(d) ?? 0) });
  }
  return out;
}

/** The summary of the purchase days up to `end` (a day number), or undefined if none. */
export function summariseDays(
  history: PurchaseDays,
  end: number,
  daysPerUnit: number,
): Omit<CustomerSummary, 'customerId'> | undefined {
  const { days, values } = history;
  if (days.length === 0 || days[0] > end) return undefined;
  let last = 0;
  let repeatValue = 0;
  for (let i = 1; i < days.length && days[i] <= end; i++) {
    last = i;
    repeatValue += values[i];
  }
  return {
    frequency: last,
    recency: (days[last] - days[0]) / daysPerUnit,
    age: (end - days[0]) / daysPerUnit,
    averageRepeatValue: last > 0 ? repeatValue / last : 0,
  };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a YYYY-MM-DD calendar date; a malformed date is a caller's bug. */
export function dayNumber(date: string): number {
  const match = ISO_DATE.exec(date);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const ms = Date.UTC(year, month - 1, day);
    const back = new Date(ms);
    // Date.UTC rolls 02-30 over to March and maps years 0-99 to 1900-1999: refuse both.
    if (
      back.getUTCFullYear() === year &&
      back.getUTCMonth() === month - 1 &&
      back.getUTCDate() === day
    ) {
      return ms / 86_400_000;
    }
  }
  throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
}
