/**
 * Standard normal distribution function and its inverse, for prediction intervals (the z of a
 * 95 % interval). Φ by Marsaglia's Taylor series (G. Marsaglia, "Evaluating the Normal
 * Distribution", Journal of Statistical Software 11(4), 2004): Φ(x) = 1/2 + φ(x) Σ x^(2k+1)/(2k+1)!!,
 * whose terms are all positive, so it is accurate to about 1e-15 absolute for |x| < 8; beyond
 * that Φ is 0 or 1 in double precision. The quantile is found by Newton's method on Φ.
 */

const INV_SQRT_2PI = 0.3989422804014327;

export function normalCdf(x: number): number {
  if (x < -8) return 0;
  if (x > 8) return 1;
  let term = x;
  let sum = x;
  const x2 = x * x;
  for (let k = 1; k < 500; k++) {
    term *= x2 / (2 * k + 1);
    const next = sum + term;
    if (next === sum) break;
    sum = next;
  }
  return 0.5 + sum * INV_SQRT_2PI * Math.exp(-0.5 * x2);
}

/** z with Φ(z) = p, for 0 < p < 1 (±Infinity at 0 and 1, NaN outside). */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  // Work on the lower tail, where Φ's absolute accuracy is also relative accuracy enough.
  if (p > 0.5) return -normalQuantile(1 - p);
  // Start from Abramowitz & Stegun 26.2.23 (error < 4.5e-4), then Newton on Φ.
  const t = Math.sqrt(-2 * Math.log(p));
  let z = -(
    t -
    (2.515517 + 0.802853 * t + 0.010328 * t * t) /
      (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t)
  );
  for (let i = 0; i < 50; i++) {
    const density = INV_SQRT_2PI * Math.exp(-0.5 * z * z);
    if (density === 0) break;
    const step = (normalCdf(z) - p) / density;
    z -= step;
    if (Math.abs(step) < 1e-15 * Math.max(1, Math.abs(z))) break;
  }
  return z;
}
