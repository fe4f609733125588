/**
 * The standard normal tail, for the Wald test p-values of the regression's coefficients
 * (Pr(>|z|) in R's summary.glm). Only four significant digits are ever shown, so the Chebyshev
 * fit of erfc with fractional error below 1.2e-7 everywhere (Press, Teukolsky, Vetterling &
 * Flannery, Numerical Recipes, 2nd ed., section 6.2) is more than enough.
 */

const ERFC_COEFFICIENTS = [
  -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587,
  -0.82215223, 0.17087277,
];

/** Complementary error function erfc(x) = 1 - erf(x). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  let polynomial = 0;
  for (let i = ERFC_COEFFICIENTS.length - 1; i >= 0; i--) {
    polynomial = polynomial * t + ERFC_COEFFICIENTS[i];
  }
  const value = t * Math.exp(-z * z + polynomial);
  return x >= 0 ? value : 2 - value;
}

/** Two-sided p-value of a standard normal statistic: P(|Z| >= |z|). */
export function twoSidedNormalP(z: number): number {
  if (!Number.isFinite(z)) return 0;
  return erfc(Math.abs(z) / Math.SQRT2);
}
