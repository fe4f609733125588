/**
 * One demand fit as the row model_fits stores (kind `demand`): per series the model chosen by AIC
 * among the Holt-Winters variants (`selectModel`), its final states (so a request forecasts any
 * horizon without refitting) and a rolling-origin backtest of the chosen variant over the last
 * season. Pure; the job does the I/O.
 */
import {
  rollingOriginBacktest,
  selectModel,
  type Backtest,
  type BacktestRefused,
  type CannotFit,
  type HoltWintersFit,
  type HoltWintersSpec,
  type SmoothingParameters,
} from '../models/demand';
import type { DemandSeries, SeriesKey } from './demand-series';

export const DEMAND_KIND = 'demand';
/** Monthly data: one season is a year. */
export const MONTHS_PER_SEASON = 12;

export interface FittedSeries {
  readonly key: SeriesKey;
  readonly months: string[];
  readonly quantities: number[];
  readonly status: 'fitted';
  readonly model: {
    readonly spec: HoltWintersSpec;
    /** holt-winters-{additive|multiplicative}, holt (trend, no season) or simple-exponential-smoothing. */
    readonly name: string;
    readonly parameters: SmoothingParameters;
    readonly sse: number;
    readonly aic: number;
    readonly aicc: number;
    readonly converged: boolean;
    /** Seasonal variants could not be tried (< 2 seasons): a non-seasonal model by force. */
    readonly seasonalUnavailable: boolean;
  };
  /** The chosen fit's states and residuals: what forecastHoltWinters needs. */
  readonly fit: HoltWintersFit;
  readonly backtest: Backtest | BacktestRefused;
}

export interface UnfittedSeries {
  readonly key: SeriesKey;
  readonly months: string[];
  readonly quantities: number[];
  readonly status: 'cannot-fit';
  readonly reason: string;
  readonly refused: CannotFit[];
}

export type StoredSeries = FittedSeries | UnfittedSeries;

export interface DemandParameters {
  readonly period: number;
  /** Last (complete) month the series run to, 'YYYY-MM'. */
  readonly lastMonth: string;
  readonly series: StoredSeries[];
}

export interface DemandFit {
  readonly status: 'fitted' | 'insufficient-data';
  readonly reason: string | null;
  readonly parameters: DemandParameters | null;
  readonly quality: {
    readonly series: number;
    readonly fitted: number;
    readonly seasonal: number;
    /** Mean of the fitted series' backtest MAPEs (those that have one). */
    readonly meanMape: number | null;
  };
}

export function modelName(spec: HoltWintersSpec): string {
  if (spec.seasonality !== 'none') return `holt-winters-${spec.seasonality}`;
  return spec.trend ? 'holt' : 'simple-exponential-smoothing';
}

/** Fits one series: the AIC choice, then the backtest of that variant (one step, last season). */
export function fitSeries(series: DemandSeries): StoredSeries {
  const { quantities } = series;
  const selection = selectModel(quantities, { period: MONTHS_PER_SEASON });
  if (selection.kind !== 'selected') {
    return {
      ...series,
      status: 'cannot-fit',
      reason: refusalText(selection.refused, quantities.length),
      refused: selection.refused,
    };
  }
  const { chosen } = selection;
  const points = Math.max(1, Math.min(MONTHS_PER_SEASON, Math.floor(quantities.length / 4)));
  return {
    ...series,
    status: 'fitted',
    model: {
      spec: chosen.spec,
      name: modelName(chosen.spec),
      parameters: chosen.fit.parameters,
      sse: chosen.fit.sse,
      aic: chosen.aic,
      aicc: chosen.aicc,
      converged: chosen.fit.converged,
      seasonalUnavailable: selection.candidates.every((c) => c.spec.seasonality === 'none'),
    },
    fit: chosen.fit,
    backtest: rollingOriginBacktest(quantities, chosen.spec, { points }),
  };
}

/** The version row from series already fitted one by one (the job yields between them). */
export function demandFitOf(stored: StoredSeries[], lastMonth: string): DemandFit {
  const fitted = stored.filter((s): s is FittedSeries => s.status === 'fitted');
  const mapes = fitted.flatMap((s) =>
    s.backtest.kind === 'backtested' && s.backtest.mape !== undefined ? [s.backtest.mape] : [],
  );
  const quality = {
    series: stored.length,
    fitted: fitted.length,
    seasonal: fitted.filter((s) => s.model.spec.seasonality !== 'none').length,
    meanMape: mapes.length ? mapes.reduce((a, b) => a + b, 0) / mapes.length : null,
  };
  const parameters = { period: MONTHS_PER_SEASON, lastMonth, series: stored };
  if (fitted.length === 0) {
    return {
      status: 'insufficient-data',
      reason:
        stored.length === 0
          ? `no standing order lines up to ${lastMonth}`
          : `no series could be fitted: ${(stored[0] as UnfittedSeries).reason}`,
      parameters,
      quality,
    };
  }
  return { status: 'fitted', reason: null, parameters, quality };
}

function refusalText(refused: readonly CannotFit[], observations: number): string {
  const needed = Math.min(...refused.map((r) => r.needed ?? Infinity));
  const reasons = [...new Set(refused.map((r) => r.reason))].join(', ');
  return Number.isFinite(needed)
    ? `${observations} months of history; the smallest model needs ${needed} (${reasons})`
    : `${observations} months of history (${reasons})`;
}
