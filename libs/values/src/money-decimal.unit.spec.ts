import { currencyMinorDigits, decimalOfMinorUnits, minorUnitsOfDecimal } from './money-decimal';

describe('money as a decimal string', () => {
  it('knows each currency exponent from ISO 4217 (EUR 2, JPY 0, BHD 3; unknown codes 2)', () => {
    expect([
      currencyMinorDigits('EUR'),
      currencyMinorDigits('JPY'),
      currencyMinorDigits('BHD'),
    ]).toEqual([2, 0, 3]);
    expect(currencyMinorDigits('not a code')).toBe(2);
  });

  it.each([
    [5, 'EUR', '0.05'],
    [123450, 'EUR', '1234.50'],
    [-7, 'EUR', '-0.07'],
    [1000, 'JPY', '1000'],
    [1234, 'BHD', '1.234'],
  ])('%d minor units of %s are %j', (minor, currency, decimal) => {
    expect(decimalOfMinorUnits(minor, currency)).toBe(decimal);
    expect(minorUnitsOfDecimal(decimal, currency)).toBe(minor);
  });

  it('rounds digits beyond the exponent half up, and refuses what is not a plain decimal', () => {
    expect(minorUnitsOfDecimal('10.004999', 'EUR')).toBe(1000);
    expect(minorUnitsOfDecimal('10.005', 'EUR')).toBe(1001);
    expect(minorUnitsOfDecimal('1e3', 'EUR')).toBeNull();
    expect(minorUnitsOfDecimal('99999999999999999999', 'EUR')).toBeNull();
  });
});
