import { applyBasisPoints, applyPercent, multiply, sum } from './money';

describe('money in minor units', () => {
  it.each([
    [1000, 1900, 190], // 19 % of 10.00 = 1.90
    [1, 5000, 1], // 0.5 cent rounds half up
    [3, 5000, 2], // 1.5 -> 2
    [-3, 5000, -2], // half away from zero
    [999, 1, 0], // 0.0999 cent
    [4_199_999, 1250, 525_000], // 524 999.875 -> 525 000
  ])('%i x %i bp = %i', (amount, bp, expected) => {
    expect(applyBasisPoints(amount, bp)).toBe(expected);
  });

  it('never drifts the way float sums do', () => {
    // 0.1 + 0.2 in floats is 0.30000000000000004; in cents it is exactly 30.
    expect(sum([10, 20])).toBe(30);
    expect(sum(Array.from({ length: 1000 }, () => 10))).toBe(10_000);
  });

  it('weights by whole percent', () => {
    expect(applyPercent(4_500_000, 70)).toBe(3_150_000);
    expect(applyPercent(333, 33)).toBe(110); // 109.89
  });

  it('refuses amounts it cannot represent exactly', () => {
    expect(() => multiply(Number.MAX_SAFE_INTEGER, 2)).toThrow(
      expect.objectContaining({ code: 'AmountTooLarge' }),
    );
  });
});
