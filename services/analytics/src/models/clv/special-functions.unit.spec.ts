import { logGamma, logHypergeometric2F1 } from './special-functions';

describe('logGamma', () => {
  it('gives Γ at points with closed forms: Γ(1/2) = √π, Γ(1) = Γ(2) = 1, Γ(10) = 9!', () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(logGamma(1)).toBeCloseTo(0, 13);
    expect(logGamma(2)).toBeCloseTo(0, 13);
    expect(logGamma(10)).toBeCloseTo(Math.log(362_880), 12);
  });

  it('stays accurate for small and large arguments (Γ(x+1) = xΓ(x); Stirling at 1e6)', () => {
    expect(logGamma(1e-3 + 1) - logGamma(1e-3)).toBeCloseTo(Math.log(1e-3), 11);
    const x = 1e6;
    const stirling = (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x);
    expect(logGamma(x) / stirling).toBeCloseTo(1, 14);
  });
});

describe('logHypergeometric2F1', () => {
  const value = (a: number, b: number, c: number, z: number) => {
    const { log, sign } = logHypergeometric2F1(a, b, c, z);
    return sign * Math.exp(log);
  };

  it('matches the closed forms ₂F₁(1,1;2;z) = −ln(1−z)/z and ₂F₁(a,b;b;z) = (1−z)^−a', () => {
    for (const z of [0.01, 0.5, 0.9, 0.99]) {
      expect(value(1, 1, 2, z)).toBeCloseTo(-Math.log(1 - z) / z, 10);
      expect(value(0.7, 3.2, 3.2, z)).toBeCloseTo((1 - z) ** -0.7, 9);
    }
  });

  it('returns the logarithm without overflowing when the sum exceeds double range (many purchases)', () => {
    // (1 − 0.9)^−2000 = 10^2000: far beyond Number.MAX_VALUE, fine as a logarithm.
    const { log, sign } = logHypergeometric2F1(2000, 5, 5, 0.9);
    expect(sign).toBe(1);
    expect(log).toBeCloseTo(-2000 * Math.log(0.1), 6);
  });

  it('is NaN outside 0 <= z < 1, and 1 at z = 0', () => {
    expect(logHypergeometric2F1(1, 1, 2, 1).log).toBeNaN();
    expect(logHypergeometric2F1(1, 1, 2, -0.1).log).toBeNaN();
    expect(logHypergeometric2F1(1, 1, 2, 0)).toEqual({ log: 0, sign: 1 });
  });
});
