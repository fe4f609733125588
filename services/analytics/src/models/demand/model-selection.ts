/**
 * Which exponential-smoothing variant to forecast with: fit every candidate (level only, with
 * trend; no, additive or multiplicative seasonality) and keep the lowest AIC.
 *
 * The likelihood is the Gaussian one of the innovations state-space form (Hyndman, Koehler, Ord &
 * Snyder 2008, "Forecasting with Exponential Smoothing", ch. 5) with additive errors, which is
 * exactly what minimising the SSE maximises: -2 log L = n log(2π SSE / n) + n. Two deviations from
 * a textbook ETS fit, both because the fits follow R's HoltWinters conventions:
 * - the initial states come from R's decomposition heuristic instead of being estimated; they
 *   are still counted as parameters (k = smoothing parameters + 1 level + 1 trend + (p - 1)
 *   seasonal + 1 variance, as forecast::ets counts them), a conservative penalty;
 * - the candidates filter from different points (R starts seasonal fits after the first season,
 *   non-seasonal ones after one or two points), so SSE is taken over a COMMON window: the
 *   observations from the first one every candidate forecasts. AICs over different data would not
 *   be comparable.
 */
import {
  type CannotFit,
  fitHoltWinters,
  type HoltWintersFit,
  type HoltWintersSpec,
  type Seasonality,
} from './holt-winters';

export interface CandidateScore {
  readonly spec: HoltWintersSpec;
  readonly fit: HoltWintersFit;
  /** SSE over the common window. */
  readonly windowSse: number;
  readonly logLikelihood: number;
  readonly parameterCount: number;
  readonly aic: number;
  readonly aicc: number;
}

export interface ModelSelection {
  readonly kind: 'selected';
  readonly chosen: CandidateScore;
  readonly candidates: CandidateScore[];
  /** Candidates that could not be fitted, with why (e.g. fewer than two seasons). */
  readonly refused: CannotFit[];
  /** 0-based index of the first observation in the common window, and its size. */
  readonly windowStart: number;
  readonly windowSize: number;
}

export interface NoModel {
  readonly kind: 'cannot-fit';
  readonly refused: CannotFit[];
  readonly observations: number;
}

export interface SelectionOptions {
  readonly period: number;
  /** Which seasonal forms to try (default all three). */
  readonly seasonalities?: readonly Seasonality[];
  /** Try with and without trend (default both). */
  readonly trends?: readonly boolean[];
}

export function candidateSpecs(options: SelectionOptions): HoltWintersSpec[] {
  const seasonalities = options.seasonalities ?? ['none', 'additive', 'multiplicative'];
  const trends = options.trends ?? [false, true];
  return seasonalities.flatMap((seasonality) =>
    trends.map((trend) => ({ trend, seasonality, period: options.period })),
  );
}

export function selectModel(
  series: readonly number[],
  options: SelectionOptions,
): ModelSelection | NoModel {
  const fits: HoltWintersFit[] = [];
  const refused: CannotFit[] = [];
  for (const spec of candidateSpecs(options)) {
    const fit = fitHoltWinters(series, spec);
    if (fit.kind === 'fitted') fits.push(fit);
    else refused.push(fit);
  }
  if (fits.length === 0) return { kind: 'cannot-fit', refused, observations: series.length };

  const windowStart = Math.max(...fits.map((f) => f.start.firstFiltered));
  const n = series.length - windowStart;
  // A perfectly fitted series (e.g. constant) has SSE 0 and log 0 = -Infinity; floor the error
  // variance at a tiny fraction of the data's scale so scores stay finite and comparable.
  const scale = Math.max(1, ...series.map(Math.abs));
  const floor = n * (1e-12 * scale) ** 2;
  const candidates = fits.map((fit): CandidateScore => {
    let windowSse = 0;
    for (let i = windowStart - fit.start.firstFiltered; i < fit.residuals.length; i++)
      windowSse += fit.residuals[i] ** 2;
    const sse = Math.max(windowSse, floor);
    const logLikelihood = -0.5 * (n * Math.log((2 * Math.PI * sse) / n) + n);
    const parameterCount = countParameters(fit.spec);
    const aic = -2 * logLikelihood + 2 * parameterCount;
    const aicc =
      n - parameterCount - 1 > 0
        ? aic + (2 * parameterCount * (parameterCount + 1)) / (n - parameterCount - 1)
        : Number.MAX_VALUE;
    return { spec: fit.spec, fit, windowSse, logLikelihood, parameterCount, aic, aicc };
  });
  // Lowest AIC; ties go to the simpler model (candidates are listed simplest first).
  const chosen = candidates.reduce((best, c) =>
    c.aic < best.aic - 1e-9 * Math.abs(best.aic) ? c : best,
  );
  return { kind: 'selected', chosen, candidates, refused, windowStart, windowSize: n };
}

function countParameters(spec: HoltWintersSpec): number {
  const seasonal = spec.seasonality !== 'none';
  const smoothing = 1 + (spec.trend ? 1 : 0) + (seasonal ? 1 : 0);
  const states = 1 + (spec.trend ? 1 : 0) + (seasonal ? spec.period - 1 : 0);
  return smoothing + states + 1;
}
