/**
 * BG/NBD model of repeat purchases (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy
 * Way: An Alternative to the Pareto/NBD Model", Marketing Science 24(2)): while alive a customer
 * buys at rate λ ~ Gamma(r, α); after each purchase she drops out with probability p ~ Beta(a, b).
 * Fitted by maximum likelihood on (x, t_x, T) summaries; then P(alive), expected purchases of a
 * known customer in the next t periods, and of a new customer in her first t periods.
 */
import { minimiseOverPositive } from './positive-minimum';
import { logGamma, logHypergeometric2F1 } from './special-functions';
import type { CannotFit, FitResult, PurchaseSummary } from './types';

// Bound once: the hot loops then read a module binding, not the global Math (a lookup that
// costs 10-40x a log() in vm sandboxes such as jest's, and nothing anywhere else).
const { log, exp, log1p } = Math;

export interface BgNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

export type BgNbdFit = FitResult<BgNbdParams>;

/**
 * The summaries, compressed to distinct (x, t_x, T) rows with counts (many customers share a
 * summary: every one-time buyer of the same cohort week) and to distinct x values, so each
 * likelihood evaluation calls lgamma once per distinct x and log twice per distinct row.
 */
interface CompressedSummaries {
  readonly rows: number;
  readonly weight: Float64Array;
  readonly x: Float64Array;
  readonly recency: Float64Array;
  readonly age: Float64Array;
  /** Index of each row's x in distinctX. */
  readonly xIndex: Int32Array;
  readonly distinctX: Float64Array;
  readonly customers: number;
}

/** The paper's log-likelihood (its eq. 6), in the form of Hardie's note 027 that stays finite for large x. */
export function bgNbdLogLikelihood(
  params: BgNbdParams,
  summaries: readonly PurchaseSummary[],
): number {
  return compressedLogLikelihood(params, compress(summaries));
}

export interface BgNbdFitOptions {
  /**
   * Fewer customers with a repeat purchase than this is "too little data": the estimates of
   * four parameters from a handful of people run off to the boundary (a, b -> 0 or r, α -> ∞)
   * and mean nothing. Default 10.
   */
  readonly minimumRepeatCustomers?: number;
}

export function fitBgNbd(
  summaries: readonly PurchaseSummary[],
  options: BgNbdFitOptions = {},
): BgNbdFit {
  const invalid = firstInvalid(summaries);
  if (invalid) return invalid;
  const customers = summaries.length;
  if (customers === 0) return cannotFit('no-customers', 'no purchase summaries', 0);
  const repeatCustomers = summaries.filter((s) => s.frequency > 0).length;
  if (repeatCustomers === 0) {
    return cannotFit(
      'no-repeat-purchases',
      'nobody bought twice, so the drop-out process cannot be estimated',
      customers,
    );
  }
  const minimum = options.minimumRepeatCustomers ?? 10;
  if (repeatCustomers < minimum) {
    return cannotFit(
      'too-little-data',
      `${repeatCustomers} customers with a repeat purchase; the model needs at least ${minimum}`,
      customers,
    );
  }
  const data = compress(summaries);
  const meanAge = summaries.reduce((s, c) => s + c.age, 0) / customers;
  // A start in the usual region (r and a below one, α about a cohort's age), never exactly 1:
  // the simplex steps are relative to the start's logarithms.
  const start = [0.5, Math.max(meanAge / 4, 0.1), 0.5, 2];
  const found = minimiseOverPositive(
    ([r, alpha, a, b]) => -compressedLogLikelihood({ r, alpha, a, b }, data),
    start,
  );
  const [r, alpha, a, b] = found.point;
  if (!Number.isFinite(found.value)) {
    return cannotFit('numerical-failure', 'the likelihood is not finite anywhere tried', customers);
  }
  return {
    status: 'fitted',
    params: { r, alpha, a, b },
    logLikelihood: -found.value,
    iterations: found.iterations,
    converged: found.converged,
    customers,
  };
}

