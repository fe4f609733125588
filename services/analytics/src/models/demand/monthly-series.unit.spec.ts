import { monthlySeries } from './monthly-series';

describe('monthlySeries', () => {
  it('sums quantities per month and fills months without sales with 0', () => {
    const series = monthlySeries([
      { date: '2023-11-30', quantity: 2 },
      { date: '2024-02-01', quantity: 1 },
      { date: '2023-11-02', quantity: 3 },
      { date: '2024-02-29', quantity: 4 },
    ]);
    expect(series).toEqual({
      months: ['2023-11', '2023-12', '2024-01', '2024-02'],
      quantities: [5, 0, 0, 5],
      rejectedRows: 0,
    });
  });

  it('honours from/to, ignoring rows outside and padding months inside', () => {
    const series = monthlySeries(
      [
        { date: '2024-01-15', quantity: 1 },
        { date: '2024-05-15', quantity: 9 },
      ],
      { from: '2023-12', to: '2024-03' },
    );
    expect(series.months).toEqual(['2023-12', '2024-01', '2024-02', '2024-03']);
    expect(series.quantities).toEqual([0, 1, 0, 0]);
  });

  it('counts rows it cannot read instead of throwing', () => {
    const series = monthlySeries([
      { date: '2023-02-29', quantity: 1 },
      { date: 'yesterday', quantity: 1 },
      { date: '2023-13-01', quantity: 1 },
      { date: '2023-03-01', quantity: Number.NaN },
      { date: '2023-03-01T10:00:00Z', quantity: 2 },
    ]);
    expect(series).toEqual({ months: ['2023-03'], quantities: [2], rejectedRows: 4 });
  });

  it('gives an empty series for no rows', () => {
    expect(monthlySeries([])).toEqual({ months: [], quantities: [], rejectedRows: 0 });
  });
});
