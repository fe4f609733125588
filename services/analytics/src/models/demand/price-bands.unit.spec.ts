/**
 * Quantiles as R's quantile(type = 7). Reference: summary(mtcars2) in R's saved example run
 * tests/Examples/datasets-Ex.Rout.save (github.com/wch/r-source, commit
 * 0c26529e807a9b1dd65f7324958c17bf72e1de1a): mpg 1st Qu. 15.43, median 19.20, 3rd Qu. 22.80;
 * disp 120.8, 196.3, 326.0 (summary prints 4 significant digits).
 */
import { loadColumn } from './fixtures/load';
import { priceBandOf, priceBands, quantiles } from './price-bands';

const mpg = loadColumn('mtcars.csv', 0);
const disp = loadColumn('mtcars.csv', 1);

describe('quantiles (type 7)', () => {
  it('reproduces summary(mtcars) quartiles', () => {
    const [q1, q2, q3] = quantiles(mpg, [0.25, 0.5, 0.75]);
    expect(q1.toPrecision(4)).toBe('15.43');
    expect(q2.toPrecision(4)).toBe('19.20');
    expect(q3.toPrecision(4)).toBe('22.80');
    expect(quantiles(disp, [0.25, 0.5, 0.75]).map((q) => q.toPrecision(4))).toEqual([
      '120.8',
      '196.3',
      '326.0',
    ]);
  });
});

describe('priceBands', () => {
  it('cuts at the quartiles into four bands, cheapest first', () => {
    const bands = priceBands(mpg, 4);
    expect(bands.map((b) => [b.band, b.lower, b.upper])).toEqual([
      [1, 10.4, 15.425],
      [2, 15.425, 19.2],
      [3, 19.2, 22.8],
      [4, 22.8, 33.9],
    ]);
    expect(priceBandOf(bands, 10.4)).toBe(1);
    expect(priceBandOf(bands, 15.425)).toBe(2);
    expect(priceBandOf(bands, 33.9)).toBe(4);
    expect(priceBandOf(bands, 99)).toBe(4);
    expect(priceBandOf(bands, 1)).toBe(1);
  });

  it('merges repeated cuts when many sales share a price', () => {
    const bands = priceBands([10, 10, 10, 10, 10, 10, 20, 30], 4);
    expect(bands.map((b) => [b.lower, b.upper])).toEqual([
      [10, 12.5],
      [12.5, 30],
    ]);
  });

  it('gives no bands without prices, and no band for a non-finite price', () => {
    expect(priceBands([], 3)).toEqual([]);
    expect(priceBands([Number.NaN], 3)).toEqual([]);
    expect(priceBandOf(priceBands([1, 2], 2), Number.NaN)).toBeUndefined();
  });
});
