import {
  applyBasisPoints,
  applyPercent,
  multiply,
  parseBasisPoints,
  parseCurrency,
  parseMinorUnits,
  parseMoney,
  sum,
} from './money';

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
      expect.objectContaining({ code: 'AmountTooLarge', kind: 'invalid' }),
    );
  });
});

describe('parsing money', () => {
  it('takes a currency in circulation', () => {
    expect(parseCurrency('EUR')).toBe('EUR');
    expect(parseCurrency('JPY')).toBe('JPY');
  });

  it.each(['ABC', 'XTS', 'eur', 'EURO', '', 978])('refuses currency %j', (raw) =>
    expect(() => parseCurrency(raw, 'lines[0].currency')).toThrow(
      expect.objectContaining({ code: 'InvalidCurrency', field: 'lines[0].currency' }),
    ),
  );

  it.each([1.5, -1, Number.MAX_SAFE_INTEGER + 1, '100', Number.NaN])('refuses amount %j', (raw) =>
    expect(() => parseMinorUnits(raw, 'amountMinor')).toThrow(
      expect.objectContaining({ code: 'InvalidAmount', field: 'amountMinor' }),
    ),
  );

  it('takes a negative amount only when asked to', () =>
    expect(parseMinorUnits(-250, 'delta', { allowNegative: true })).toBe(-250));

  it('parses both parts, naming the one that is wrong', () => {
    expect(parseMoney({ amountMinor: 4500, currency: 'EUR' }, 'price')).toEqual({
      amountMinor: 4500,
      currency: 'EUR',
    });
    expect(() => parseMoney({ amountMinor: 4500, currency: 'ABC' }, 'price')).toThrow(
      expect.objectContaining({ code: 'InvalidCurrency', field: 'price.currency' }),
    );
  });

  it.each([-1, 10_001, 1.5])('refuses rate %j', (raw) =>
    expect(() => parseBasisPoints(raw, 'taxRateBps')).toThrow(
      expect.objectContaining({ code: 'InvalidRate', field: 'taxRateBps' }),
    ),
  );
  it('takes rates up to a ceiling', () => {
    expect(parseBasisPoints(10_000, 'discountBps')).toBe(10_000);
    expect(() => parseBasisPoints(5_001, 'discountBps', 5_000)).toThrow(
      expect.objectContaining({ code: 'InvalidRate' }),
    );
  });
});
