/**
 * Rolling-origin backtest (Tashman 2000, "Out-of-sample tests of forecasting accuracy"): for each
 * of the last k observations, refit the model on everything before it (h steps before it for a
 * horizon h) and compare its forecast with what happened. Error measures as Hyndman & Koehler
 * (2006, "Another look at measures of forecast accuracy"):
 *   MAPE  = mean 100 |e| / |y|               over points with y ≠ 0 (the others are counted apart)
 *   sMAPE = mean 200 |e| / (|y| + |ŷ|)        over points where y and ŷ are not both 0
 *   MASE  = mean |e| / Q, Q = mean |y_t - y_{t-m}| over the first training window (m = the season
 *           length for a seasonal model, else 1: the in-sample naive forecast's error).
 */
import {
  type CannotFit,
  fitHoltWinters,
  forecastHoltWinters,
  type HoltWintersSpec,
} from './holt-winters';

export interface BacktestPoint {
  /** 0-based index of the forecast observation. */
  readonly index: number;
  readonly actual: number;
  readonly forecast: number;
}

export interface Backtest {
  readonly kind: 'backtested';
  readonly spec: HoltWintersSpec;
  readonly horizon: number;
  readonly points: BacktestPoint[];
  /** Undefined when no point can carry it (all actuals 0; no naive error to scale by). */
  readonly mape?: number;
  readonly smape?: number;
  readonly mase?: number;
  /** Points left out of the MAPE because their actual value was 0. */
  readonly zeroActuals: number;
  /** Origins where the model could not be refitted (too little data by then). */
  readonly skippedOrigins: number;
}

export interface BacktestRefused {
  readonly kind: 'cannot-backtest';
  readonly spec: HoltWintersSpec;
  readonly reason: 'no-points' | 'too-little-data-at-first-origin';
  readonly refusal?: CannotFit;
}

export function rollingOriginBacktest(
  series: readonly number[],
  spec: HoltWintersSpec,
  options: { readonly points: number; readonly horizon?: number },
): Backtest | BacktestRefused {
  const horizon = Math.max(1, Math.floor(options.horizon ?? 1));
  const k = Math.min(Math.floor(options.points), series.length);
  if (k < 1) return { kind: 'cannot-backtest', spec, reason: 'no-points' };

  const points: BacktestPoint[] = [];
  let skippedOrigins = 0;
  let firstRefusal: CannotFit | undefined;
  for (let target = series.length - k; target < series.length; target++) {
    const training = series.slice(0, target - horizon + 1);
    const fit = fitHoltWinters(training, spec);
    if (fit.kind !== 'fitted') {
      skippedOrigins++;
      firstRefusal ??= fit;
      continue;
    }
    const forecast = forecastHoltWinters(fit, horizon)[horizon - 1].mean;
    points.push({ index: target, actual: series[target], forecast });
  }
  if (points.length === 0)
    return {
      kind: 'cannot-backtest',
      spec,
      reason: 'too-little-data-at-first-origin',
      refusal: firstRefusal,
    };

  const firstTraining = series.slice(0, points[0].index - horizon + 1);
  const m = spec.seasonality === 'none' ? 1 : spec.period;
  return {
    kind: 'backtested',
    spec,
    horizon,
    points,
    ...errorMeasures(points, firstTraining, m),
    skippedOrigins,
  };
}

export function errorMeasures(
  points: readonly BacktestPoint[],
  training: readonly number[],
  seasonalLag: number,
): { mape?: number; smape?: number; mase?: number; zeroActuals: number } {
  let ape = 0;
  let apeCount = 0;
  let sape = 0;
  let sapeCount = 0;
  let absolute = 0;
  for (const { actual, forecast } of points) {
    const error = Math.abs(actual - forecast);
    absolute += error;
    if (actual !== 0) {
      ape += (100 * error) / Math.abs(actual);
      apeCount++;
    }
    const denominator = Math.abs(actual) + Math.abs(forecast);
    if (denominator > 0) {
      sape += (200 * error) / denominator;
      sapeCount++;
    }
  }
  let naive = 0;
  let naiveCount = 0;
  for (let t = seasonalLag; t < training.length; t++) {
    naive += Math.abs(training[t] - training[t - seasonalLag]);
    naiveCount++;
  }
  const scale = naiveCount > 0 ? naive / naiveCount : 0;
  return {
    mape: apeCount > 0 ? ape / apeCount : undefined,
    smape: sapeCount > 0 ? sape / sapeCount : undefined,
    mase: scale > 0 && points.length > 0 ? absolute / points.length / scale : undefined,
    zeroActuals: points.length - apeCount,
  };
}
