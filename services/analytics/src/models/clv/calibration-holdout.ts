/**
 * The BG/NBD paper's validation (Fader, Hardie & Lee 2005, section 4 and Figure 4): fit on a
 * calibration period, then compare each customer's expected repeat purchases in the holdout
 * period with what she actually bought, averaged per calibration frequency (0, 1, ..., maxBucket+)
 * and in total. For any calibration end (`asOf`): a person can see whether the model is worth
 * believing on their own data.
 */
import {
  bgNbdLogLikelihood,
  conditionalExpectedPurchases,
  fitBgNbd,
  type BgNbdFit,
  type BgNbdFitOptions,
  type BgNbdParams,
} from './bg-nbd';
import { purchaseDays, summariseDays, dayNumber, type Transaction } from './purchase-summaries';
import type { PurchaseSummary } from './types';

export interface CalibrationHoldoutOptions {
  /** Last day of the calibration period (inclusive), YYYY-MM-DD. */
  readonly calibrationEnd: string;
  /** Last day of the holdout period (inclusive), YYYY-MM-DD. */
  readonly holdoutEnd: string;
  /** Days per model time unit; default 7 (weeks). */
  readonly daysPerUnit?: number;
  /** Calibration frequencies from this one up share the last bucket ("7+" in the paper); default 7. */
  readonly maxBucket?: number;
  /** Use these parameters instead of fitting on the calibration period. */
  readonly params?: BgNbdParams;
  /** Passed to the calibration fit (e.g. its minimum of repeat customers). */
  readonly fit?: BgNbdFitOptions;
}

export interface HoldoutBucket {
  /** Calibration frequency of the bucket; the last one holds this and above. */
  readonly frequency: number;
  readonly label: string;
  readonly customers: number;
  /** Mean holdout repeat purchases per customer in the bucket, actual and expected. */
  readonly actualMean: number;
  readonly expectedMean: number;
  readonly actualTotal: number;
  readonly expectedTotal: number;
}

export interface CustomerHoldout extends PurchaseSummary {
  readonly customerId: string;
  readonly actualHoldoutPurchases: number;
  readonly expectedHoldoutPurchases: number;
}

export interface CalibrationHoldout {
  /**
   * The calibration fit, or the given parameters as a fit of zero iterations with the calibration
   * data's log-likelihood under them.
   */
  readonly fit: BgNbdFit;
  /** Holdout length in model time units. */
  readonly holdoutLength: number;
  /** Empty when the fit failed. */
  readonly buckets: HoldoutBucket[];
  readonly totals: {
    readonly customers: number;
    readonly actual: number;
    readonly expected: number;
  };
  readonly customers: CustomerHoldout[];
  /** Customers whose first purchase falls after the calibration end: not part of the comparison. */
  readonly customersFirstSeenInHoldout: number;
}

export function calibrationHoldout(
  transactions: readonly Transaction[],
  options: CalibrationHoldoutOptions,
): CalibrationHoldout {
  const calibrationEnd = dayNumber(options.calibrationEnd);
  const holdoutEnd = dayNumber(options.holdoutEnd);
  const perUnit = options.daysPerUnit ?? 7;
  const maxBucket = options.maxBucket ?? 7;
  const holdoutLength = Math.max(0, holdoutEnd - calibrationEnd) / perUnit;

  const calibrated: { customerId: string; summary: PurchaseSummary; actual: number }[] = [];
  let firstSeenInHoldout = 0;
  for (const [customerId, history] of purchaseDays(transactions)) {
    const summary = summariseDays(history, calibrationEnd, perUnit);
    if (!summary) {
      if (history.days[0] <= holdoutEnd) firstSeenInHoldout++;
      continue;
    }
    const actual = history.days.filter((d) => d > calibrationEnd && d <= holdoutEnd).length;
    const { frequency, recency, age } = summary;
    calibrated.push({ customerId, summary: { frequency, recency, age }, actual });
  }

  const fit: BgNbdFit = options.params
    ? {
        status: 'fitted',
        params: options.params,
        logLikelihood: bgNbdLogLikelihood(
          options.params,
          calibrated.map((c) => c.summary),
        ),
        iterations: 0,
        converged: true,
        customers: calibrated.length,
      }
    : fitBgNbd(
        calibrated.map((c) => c.summary),
        options.fit,
      );
  const noComparison = {
    fit,
    holdoutLength,
    buckets: [],
    totals: { customers: calibrated.length, actual: 0, expected: 0 },
    customers: [],
    customersFirstSeenInHoldout: firstSeenInHoldout,
  };
  if (fit.status !== 'fitted') return noComparison;

  const customers = calibrated.map(({ customerId, summary, actual }) => ({
    customerId,
    ...summary,
    actualHoldoutPurchases: actual,
    expectedHoldoutPurchases: conditionalExpectedPurchases(fit.params, summary, holdoutLength),
  }));
  const sums = Array.from({ length: maxBucket + 1 }, () => ({ n: 0, actual: 0, expected: 0 }));
  for (const c of customers) {
    const bucket = sums[Math.min(Math.floor(c.frequency), maxBucket)];
    bucket.n++;
    bucket.actual += c.actualHoldoutPurchases;
    bucket.expected += c.expectedHoldoutPurchases;
  }
  const buckets = sums.map((s, frequency) => ({
    frequency,
    label: frequency === maxBucket ? `${frequency}+` : String(frequency),
    customers: s.n,
    actualMean: s.n > 0 ? s.actual / s.n : 0,
    expectedMean: s.n > 0 ? s.expected / s.n : 0,
    actualTotal: s.actual,
    expectedTotal: s.expected,
  }));
  return {
    ...noComparison,
    buckets,
    totals: {
      customers: customers.length,
      actual: sums.reduce((t, s) => t + s.actual, 0),
      expected: sums.reduce((t, s) => t + s.expected, 0),
    },
    customers,
  };
}