/**
 * P(alive | x, t_x, T) = 1 / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x))  (paper, eq. 13
 * as 1 / (1 + ...)): someone who never came back is "alive" by the model's construction.
 */
export function probabilityAlive(params: BgNbdParams, customer: PurchaseSummary): number {
  const { r, alpha, a, b } = params;
  const { frequency: x, recency, age } = customer;
  if (x === 0) return 1;
  const logOdds = log(a / (b + x - 1)) + (r + x) * log((alpha + age) / (alpha + recency));
  return 1 / (1 + exp(logOdds));
}

/**
 * E[Y(t) | x, t_x, T]: expected purchases in the next t periods (paper, eq. 10):
 * (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))] · P(alive).
 */
export function conditionalExpectedPurchases(
  params: BgNbdParams,
  customer: PurchaseSummary,
  periods: number,
): number {
  if (periods <= 0) return 0;
  const { r, alpha, a, b } = params;
  const { frequency: x, age } = customer;
  const horizon = alpha + age + periods;
  const hyper = logHypergeometric2F1(r + x, b + x, a + b + x - 1, periods / horizon);
  const tail = hyper.sign * exp((r + x) * log((alpha + age) / horizon) + hyper.log);
  return ((a + b + x - 1) / (a - 1)) * (1 - tail) * probabilityAlive(params, customer);
}

/**
 * E[X(t)]: expected repeat purchases of a customer in her first t periods (paper, eq. 9):
 * (a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))].
 */
export function expectedPurchases(params: BgNbdParams, periods: number): number {
  if (periods <= 0) return 0;
  const { r, alpha, a, b } = params;
  const hyper = logHypergeometric2F1(r, b, a + b - 1, periods / (alpha + periods));
  const tail = hyper.sign * exp(r * log(alpha / (alpha + periods)) + hyper.log);
  return ((a + b - 1) / (a - 1)) * (1 - tail);
}

/**
 * P(X(t) = n): the probability that a new customer makes exactly n repeat purchases in her first
 * t periods (paper, eq. 8), for the calibration-period histogram of the paper's Figure 2:
 * B(a, b+n)/B(a, b) · NBD(n; r, α, t) + δ(n>0) · B(a+1, b+n−1)/B(a, b) · P(NBD(r, α, t) >= n).
 * The second term's bracket, 1 − Σ_{j<n} NBD(j), is summed as the tail Σ_{j>=n} NBD(j) instead,
 * which does not cancel to noise when it is small.
 */
export function probabilityOfPurchases(params: BgNbdParams, periods: number, n: number): number {
  const { r, alpha, a, b } = params;
  if (periods <= 0) return n === 0 ? 1 : 0;
  const logBetaAB = logBeta(a, b);
  const logStay = logBeta(a, b + n) - logBetaAB;
  const point = exp(logStay + logNbdPoint(r, alpha, periods, n));
  if (n === 0) return point;
  return point + exp(logBeta(a + 1, b + n - 1) - logBetaAB) * nbdTail(r, alpha, periods, n);
}

function logBeta(p: number, q: number): number {
  return logGamma(p) + logGamma(q) - logGamma(p + q);
}

/** ln P(N = n) for the NBD count of a Gamma(r, α)-mixed Poisson process over t. */
function logNbdPoint(r: number, alpha: number, t: number, n: number): number {
  return (
    logGamma(r + n) -
    logGamma(r) -
    logGamma(n + 1) +
    r * log(alpha / (alpha + t)) +
    n * log(t / (alpha + t))
  );
}

/** P(N >= n) for the same NBD, summed from n upwards (ratio of successive terms → t/(α+t) < 1). */
function nbdTail(r: number, alpha: number, t: number, n: number): number {
  const z = t / (alpha + t);
  let term = 1;
  let sum = 1;
  for (let j = n; j < n + 10_000_000; j++) {
    const ratio = ((r + j) / (j + 1)) * z;
    term *= ratio;
    sum += term;
    if (ratio < 1 && term <= 1e-17 * sum) break;
  }
  return exp(logNbdPoint(r, alpha, t, n) + log(sum));
}

