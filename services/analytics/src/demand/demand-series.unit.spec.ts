/**
 * The series the demand job fits, from the sales rows it reads: months filled with 0, product
 * series from their first sale, price bands per currency at the type 7 quartiles of line prices
 * (R: quantile(c(rep(1000, 6), rep(1200, 2), 5000, 9000), c(.25, .5, .75)) = 1000, 1000, 1200).
 */
import { demandSeries, type SalesRow } from './demand-series';

const row = (
  productId: string,
  month: string,
  quantity: number,
  unitPriceMinor: number,
  lines = 1,
  currency = 'EUR',
): SalesRow => ({ productId, currency, unitPriceMinor, month, quantity, lines });

describe('demandSeries', () => {
  const sales = [
    row('a', '2024-01', 5, 1_000, 3),
    row('a', '2024-03', 7, 1_000, 3),
    row('b', '2024-02', 2, 1_200, 2),
    row('c', '2024-03', 1, 5_000),
    row('d', '2024-03', 1, 9_000),
    row('z', '2024-02', 4, 300, 1, 'USD'),
  ];

  it('fills every month to the last one with 0 and starts each product at its first sale', () => {
    const series = demandSeries(sales, '2024-04');
    const a = series.find((s) => s.key.type === 'product' && s.key.productId === 'a')!;
    expect(a.months).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
    expect(a.quantities).toEqual([5, 0, 7, 0]);
    const b = series.find((s) => s.key.type === 'product' && s.key.productId === 'b')!;
    expect(b.months).toEqual(['2024-02', '2024-03', '2024-04']);
  });

  it('cuts price bands per currency at the quartiles of the line prices, each line weighing one', () => {
    const bands = demandSeries(sales, '2024-03').filter((s) => s.key.type === 'price-band');
    expect(
      bands.map((s) =>
        s.key.type === 'price-band' ? [s.key.priceBand, s.key.band.label, s.quantities] : [],
      ),
    ).toEqual([
      // EUR cuts: 1000 (min), 1000 and 1000 (25%, 50%: merged), 1200 (75%).
      ['EUR-1', 'EUR 10.00–<12.00', [5, 0, 7]],
      ['EUR-2', 'EUR 12.00–90.00', [2, 2]],
      ['USD-1', 'USD 3.00–3.00', [4, 0]],
    ]);
  });
});
