/**
 * Model choice by AIC (Hyndman, Koehler, Ord & Snyder 2008, ch. 5, additive-error Gaussian
 * likelihood over a common window). There is no published AIC for R's HoltWinters fits (R does
 * not compute one, and forecast::ets estimates the initial states, which HoltWinters does not),
 * so these specs check the choice on the reference series, whose character is well known, and the
 * likelihood's arithmetic.
 */
import { airPassengers, co2 } from './fixtures/load';
import { selectModel } from './model-selection';

describe('selectModel', () => {
  it('picks multiplicative seasonality with trend for AirPassengers (seasonal swings grow with the level)', () => {
    const selection = selectModel(airPassengers(), { period: 12 });
    if (selection.kind !== 'selected') throw new Error('no model');
    expect(selection.chosen.spec).toEqual({
      trend: true,
      seasonality: 'multiplicative',
      period: 12,
    });
    expect(selection.candidates).toHaveLength(6);
    expect(selection.windowStart).toBe(12);
    expect(selection.windowSize).toBe(132);
  });

  it('picks a seasonal model for co2, and its score is the Gaussian likelihood of the window SSE', () => {
    const selection = selectModel(co2(), { period: 12 });
    if (selection.kind !== 'selected') throw new Error('no model');
    expect(selection.chosen.spec.seasonality).not.toBe('none');
    const { chosen, windowSize: n } = selection;
    expect(chosen.logLikelihood).toBeCloseTo(
      -0.5 * n * (Math.log((2 * Math.PI * chosen.windowSse) / n) + 1),
      8,
    );
    // alpha, beta, gamma, level, trend, 11 seasonal states, variance
    if (chosen.spec.trend) expect(chosen.parameterCount).toBe(17);
    expect(chosen.aic).toBeCloseTo(-2 * chosen.logLikelihood + 2 * chosen.parameterCount, 8);
    for (const c of selection.candidates) expect(chosen.aic).toBeLessThanOrEqual(c.aic);
  });

  it('scores every candidate on the same observations (the seasonal window)', () => {
    const selection = selectModel(airPassengers(), { period: 12 });
    if (selection.kind !== 'selected') throw new Error('no model');
    const level = selection.candidates.find((c) => !c.spec.trend && c.spec.seasonality === 'none')!;
    // The level-only fit filters from index 1, but only its errors from index 12 on count.
    const tail = level.fit.residuals.slice(11).reduce((s, e) => s + e * e, 0);
    expect(level.windowSse).toBeCloseTo(tail, 6);
    expect(level.windowSse).toBeLessThan(level.fit.sse);
  });

  it('falls back to non-seasonal models with fewer than two seasons, saying why', () => {
    const selection = selectModel(airPassengers().slice(0, 20), { period: 12 });
    if (selection.kind !== 'selected') throw new Error('no model');
    expect(selection.chosen.spec.seasonality).toBe('none');
    expect(selection.refused.map((r) => r.reason)).toEqual(
      new Array(4).fill('fewer-than-two-seasons'),
    );
  });

  it('returns a typed refusal when nothing can be fitted', () => {
    expect(selectModel([5, 6], { period: 12 })).toMatchObject({
      kind: 'cannot-fit',
      observations: 2,
    });
  });

  it('keeps scores finite for a constant series and prefers the simplest model', () => {
    const selection = selectModel(new Array(36).fill(7), { period: 12 });
    if (selection.kind !== 'selected') throw new Error('no model');
    for (const c of selection.candidates) expect(Number.isFinite(c.aic)).toBe(true);
    expect(selection.chosen.spec).toEqual({ trend: false, seasonality: 'none', period: 12 });
  });
});