function compressedLogLikelihood(params: BgNbdParams, data: CompressedSummaries): number {
  const { r, alpha, a, b } = params;
  const { distinctX } = data;
  // D1 of note 027 depends on x only: ln Γ(r+x) − ln Γ(r) + ln Γ(a+b) + ln Γ(b+x) − ln Γ(b) − ln Γ(a+b+x).
  const constant = -logGamma(r) + logGamma(a + b) - logGamma(b);
  const d1 = new Float64Array(distinctX.length);
  const logC4 = new Float64Array(distinctX.length);
  for (let k = 0; k < distinctX.length; k++) {
    const x = distinctX[k];
    d1[k] = constant + logGamma(r + x) + logGamma(b + x) - logGamma(a + b + x);
    logC4[k] = x > 0 ? log(a / (b + x - 1)) : -Infinity;
  }
  const logAlpha = log(alpha);
  let total = 0;
  for (let i = 0; i < data.rows; i++) {
    const x = data.x[i];
    const k = data.xIndex[i];
    const logAtRecency = log(alpha + data.recency[i]);
    const logAtAge = log(alpha + data.age[i]);
    // D2 = r ln α − (r+x) ln(α+t_x); C3 = ((α+t_x)/(α+T))^(r+x); C4 = a/(b+x−1) when x > 0.
    const d2 = r * logAlpha - (r + x) * logAtRecency;
    const logC3 = (r + x) * (logAtRecency - logAtAge);
    const c4 = logC4[k];
    let logSum: number;
    if (x === 0) logSum = logC3;
    else if (c4 > logC3) logSum = c4 + log1p(exp(logC3 - c4));
    else logSum = logC3 + log1p(exp(c4 - logC3));
    total += data.weight[i] * (d1[k] + d2 + logSum);
  }
  return total;
}

function compress(summaries: readonly PurchaseSummary[]): CompressedSummaries {
  const rowOf = new Map<string, number>();
  const xOf = new Map<number, number>();
  const weight: number[] = [];
  const xs: number[] = [];
  const recency: number[] = [];
  const age: number[] = [];
  const xIndex: number[] = [];
  const distinctX: number[] = [];
  for (const s of summaries) {
    const key = `${s.frequency}|${s.recency}|${s.age}`;
    const row = rowOf.get(key);
    if (row !== undefined) {
      weight[row] += 1;
      continue;
    }
    let k = xOf.get(s.frequency);
    if (k === undefined) {
      k = distinctX.length;
      xOf.set(s.frequency, k);
      distinctX.push(s.frequency);
    }
    rowOf.set(key, weight.length);
    weight.push(1);
    xs.push(s.frequency);
    recency.push(s.recency);
    age.push(s.age);
    xIndex.push(k);
  }
  return {
    rows: weight.length,
    weight: Float64Array.from(weight),
    x: Float64Array.from(xs),
    recency: Float64Array.from(recency),
    age: Float64Array.from(age),
    xIndex: Int32Array.from(xIndex),
    distinctX: Float64Array.from(distinctX),
    customers: summaries.length,
  };
}

/** Summaries the model cannot describe: negative or non-finite values, a last purchase after the end. */
function firstInvalid(summaries: readonly PurchaseSummary[]): CannotFit | undefined {
  for (let i = 0; i < summaries.length; i++) {
    const { frequency, recency, age } = summaries[i];
    const ok =
      Number.isFinite(frequency) &&
      Number.isFinite(recency) &&
      Number.isFinite(age) &&
      frequency >= 0 &&
      recency >= 0 &&
      recency <= age &&
      (frequency > 0 || recency === 0);
    if (!ok) {
      return cannotFit(
        'invalid-summary',
        `summary ${i} (frequency ${frequency}, recency ${recency}, age ${age}) needs ` +
          '0 <= recency <= age, frequency >= 0, and recency 0 when frequency is 0',
        summaries.length,
      );
    }
  }
  return undefined;
}

function cannotFit(reason: CannotFit['reason'], detail: string, customers: number): CannotFit {
  return { status: 'cannot-fit', reason, detail, customers };
}
