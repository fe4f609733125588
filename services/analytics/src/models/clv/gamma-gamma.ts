/**
 * Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005, "RFM and CLV: Using
 * Iso-Value Curves for Customer Base Analysis", JMR 42(4); Fader & Hardie 2013, "The Gamma-Gamma
 * Model of Monetary Value", http://brucehardie.com/notes/025/): a customer's transactions are
 * Gamma(p, ν) around her mean, and ν ~ Gamma(q, γ) across customers. Fitted on repeat customers'
 * (x, average value m̄); gives the expected average transaction value of any customer, shrinking
 * her own average towards the population mean the fewer transactions she has.
 */
import { minimiseOverPositive } from './positive-minimum';
import { logGamma } from './special-functions';
import type { CannotFit, FitResult } from './types';

// Bound once: the hot loops then read a module binding, not the global Math (a lookup that
// costs 10-40x a log() in vm sandboxes such as jest's, and nothing anywhere else).
const { log } = Math;

export interface GammaGammaParams {
  readonly p: number;
  readonly q: number;
  /** γ, the scale of the across-customer Gamma (lifetimes calls it v). */
  readonly gamma: number;
}

export type GammaGammaFit = FitResult<GammaGammaParams>;

/** A customer's transactions the average is over (x) and that average (m̄, in money). */
export interface SpendSummary {
  readonly frequency: number;
  readonly averageValue: number;
}

/**
 * Log-likelihood over customers with x > 0 and m̄ > 0 (note 025, eq. 3, in logs):
 * ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln m̄ + px ln x − (px+q) ln(γ + m̄x).
 */
export function gammaGammaLogLikelihood(
  params: GammaGammaParams,
  customers: readonly SpendSummary[],
): number {
  return compressedLogLikelihood(params, prepare(customers.filter(usable)));
}

export interface GammaGammaFitOptions {
  /** Fewer usable (repeat, positive-value) customers than this is "too little data". Default 10. */
  readonly minimumCustomers?: number;
}

/** Fits on the customers with a repeat purchase and a positive average; the rest are ignored. */
export function fitGammaGamma(
  customers: readonly SpendSummary[],
  options: GammaGammaFitOptions = {},
): GammaGammaFit {
  for (let i = 0; i < customers.length; i++) {
    const { frequency, averageValue } = customers[i];
    if (!Number.isFinite(frequency) || !Number.isFinite(averageValue) || frequency < 0) {
      return cannotFit(
        'invalid-summary',
        `spend summary ${i} (frequency ${frequency}, average ${averageValue}) is not a count and an amount`,
        customers.length,
      );
    }
  }
  const repeat = customers.filter(usable);
  if (repeat.length === 0) {
    return cannotFit(
      'no-repeat-purchases',
      'no customer with a repeat purchase of positive value',
      customers.length,
    );
  }
  const minimum = options.minimumCustomers ?? 10;
  if (repeat.length < minimum) {
    return cannotFit(
      'too-little-data',
      `${repeat.length} customers with a repeat purchase of positive value; the model needs at least ${minimum}`,
      customers.length,
    );
  }
  // Everyone's average the same: the spread across customers is zero and q, p run off to infinity.
  if (repeat.every((c) => c.averageValue === repeat[0].averageValue)) {
    return cannotFit(
      'too-little-data',
      `every customer's average value is ${repeat[0].averageValue}: no spread to fit`,
      customers.length,
    );
  }
  const data = prepare(repeat);
  const mean = repeat.reduce((s, c) => s + c.averageValue, 0) / repeat.length;
  // Start where the population mean γp/(q−1) equals the observed mean (p = 2, q = 3, γ = mean).
  const found = minimiseOverPositive(
    ([p, q, gamma]) => -compressedLogLikelihood({ p, q, gamma }, data),
    [2, 3, mean],
  );
  if (!Number.isFinite(found.value)) {
    return cannotFit(
      'numerical-failure',
      'the likelihood is not finite anywhere tried',
      repeat.length,
    );
  }
  const [p, q, gamma] = found.point;
  return {
    status: 'fitted',
    params: { p, q, gamma },
    logLikelihood: -found.value,
    iterations: found.iterations,
    converged: found.converged,
    customers: repeat.length,
  };
}

/**
 * E[M | p, q, γ, m̄, x] = (γ + m̄x)p / (px + q − 1) (note 025, eq. 5): a weighted mean of the
 * population mean γp/(q−1) and the customer's own average, with weight px/(px+q−1) on hers.
 * A customer without repeat purchases gets the population mean. Null when the mean does not
 * exist (q <= 1: a heavy-tailed population whose mean spend is infinite).
 */
export function conditionalExpectedAverageValue(
  params: GammaGammaParams,
  customer: SpendSummary,
): number | null {
  const { p, q, gamma } = params;
  const x = customer.frequency > 0 && customer.averageValue > 0 ? customer.frequency : 0;
  const denominator = p * x + q - 1;
  if (!(denominator > 0)) return null;
  return ((gamma + customer.averageValue * x) * p) / denominator;
}

/** E[M] = γp/(q−1), the population's mean transaction value; null when q <= 1. */
export function populationAverageValue(params: GammaGammaParams): number | null {
  return params.q > 1 ? (params.gamma * params.p) / (params.q - 1) : null;
}

interface PreparedSpend {
  readonly x: Float64Array;
  readonly logX: Float64Array;
  readonly value: Float64Array;
  readonly logValue: Float64Array;
  readonly xIndex: Int32Array;
  readonly distinctX: Float64Array;
}

function usable(c: SpendSummary): boolean {
  return c.frequency > 0 && c.averageValue > 0;
}

function prepare(customers: readonly SpendSummary[]): PreparedSpend {
  const xOf = new Map<number, number>();
  const distinctX: number[] = [];
  const xIndex = new Int32Array(customers.length);
  customers.forEach((c, i) => {
    let k = xOf.get(c.frequency);
    if (k === undefined) {
      k = distinctX.length;
      xOf.set(c.frequency, k);
      distinctX.push(c.frequency);
    }
    xIndex[i] = k;
  });
  return {
    x: Float64Array.from(customers, (c) => c.frequency),
    logX: Float64Array.from(customers, (c) => log(c.frequency)),
    value: Float64Array.from(customers, (c) => c.averageValue),
    logValue: Float64Array.from(customers, (c) => log(c.averageValue)),
    xIndex,
    distinctX: Float64Array.from(distinctX),
  };
}

function compressedLogLikelihood(params: GammaGammaParams, data: PreparedSpend): number {
  const { p, q, gamma } = params;
  // ln Γ(px+q) − ln Γ(px) once per distinct x.
  const gammaTerms = new Float64Array(data.distinctX.length);
  for (let k = 0; k < data.distinctX.length; k++) {
    const px = p * data.distinctX[k];
    gammaTerms[k] = logGamma(px + q) - logGamma(px);
  }
  const constant = q * log(gamma) - logGamma(q);
  let total = 0;
  for (let i = 0; i < data.x.length; i++) {
    const px = p * data.x[i];
    total +=
      gammaTerms[data.xIndex[i]] +
      constant +
      (px - 1) * data.logValue[i] +
      px * data.logX[i] -
      (px + q) * log(gamma + data.value[i] * data.x[i]);
  }
  return total;
}

function cannotFit(reason: CannotFit['reason'], detail: string, customers: number): CannotFit {
  return { status: 'cannot-fit', reason, detail, customers };
}
