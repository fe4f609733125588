/**
 * Rolling-origin backtest and its error measures, definitions of Hyndman & Koehler (2006),
 * "Another look at measures of forecast accuracy", International Journal of Forecasting 22(4).
 */
import { errorMeasures, rollingOriginBacktest } from './backtest';
import { airPassengers } from './fixtures/load';
import { fitHoltWinters, forecastHoltWinters } from './holt-winters';

describe('errorMeasures', () => {
  it('computes MAPE, sMAPE and MASE by their definitions', () => {
    const points = [
      { index: 4, actual: 10, forecast: 8 },
      { index: 5, actual: 20, forecast: 25 },
    ];
    // naive (lag 1) errors of the training data 1, 3, 6, 10: 2, 3, 4 -> Q = 3
    const m = errorMeasures(points, [1, 3, 6, 10], 1);
    expect(m.mape).toBeCloseTo((20 + 25) / 2, 12);
    expect(m.smape).toBeCloseTo((200 * 2) / 18 / 2 + (200 * 5) / 45 / 2, 12);
    expect(m.mase).toBeCloseTo(3.5 / 3, 12);
    expect(m.zeroActuals).toBe(0);
  });

  it('leaves zero actuals out of the MAPE and says how many', () => {
    const m = errorMeasures(
      [
        { index: 0, actual: 0, forecast: 2 },
        { index: 1, actual: 4, forecast: 3 },
      ],
      [1, 2],
      1,
    );
    expect(m.mape).toBeCloseTo(25, 12);
    expect(m.zeroActuals).toBe(1);
    expect(m.smape).toBeCloseTo((200 + (200 * 1) / 7) / 2, 12);
  });

  it('has no MAPE when every actual is zero, and no MASE without naive error', () => {
    const m = errorMeasures([{ index: 0, actual: 0, forecast: 0 }], [5, 5, 5], 1);
    expect(m.mape).toBeUndefined();
    expect(m.smape).toBeUndefined();
    expect(m.mase).toBeUndefined();
  });
});

describe('rollingOriginBacktest', () => {
  const spec = { trend: true, seasonality: 'multiplicative' as const, period: 12 };

  it('refits at each origin and forecasts the next point from data before it only', () => {
    const series = airPassengers();
    const result = rollingOriginBacktest(series, spec, { points: 12 });
    if (result.kind !== 'backtested') throw new Error(result.reason);
    expect(result.points.map((p) => p.index)).toEqual(
      Array.from({ length: 12 }, (_, i) => 132 + i),
    );
    // The last point equals a fit on the first 143 values, one step ahead.
    const fit = fitHoltWinters(series.slice(0, 143), spec);
    if (fit.kind !== 'fitted') throw new Error('no fit');
    expect(result.points[11].forecast).toBeCloseTo(forecastHoltWinters(fit, 1)[0].mean, 10);
    expect(result.points[11].actual).toBe(432);
    // 1960, one step ahead: a few per cent off, far better than a seasonal naive forecast.
    expect(result.mape).toBeGreaterThan(1);
    expect(result.mape).toBeLessThan(6);
    expect(result.mase).toBeLessThan(1);
  });

  it('forecasts h steps ahead from h steps before each target', () => {
    const series = airPassengers();
    const result = rollingOriginBacktest(series, spec, { points: 3, horizon: 3 });
    if (result.kind !== 'backtested') throw new Error(result.reason);
    const fit = fitHoltWinters(series.slice(0, 139), spec);
    if (fit.kind !== 'fitted') throw new Error('no fit');
    expect(result.points[0]).toMatchObject({ index: 141 });
    expect(result.points[0].forecast).toBeCloseTo(forecastHoltWinters(fit, 3)[2].mean, 10);
  });

  it('skips origins with too little data and refuses when none is left', () => {
    const short = airPassengers().slice(0, 26);
    const partial = rollingOriginBacktest(short, spec, { points: 4 });
    expect(partial).toMatchObject({ kind: 'backtested', skippedOrigins: 2 });
    expect(rollingOriginBacktest(short.slice(0, 24), spec, { points: 3 })).toMatchObject({
      kind: 'cannot-backtest',
      reason: 'too-little-data-at-first-origin',
      refusal: { reason: 'fewer-than-two-seasons' },
    });
    expect(rollingOriginBacktest(short, spec, { points: 0 })).toMatchObject({
      reason: 'no-points',
    });
  });
});
