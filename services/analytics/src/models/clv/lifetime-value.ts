/**
 * Customer lifetime value over a horizon: BG/NBD's expected purchases month by month times the
 * Gamma-Gamma expected value per purchase, discounted monthly. The same definition as lifetimes'
 * `customer_lifetime_value` (https://lifetimes.readthedocs.io, Quickstart "Estimating customer
 * lifetime value using the Gamma-Gamma model"): CLV = Σ_{m=1..months} value ·
 * (E[Y(m·u)] − E[Y((m−1)·u)]) / (1+d)^m, with u the model's time units per month.
 */
import { conditionalExpectedPurchases, type BgNbdParams } from './bg-nbd';
import type { PurchaseSummary } from './types';

export interface LifetimeValueOptions {
  /** Horizon in whole months (lifetimes' `time`, default 12). */
  readonly months?: number;
  /** Monthly discount rate (0.01 ≈ 12.7 % a year). */
  readonly monthlyDiscountRate?: number;
  /**
   * The BG/NBD time unit per month: 4.345 when summaries are in weeks, 30 in days
   * (lifetimes' freq 'W' and 'D'). No default: getting it wrong scales CLV silently.
   */
  readonly timeUnitsPerMonth: number;
}

/** Discounted expected value of the customer's purchases in the next `months`. */
export function customerLifetimeValue(
  params: BgNbdParams,
  customer: PurchaseSummary,
  valuePerPurchase: number,
  options: LifetimeValueOptions,
): number {
  const months = options.months ?? 12;
  const discount = 1 + (options.monthlyDiscountRate ?? 0.01);
  const unit = options.timeUnitsPerMonth;
  let total = 0;
  let before = 0;
  for (let m = 1; m <= months; m++) {
    const upTo = conditionalExpectedPurchases(params, customer, m * unit);
    total += (valuePerPurchase * (upTo - before)) / discount ** m;
    before = upTo;
  }
  return total;
}
