/**
 * Normal quantiles against their published decimal expansions (OEIS, computed at 100 digits
 * with PARI): A329283 z_0.995 = 2.57582930354890076097857674860..., A329285 z_0.9995 =
 * 3.2905267314..., A329286 z_0.9999 = 3.71901648545568056439366062450...
 * (https://oeis.org/A329283, https://oeis.org/A329285, https://oeis.org/A329286).
 */
import { normalCdf, normalQuantile } from './normal-quantile';

describe('normalQuantile', () => {
  it('matches the published quantiles to 1e-11 (Φ by series loses a few digits in the tails)', () => {
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489, 11);
    expect(normalQuantile(0.9995)).toBeCloseTo(3.2905267314, 9);
    expect(normalQuantile(0.9999)).toBeCloseTo(3.71901648545568, 11);
    expect(normalQuantile(0.0001)).toBeCloseTo(-3.71901648545568, 11);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 15);
  });

  it('inverts the distribution function across the range intervals use', () => {
    for (const p of [1e-12, 1e-6, 0.01, 0.1, 0.3, 0.6, 0.9, 0.99, 0.999999]) {
      expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 15);
    }
  });

  it('is ±Infinity at 0 and 1 and NaN outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.5)).toBeNaN();
    expect(normalQuantile(Number.NaN)).toBeNaN();
  });
});
