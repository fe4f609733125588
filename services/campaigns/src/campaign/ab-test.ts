/**
 * The statistics of a campaign's A/B test, pure: counts in, a decision out.
 *
 * - `twoProportionZTest`: the pooled two-proportion z-test with its two-sided p-value (the same
 *   as R's `prop.test(x, n, correct = FALSE)`, whose X-squared is z²).
 * - `chiSquaredHomogeneity`: Pearson's chi-squared over all k variants at once (k - 1 degrees of
 *   freedom), the omnibus alternative (R's `prop.test` with k groups).
 * - `decideAbTest`: the winner, "no significant difference" or "not enough data". With k > 2
 *   variants the best observed rate is compared with each other variant (k - 1 tests); each
 *   test must pass at significance / (k - 1) (Bonferroni), so the chance of naming a winner
 *   when all variants are alike stays at most `significance` however many variants there are.
 *   The best wins only if it beats every other variant; otherwise nobody wins, and we say so.
 * - `requiredSamplePerVariant`: how many recipients each variant needs to detect a given lift
 *   with a given power (the normal-approximation formula R's `power.prop.test` solves).
 *
 * Normal and chi-squared tails come from erfc (series below 2, continued fraction above), so no
 * table and no library are needed; both are accurate to ~1e-14 relative, far below what a
 * marketing decision needs.
 */

export const AB_METRICS = ['opened', 'clicked', 'converted'] as const;
export type AbMetric = (typeof AB_METRICS)[number];

export interface Proportion {
  /** Recipients of the variant (the denominator). */
  readonly trials: number;
  /** Of them, how many did the metric (opened, clicked, converted). */
  readonly successes: number;
}

export interface VariantCounts extends Proportion {
  readonly variant: string;
}

export interface ZTestResult {
  readonly z: number;
  /** Two-sided p-value. */
  readonly pValue: number;
  /** Rate of a minus rate of b. */
  readonly difference: number;
  readonly pooledRate: number;
}

/** Pooled two-proportion z-test of a against b; a pooled rate of 0 or 1 is no evidence (z 0, p 1). */
export function twoProportionZTest(a: Proportion, b: Proportion): ZTestResult {
  assertProportion(a);
  assertProportion(b);
  const rateA = a.successes / a.trials;
  const rateB = b.successes / b.trials;
  const pooledRate = (a.successes + b.successes) / (a.trials + b.trials);
  const variance = pooledRate * (1 - pooledRate) * (1 / a.trials + 1 / b.trials);
  const difference = rateA - rateB;
  if (variance === 0) return { z: 0, pValue: 1, difference, pooledRate };
  const z = difference / Math.sqrt(variance);
  return { z, pValue: twoSidedNormalPValue(z), difference, pooledRate };
}

export interface ChiSquaredResult {
  readonly statistic: number;
  readonly degreesOfFreedom: number;
  readonly pValue: number;
}

/** Pearson's chi-squared test that all groups share one rate (a 2 x k table, no continuity correction). */
export function chiSquaredHomogeneity(groups: readonly Proportion[]): ChiSquaredResult {
  if (groups.length < 2) throw new RangeError('the chi-squared test needs at least two groups');
  groups.forEach(assertProportion);
  const trials = groups.reduce((sum, g) => sum + g.trials, 0);
  const pooled = groups.reduce((sum, g) => sum + g.successes, 0) / trials;
  const degreesOfFreedom = groups.length - 1;
  if (pooled === 0 || pooled === 1) return { statistic: 0, degreesOfFreedom, pValue: 1 };
  const statistic = groups.reduce(
    (sum, g) => sum + (g.successes - g.trials * pooled) ** 2 / (g.trials * pooled * (1 - pooled)),
    0,
  );
  return { statistic, degreesOfFreedom, pValue: chiSquaredUpperTail(statistic, degreesOfFreedom) };
}

export interface AbTestSettings {
  /** The family-wise significance level, e.g. 0.05. */
  readonly significance: number;
  readonly minimumSamplePerVariant: number;
}

export interface PairwiseComparison {
  /** The variant the best is compared with. */
  readonly against: string;
  readonly z: number;
  readonly pValue: number;
  /** min(1, p x comparisons): compare with `significance` directly. */
  readonly adjustedPValue: number;
  readonly significant: boolean;
}

export type AbDecision =
  | {
      readonly outcome: 'not-enough-data';
      /** Variants below the minimum sample. */
      readonly waitingFor: readonly string[];
      readonly minimumSamplePerVariant: number;
    }
  | {
      readonly outcome: 'winner' | 'no-significant-difference';
      /** The variant with the best observed rate (the winner when outcome is winner). */
      readonly best: string;
      readonly comparisons: readonly PairwiseComparison[];
      /** significance / comparisons: the level each pairwise p-value must beat. */
      readonly perComparisonSignificance: number;
      /** The omnibus test over all variants, for the record. */
      readonly chiSquared: ChiSquaredResult;
    };

