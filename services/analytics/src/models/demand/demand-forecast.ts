/**
 * The demand forecast of one series (a product's or a price band's monthly quantities): choose a
 * model by AIC, forecast with intervals, and backtest the chosen variant. A plain JSON-able
 * result a service can store with the fit; it says so when seasonal models could not be tried
 * (fewer than two seasons) and which non-seasonal model it fell back to.
 */
import { type Backtest, type BacktestRefused, rollingOriginBacktest } from './backtest';
import {
  type CannotFit,
  type ForecastPoint,
  forecastHoltWinters,
  type HoltWintersSpec,
  type SmoothingParameters,
} from './holt-winters';
import { selectModel } from './model-selection';

export interface DemandForecastOptions {
  /** Observations per season; 12 for monthly series. */
  readonly period?: number;
  /** Periods to forecast. Default one season. */
  readonly horizon?: number;
  /** Prediction interval coverage. Default 0.95. */
  readonly level?: number;
  /** Backtest origins (last k points); default one season, capped at a quarter of the data. */
  readonly backtestPoints?: number;
}

export interface CandidateSummary {
  readonly spec: HoltWintersSpec;
  readonly parameters: SmoothingParameters;
  readonly sse: number;
  readonly aic: number;
  readonly aicc: number;
}

export interface DemandForecast {
  readonly kind: 'forecast';
  readonly model: {
    readonly spec: HoltWintersSpec;
    readonly parameters: SmoothingParameters;
    readonly sse: number;
    readonly logLikelihood: number;
    readonly aic: number;
    readonly iterations: number;
    readonly converged: boolean;
    readonly observations: number;
  };
  readonly forecast: ForecastPoint[];
  readonly level: number;
  readonly backtest: Backtest | BacktestRefused;
  readonly candidates: CandidateSummary[];
  /** Candidates refused (typically seasonal ones with fewer than two seasons of data). */
  readonly refused: CannotFit[];
  /** True when no seasonal candidate could be fitted, so the choice is non-seasonal by force. */
  readonly seasonalUnavailable: boolean;
}

export interface DemandCannotForecast {
  readonly kind: 'cannot-forecast';
  readonly observations: number;
  readonly refused: CannotFit[];
}

export function forecastDemand(
  series: readonly number[],
  options: DemandForecastOptions = {},
): DemandForecast | DemandCannotForecast {
  const period = options.period ?? 12;
  const horizon = options.horizon ?? period;
  const level = options.level ?? 0.95;
  const selection = selectModel(series, { period });
  if (selection.kind !== 'selected')
    return { kind: 'cannot-forecast', observations: series.length, refused: selection.refused };

  const { chosen } = selection;
  const backtestPoints =
    options.backtestPoints ?? Math.max(1, Math.min(period, Math.floor(series.length / 4)));
  return {
    kind: 'forecast',
    model: {
      spec: chosen.spec,
      parameters: chosen.fit.parameters,
      sse: chosen.fit.sse,
      logLikelihood: chosen.logLikelihood,
      aic: chosen.aic,
      iterations: chosen.fit.iterations,
      converged: chosen.fit.converged,
      observations: series.length,
    },
    forecast: forecastHoltWinters(chosen.fit, horizon, level),
    level,
    backtest: rollingOriginBacktest(series, chosen.spec, { points: backtestPoints }),
    candidates: selection.candidates.map((c) => ({
      spec: c.spec,
      parameters: c.fit.parameters,
      sse: c.fit.sse,
      aic: c.aic,
      aicc: c.aicc,
    })),
    refused: selection.refused,
    seasonalUnavailable: selection.candidates.every((c) => c.spec.seasonality === 'none'),
  };
}
