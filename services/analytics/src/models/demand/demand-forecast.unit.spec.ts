import { forecastDemand } from './demand-forecast';
import { airPassengers } from './fixtures/load';

describe('forecastDemand', () => {
  it('chooses, forecasts a season ahead with intervals, and backtests the choice', () => {
    const result = forecastDemand(airPassengers());
    if (result.kind !== 'forecast') throw new Error('no forecast');
    expect(result.model.spec).toEqual({ trend: true, seasonality: 'multiplicative', period: 12 });
    expect(result.model.observations).toBe(144);
    expect(result.forecast).toHaveLength(12);
    expect(result.level).toBe(0.95);
    expect(result.backtest).toMatchObject({ kind: 'backtested', horizon: 1 });
    expect(result.seasonalUnavailable).toBe(false);
    // 1961 peaks in July, as every year before it.
    const july = result.forecast[6].mean;
    expect(Math.max(...result.forecast.map((p) => p.mean))).toBe(july);
    // Storable as JSON without loss.
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('falls back to a non-seasonal model and says seasonal models were not possible', () => {
    const result = forecastDemand(airPassengers().slice(0, 18), { horizon: 3 });
    if (result.kind !== 'forecast') throw new Error('no forecast');
    expect(result.seasonalUnavailable).toBe(true);
    expect(result.model.spec.seasonality).toBe('none');
    expect(result.refused.every((r) => r.reason === 'fewer-than-two-seasons')).toBe(true);
    expect(result.forecast).toHaveLength(3);
    for (const p of result.forecast)
      expect(Number.isFinite(p.mean) && Number.isFinite(p.upper)).toBe(true);
  });

  it('handles a product with months of zero sales (no multiplicative candidate)', () => {
    const series = [0, 3, 0, 5, 2, 0, 4, 1, 0, 6, 2, 3, 0, 4, 1, 0, 5, 3, 0, 2, 4, 1, 0, 3, 2, 0];
    const result = forecastDemand(series);
    if (result.kind !== 'forecast') throw new Error('no forecast');
    expect(result.refused.map((r) => r.reason)).toContain('non-positive-values-for-multiplicative');
    expect(result.backtest.kind).toBe('backtested');
  });

  it('forecasts zeros for a product that never sold, without NaN', () => {
    const result = forecastDemand(new Array(30).fill(0));
    if (result.kind !== 'forecast') throw new Error('no forecast');
    expect(result.forecast.every((p) => p.mean === 0 && p.lower === 0 && p.upper === 0)).toBe(true);
    expect(result.backtest).toMatchObject({ kind: 'backtested', zeroActuals: 7 });
    expect(JSON.stringify(result)).not.toContain('null');
  });

  it('cannot forecast from two months, and says so', () => {
    expect(forecastDemand([4, 5])).toMatchObject({ kind: 'cannot-forecast', observations: 2 });
  });
});