/** Decide the test from each variant's counts (in the campaign's variant order; ties go to the first). */
export function decideAbTest(
  variants: readonly VariantCounts[],
  settings: AbTestSettings,
): AbDecision {
  if (variants.length < 2) throw new RangeError('an A/B test needs at least two variants');
  if (!(settings.significance > 0 && settings.significance < 1))
    throw new RangeError('significance must be between 0 and 1');
  variants.forEach((v) => assertCounts(v));
  // A variant nobody received is never enough data, whatever the configured minimum.
  const waitingFor = variants
    .filter((v) => v.trials < Math.max(1, settings.minimumSamplePerVariant))
    .map((v) => v.variant);
  if (waitingFor.length > 0)
    return {
      outcome: 'not-enough-data',
      waitingFor,
      minimumSamplePerVariant: settings.minimumSamplePerVariant,
    };
  const best = variants.reduce((top, v) =>
    v.successes / v.trials > top.successes / top.trials ? v : top,
  );
  const tests = variants.length - 1;
  const perComparisonSignificance = settings.significance / tests;
  const comparisons = variants
    .filter((v) => v !== best)
    .map((other): PairwiseComparison => {
      const { z, pValue } = twoProportionZTest(best, other);
      const adjustedPValue = Math.min(1, pValue * tests);
      return {
        against: other.variant,
        z,
        pValue,
        adjustedPValue,
        significant: z > 0 && pValue < perComparisonSignificance,
      };
    });
  return {
    outcome: comparisons.every((c) => c.significant) ? 'winner' : 'no-significant-difference',
    best: best.variant,
    comparisons,
    perComparisonSignificance,
    chiSquared: chiSquaredHomogeneity(variants),
  };
}

/**
 * Recipients per variant to detect `baseline` -> `expected` with a two-sided test at
 * `significance` and the given `power`:
 * n = (z(1-a/2) sqrt(2 pbar qbar) + z(power) sqrt(p1 q1 + p2 q2))² / (p1 - p2)², rounded up.
 */
export function requiredSamplePerVariant(
  baseline: number,
  expected: number,
  significance = 0.05,
  power = 0.8,
): number {
  for (const [name, p] of [
    ['baseline', baseline],
    ['expected', expected],
    ['significance', significance],
    ['power', power],
  ] as const)
    if (!(p > 0 && p < 1)) throw new RangeError(`${name} must be between 0 and 1`);
  if (baseline === expected) throw new RangeError('baseline and expected rates must differ');
  const mean = (baseline + expected) / 2;
  const root =
    normalQuantile(1 - significance / 2) * Math.sqrt(2 * mean * (1 - mean)) +
    normalQuantile(power) * Math.sqrt(baseline * (1 - baseline) + expected * (1 - expected));
  return Math.ceil((root / (baseline - expected)) ** 2);
}

/** P(|Z| >= |z|) for a standard normal Z. */
export function twoSidedNormalPValue(z: number): number {
  return erfc(Math.abs(z) / Math.SQRT2);
}

/** P(Z <= x). */
export function normalCdf(x: number): number {
  return x >= 0 ? 1 - erfc(x / Math.SQRT2) / 2 : erfc(-x / Math.SQRT2) / 2;
}

/** The x with normalCdf(x) = p, by bisection (monotone, 1e-12 close; only used for sample sizes). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError('p must be between 0 and 1');
  let low = -40;
  let high = 40;
  while (high - low > 1e-12) {
    const mid = (low + high) / 2;
    if (normalCdf(mid) < p) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/**
 * P(X >= x) for X ~ chi-squared(df), df a positive integer, in closed form: even df a finite
 * Poisson sum, odd df erfc plus a finite sum over half-integer gamma values.
 */
export function chiSquaredUpperTail(x: number, df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new RangeError('df must be a positive integer');
  if (x <= 0) return 1;
  const half = x / 2;
  let sum = 0;
  if (df % 2 === 0) {
    let term = 1; // half^i / i!
    for (let i = 0; i < df / 2; i++) {
      if (i > 0) term *= half / i;
      sum += term;
    }
    return Math.min(1, Math.exp(-half) * sum);
  }
  let term = Math.sqrt(half) / GAMMA_HALF_TIMES_HALF; // half^(1/2) / Gamma(3/2)
  for (let i = 1; i <= (df - 1) / 2; i++) {
    if (i > 1) term *= half / (i - 0.5);
    sum += term;
  }
  return Math.min(1, erfc(Math.sqrt(half)) + Math.exp(-half) * sum);
}

/** Gamma(3/2) = sqrt(pi) / 2. */
const GAMMA_HALF_TIMES_HALF = Math.sqrt(Math.PI) / 2;

/** The complementary error function for x >= 0 (and by symmetry below). */
export function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x);
  if (x < 2) {
    // erf(x) = 2/sqrt(pi) e^(-x²) sum (2x²)^n x / (1·3·…·(2n+1)): all terms positive.
    let term = x;
    let sum = x;
    for (let n = 1; n < 200 && term > sum * 1e-17; n++) {
      term *= (2 * x * x) / (2 * n + 1);
      sum += term;
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum;
  }
  if (x > 27) return 0;
  // erfc(x) = e^(-x²)/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), evaluated backwards.
  let tail = x;
  for (let n = 120; n >= 1; n--) tail = x + n / 2 / tail;
  return Math.exp(-x * x) / (Math.sqrt(Math.PI) * tail);
}

function assertProportion(p: Proportion): void {
  assertCounts(p);
  if (p.trials < 1) throw new RangeError('trials must be a positive integer');
}

function assertCounts(p: Proportion): void {
  if (!Number.isInteger(p.trials) || p.trials < 0)
    throw new RangeError('trials must be a non-negative integer');
  if (!Number.isInteger(p.successes) || p.successes < 0 || p.successes > p.trials)
    throw new RangeError('successes must be an integer between 0 and trials');
}
