/**
 * The A/B statistics against published numbers:
 * - R, `prop.test(c(45, 65), c(100, 120), correct = FALSE)`: X-squared = 1.8333, df = 1,
 *   p-value = 0.1757 (printed at https://www.statscodes.com/tests-and-intervals/two-proportions-tests-in-r/).
 * - R's own `?prop.test` example, `smokers <- c(83, 90, 129, 70); patients <- c(86, 93, 136, 82);
 *   prop.test(smokers, patients)`: X-squared = 12.6, df = 3, p-value = 0.005585 (more than two
 *   groups: no continuity correction is applied).
 * - erfc and chi-squared quantiles from Abramowitz & Stegun tables (7.1, 26.7): erfc(1) =
 *   0.1572992070, qchisq(0.95, df) = 3.841459 (1), 5.991465 (2), 7.814728 (3), 9.487729 (4).
 */
import fc from 'fast-check';
import {
  chiSquaredHomogeneity,
  chiSquaredUpperTail,
  decideAbTest,
  erfc,
  normalCdf,
  normalQuantile,
  requiredSamplePerVariant,
  twoProportionZTest,
} from './ab-test';

describe('two-proportion z-test', () => {
  it("matches R's prop.test(c(45, 65), c(100, 120), correct = FALSE): X-squared 1.8333, p 0.1757", () => {
    const r = twoProportionZTest({ successes: 45, trials: 100 }, { successes: 65, trials: 120 });
    expect(r.z * r.z).toBeCloseTo(1.8333, 4);
    expect(r.pValue).toBeCloseTo(0.1757, 4);
    expect(r.z).toBeLessThan(0); // 0.45 < 0.5417
    expect(r.pooledRate).toBe(0.5);
  });

  it('is symmetric: swapping the groups flips z and keeps p', () => {
    const counts = fc.tuple(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 5000 }));
    fc.assert(
      fc.property(
        counts,
        counts,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ([n1], [n2], f1, f2) => {
          const a = { trials: n1, successes: Math.floor(n1 * f1) };
          const b = { trials: n2, successes: Math.floor(n2 * f2) };
          const ab = twoProportionZTest(a, b);
          const ba = twoProportionZTest(b, a);
          expect(ba.z).toBeCloseTo(-ab.z, 10);
          expect(ba.pValue).toBeCloseTo(ab.pValue, 12);
          expect(ab.pValue).toBeGreaterThanOrEqual(0);
          expect(ab.pValue).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('equals the chi-squared test for two groups (z² = X-squared, same p)', () => {
    const a = { successes: 120, trials: 1000 };
    const b = { successes: 90, trials: 1000 };
    const z = twoProportionZTest(a, b);
    const chi = chiSquaredHomogeneity([a, b]);
    expect(chi.statistic).toBeCloseTo(z.z ** 2, 10);
    expect(chi.pValue).toBeCloseTo(z.pValue, 12);
  });

  it('gives no evidence when nobody (or everybody) converted, and refuses impossible counts', () => {
    expect(
      twoProportionZTest({ successes: 0, trials: 10 }, { successes: 0, trials: 20 }),
    ).toMatchObject({ z: 0, pValue: 1 });
    expect(
      twoProportionZTest({ successes: 10, trials: 10 }, { successes: 5, trials: 5 }).pValue,
    ).toBe(1);
    expect(() =>
      twoProportionZTest({ successes: 3, trials: 2 }, { successes: 1, trials: 2 }),
    ).toThrow(RangeError);
    expect(() =>
      twoProportionZTest({ successes: 0, trials: 0 }, { successes: 1, trials: 2 }),
    ).toThrow(RangeError);
    expect(() =>
      twoProportionZTest({ successes: 0.5, trials: 2 }, { successes: 1, trials: 2 }),
    ).toThrow(RangeError);
  });
});

describe('chi-squared over k variants', () => {
  it("matches R's ?prop.test smokers example: X-squared 12.6, df 3, p 0.005585", () => {
    const smokers = [83, 90, 129, 70];
    const patients = [86, 93, 136, 82];
    const r = chiSquaredHomogeneity(smokers.map((s, i) => ({ successes: s, trials: patients[i] })));
    expect(r.statistic).toBeCloseTo(12.6, 1);
    expect(r.degreesOfFreedom).toBe(3);
    expect(r.pValue).toBeCloseTo(0.005585, 6);
  });

  it('upper tails at the tabulated 95% quantiles are 0.05 for df 1 to 4', () => {
    for (const [x, df] of [
      [3.841459, 1],
      [5.991465, 2],
      [7.814728, 3],
      [9.487729, 4],
    ])
      expect(chiSquaredUpperTail(x, df)).toBeCloseTo(0.05, 6);
    expect(chiSquaredUpperTail(0, 3)).toBe(1);
  });
});

describe('normal tails', () => {
  it('erfc and the normal cdf at tabulated points', () => {
    expect(erfc(0)).toBe(1);
    expect(erfc(1)).toBeCloseTo(0.157299207050285, 14);
    expect(erfc(0.5)).toBeCloseTo(0.479500122186953, 14);
    expect(erfc(3) / 2.20904969985854e-5).toBeCloseTo(1, 10);
    expect(erfc(-1)).toBeCloseTo(2 - 0.157299207050285, 14);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 12);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 9);
  });

  it('erfc is continuous where the series hands over to the continued fraction', () => {
    expect(erfc(2 - 1e-12) / erfc(2)).toBeCloseTo(1, 9);
    expect(erfc(2)).toBeCloseTo(0.004677734981047266, 15);
  });
});

describe('the A/B decision', () => {
  const settings = { significance: 0.05, minimumSamplePerVariant: 500 };

  it('names the winner when the best beats the other significantly', () => {
    const d = decideAbTest(
      [
        { variant: 'A', trials: 1000, successes: 100 },
        { variant: 'B', trials: 1000, successes: 150 },
      ],
      settings,
    );
    expect(d).toMatchObject({ outcome: 'winner', best: 'B', perComparisonSignificance: 0.05 });
    if (d.outcome === 'not-enough-data') throw new Error('unreachable');
    expect(d.comparisons[0].pValue).toBeLessThan(0.001);
  });

  it('says "no significant difference" when the data do not decide (and names no winner)', () => {
    // The R example above as an A/B: p 0.1757 is not below 0.05.
    const d = decideAbTest(
      [
        { variant: 'A', trials: 100, successes: 45 },
        { variant: 'B', trials: 120, successes: 65 },
      ],
      { significance: 0.05, minimumSamplePerVariant: 100 },
    );
    expect(d).toMatchObject({ outcome: 'no-significant-difference', best: 'B' });
  });

  it('waits for the minimum sample of every variant, zero sends included', () => {
    expect(
      decideAbTest(
        [
          { variant: 'A', trials: 499, successes: 400 },
          { variant: 'B', trials: 2000, successes: 10 },
          { variant: 'C', trials: 0, successes: 0 },
        ],
        settings,
      ),
    ).toEqual({ outcome: 'not-enough-data', waitingFor: ['A', 'C'], minimumSamplePerVariant: 500 });
    expect(
      decideAbTest(
        [
          { variant: 'A', trials: 0, successes: 0 },
          { variant: 'B', trials: 0, successes: 0 },
        ],
        { significance: 0.05, minimumSamplePerVariant: 0 },
      ).outcome,
    ).toBe('not-enough-data');
  });

  it('with three variants each comparison must pass at 0.05 / 2 (Bonferroni)', () => {
    // B vs A: z² ≈ 4.5 (p ≈ 0.034): significant alone, not at 0.025.
    const variants = [
      { variant: 'A', trials: 1000, successes: 100 },
      { variant: 'B', trials: 1000, successes: 128 },
      { variant: 'C', trials: 1000, successes: 60 },
    ];
    const pAB = twoProportionZTest(variants[1], variants[0]).pValue;
    expect(pAB).toBeGreaterThan(0.025);
    expect(pAB).toBeLessThan(0.05);
    const d = decideAbTest(variants, settings);
    expect(d).toMatchObject({
      outcome: 'no-significant-difference',
      best: 'B',
      perComparisonSignificance: 0.025,
    });
    if (d.outcome === 'not-enough-data') throw new Error('unreachable');
    expect(d.comparisons.map((c) => [c.against, c.significant])).toEqual([
      ['A', false],
      ['C', true],
    ]);
    expect(d.comparisons[0].adjustedPValue).toBeCloseTo(2 * pAB, 12);
    // The same pair alone (k = 2) does win at 0.05.
    expect(decideAbTest(variants.slice(0, 2), settings).outcome).toBe('winner');
  });

  it('names a winner among identical variants in at most ~significance of random trials', () => {
    // Seeded simulation of a null A/A/A test: the family-wise false-winner rate stays <= 5% (+ noise).
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let winners = 0;
    const runs = 400;
    for (let run = 0; run < runs; run++) {
      const variants = ['A', 'B', 'C'].map((variant) => {
        let successes = 0;
        for (let i = 0; i < 600; i++) if (random() < 0.1) successes++;
        return { variant, trials: 600, successes };
      });
      if (decideAbTest(variants, settings).outcome === 'winner') winners++;
    }
    expect(winners / runs).toBeLessThan(0.08);
  });

  it('refuses a single variant and a significance outside (0, 1)', () => {
    expect(() => decideAbTest([{ variant: 'A', trials: 1, successes: 0 }], settings)).toThrow(
      RangeError,
    );
    expect(() =>
      decideAbTest(
        [
          { variant: 'A', trials: 1, successes: 0 },
          { variant: 'B', trials: 1, successes: 0 },
        ],
        { significance: 1, minimumSamplePerVariant: 1 },
      ),
    ).toThrow(RangeError);
  });
});

describe('required sample per variant', () => {
  it('at the computed n the test reaches the requested power, and at n - 1 it does not', () => {
    const power = (n: number, p1: number, p2: number) => {
      const mean = (p1 + p2) / 2;
      const spread = Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
      return normalCdf(
        (Math.sqrt(n) * Math.abs(p1 - p2) - 1.959963984540054 * Math.sqrt(2 * mean * (1 - mean))) /
          spread,
      );
    };
    for (const [p1, p2] of [
      [0.5, 0.75],
      [0.1, 0.12],
      [0.02, 0.03],
    ]) {
      const n = requiredSamplePerVariant(p1, p2, 0.05, 0.9);
      expect(power(n, p1, p2)).toBeGreaterThanOrEqual(0.9);
      expect(power(n - 1, p1, p2)).toBeLessThan(0.9);
    }
    // R's power.prop.test(p1 = .50, p2 = .75, power = .90) prints n = 76.7 per group.
    expect(requiredSamplePerVariant(0.5, 0.75, 0.05, 0.9)).toBe(77);
    expect(() => requiredSamplePerVariant(0.1, 0.1)).toThrow(RangeError);
  });
});
