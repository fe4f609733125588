/**
 * Holt-Winters exponential smoothing (Holt 1957; Winters 1960) with the conventions of R's
 * stats::HoltWinters, so that R's published fits can be reproduced: the same start values
 * (a moving-average decomposition of the first two seasons), the same filtering window (errors
 * counted from the second season on), parameters chosen by minimising the one-step squared error
 * within [0, 1], and predict.HoltWinters' forecasts and prediction intervals.
 * Written from the formulas in R's documentation (?HoltWinters, ?decompose, ?predict.HoltWinters).
 */
import { minimiseOnUnitBox } from './bounded-minimise';
import { normalQuantile } from './normal-quantile';

export type Seasonality = 'none' | 'additive' | 'multiplicative';

/** Which Holt-Winters variant: with or without a trend, and which seasonal component. */
export interface HoltWintersSpec {
  readonly trend: boolean;
  readonly seasonality: Seasonality;
  /** Observations per season (12 for monthly data); ignored without seasonality. */
  readonly period: number;
}

export interface SmoothingParameters {
  readonly alpha: number;
  /** 0 when the model has no trend. */
  readonly beta: number;
  /** 0 when the model has no seasonal component. */
  readonly gamma: number;
}

/** The states the filter starts from, and the first observation whose error it counts. */
export interface StartValues {
  readonly level: number;
  readonly trend: number;
  /** One factor per position in the season (empty without seasonality). */
  readonly seasonal: number[];
  /** 0-based index of the first observation forecast by the filter. */
  readonly firstFiltered: number;
}

export type CannotFitReason =
  | 'too-few-observations'
  | 'fewer-than-two-seasons'
  | 'non-positive-values-for-multiplicative'
  | 'non-finite-values';

export interface CannotFit {
  readonly kind: 'cannot-fit';
  readonly spec: HoltWintersSpec;
  readonly reason: CannotFitReason;
  readonly observations: number;
  /** How many observations the model needs (for the size reasons). */
  readonly needed?: number;
}

export interface HoltWintersFit {
  readonly kind: 'fitted';
  readonly spec: HoltWintersSpec;
  readonly parameters: SmoothingParameters;
  /** Sum of squared one-step errors over the filtered window (what R reports as SSE). */
  readonly sse: number;
  /** Final states, as R's coefficients: level a, trend b, seasonal s1..sp (s1 is next period's). */
  readonly coefficients: {
    readonly level: number;
    readonly trend: number;
    readonly seasonal: number[];
  };
  readonly start: StartValues;
  /** One-step forecasts for observations firstFiltered..n-1. */
  readonly fitted: number[];
  /** observation - fitted, same indices as fitted. */
  readonly residuals: number[];
  readonly observations: number;
  readonly iterations: number;
  readonly converged: boolean;
}

export interface ForecastPoint {
  /** Steps ahead of the last observation (1 = next period). */
  readonly step: number;
  readonly mean: number;
  readonly lower: number;
  readonly upper: number;
}

/** Smallest series each variant can be fitted to. */
export function minimumObservations(spec: HoltWintersSpec): number {
  if (spec.seasonality !== 'none') return 2 * spec.period;
  // R needs 2 (level) or 3 (trend) points to start and count one error; we ask for two errors.
  return spec.trend ? 4 : 3;
}

/** Why a series cannot carry this variant, or undefined when it can. */
export function cannotFitReason(
  series: readonly number[],
  spec: HoltWintersSpec,
): CannotFit | undefined {
  const base = { kind: 'cannot-fit' as const, spec, observations: series.length };
  if (!series.every(Number.isFinite)) return { ...base, reason: 'non-finite-values' };
  const needed = minimumObservations(spec);
  if (series.length < needed)
    return {
      ...base,
      reason: spec.seasonality === 'none' ? 'too-few-observations' : 'fewer-than-two-seasons',
      needed,
    };
  if (spec.seasonality === 'multiplicative' && series.some((y) => y <= 0))
    return { ...base, reason: 'non-positive-values-for-multiplicative' };
  return undefined;
}

/**
 * R's start values. Non-seasonal: level x[2] and trend x[2] - x[1] (level x[1] without trend).
 * Seasonal: decompose the first two seasons with a centred moving average (weights 1/2, 1, ..., 1,
 * 1/2 over p + 1 points for even p; p equal weights for odd p), average the detrended values per
 * position and centre them (mean 0, or mean 1 when multiplicative); level and trend are the
 * intercept and slope of a least-squares line through the moving-average values against 1, 2, ...
 */
export function startValues(series: readonly number[], spec: HoltWintersSpec): StartValues {
  if (spec.seasonality === 'none') {
    return spec.trend
      ? { level: series[1], trend: series[1] - series[0], seasonal: [], firstFiltered: 2 }
      : { level: series[0], trend: 0, seasonal: [], firstFiltered: 1 };
  }
  const p = spec.period;
  const { figure, movingAverage } = classicalDecomposition(
    series.slice(0, 2 * p),
    p,
    spec.seasonality,
  );
  const { intercept, slope } = leastSquaresLine(movingAverage);
  return { level: intercept, trend: spec.trend ? slope : 0, seasonal: figure, firstFiltered: p };
}

/**
 * Classical decomposition by moving averages (R's decompose): the centred moving average of
 * span p (weights 1/2, 1, ..., 1, 1/2 over p + 1 points when p is even), the detrended values
 * (y - trend, or y / trend) averaged per position in the season over every season the average
 * covers, then centred to mean 0 (additive) or 1 (multiplicative). Needs at least 2p values.
 */
export function classicalDecomposition(
  series: readonly number[],
  period: number,
  seasonality: 'additive' | 'multiplicative',
): { figure: number[]; movingAverage: number[] } {
  const p = period;
  const weights =
    p % 2 === 0 ? [0.5, ...new Array<number>(p - 1).fill(1), 0.5] : new Array<number>(p).fill(1);
  const half = (weights.length - 1) / 2;
  const movingAverage: number[] = [];
  const sums = new Array<number>(p).fill(0);
  const counts = new Array<number>(p).fill(0);
  for (let t = half; t < series.length - half; t++) {
    let m = 0;
    for (let k = 0; k < weights.length; k++) m += weights[k] * series[t - half + k];
    m /= p;
    movingAverage.push(m);
    sums[t % p] += seasonality === 'additive' ? series[t] - m : series[t] / m;
    counts[t % p] += 1;
  }
  const raw = sums.map((s, i) => s / counts[i]);
  const centre = raw.reduce((a, b) => a + b, 0) / p;
  const figure = raw.map((s) => (seasonality === 'additive' ? s - centre : s / centre));
  return { figure, movingAverage };
}

/** Line through (1, y1), (2, y2), ...: intercept at x = 0, as R's lm(dat ~ seq_along(dat)). */
function leastSquaresLine(y: readonly number[]): { intercept: number; slope: number } {
  const n = y.length;
  const meanX = (n + 1) / 2;
  const meanY = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i + 1 - meanX) * (y[i] - meanY);
    sxx += (i + 1 - meanX) ** 2;
  }
  const slope = sxy / sxx;
  return { intercept: meanY - slope * meanX, slope };
}

/**
 * The filter. Level a, trend b, seasonal s (p factors, updated in place):
 *   forecast  = (a + b) + s[j]            (additive)  or (a + b) * s[j]  (multiplicative)
 *   a' = alpha (y - s[j]) + (1 - alpha)(a + b)       or  alpha y / s[j] + ...
 *   b' = beta (a' - a) + (1 - beta) b
 *   s[j]' = gamma (y - a') + (1 - gamma) s[j]         or  gamma y / a' + ...
 * Returns the SSE; when `out` is given, also the one-step forecasts and final states.
 */
function runFilter(
  y: readonly number[],
  spec: HoltWintersSpec,
  start: StartValues,
  { alpha, beta, gamma }: SmoothingParameters,
  season: Float64Array,
  out?: Float64Array,
): { sse: number; level: number; trend: number } {
  const seasonal = spec.seasonality !== 'none';
  const additive = spec.seasonality !== 'multiplicative';
  const p = seasonal ? spec.period : 1;
  if (seasonal) season.set(start.seasonal);
  let level = start.level;
  let trend = spec.trend ? start.trend : 0;
  let sse = 0;
  let j = 0;
  for (let t = start.firstFiltered; t < y.length; t++) {
    const s = seasonal ? season[j] : additive ? 0 : 1;
    const base = level + trend;
    const forecast = additive ? base + s : base * s;
    const error = y[t] - forecast;
    sse += error * error;
    if (out) out[t - start.firstFiltered] = forecast;
    const next = alpha * (additive ? y[t] - s : y[t] / s) + (1 - alpha) * base;
    if (spec.trend) trend = beta * (next - level) + (1 - beta) * trend;
    if (seasonal) season[j] = gamma * (additive ? y[t] - next : y[t] / next) + (1 - gamma) * s;
    level = next;
    if (++j === p) j = 0;
  }
  return { sse, level, trend };
}

/** SSE of the given parameters, with R's start values (for checks against published fits). */
export function holtWintersSse(
  series: readonly number[],
  spec: HoltWintersSpec,
  parameters: SmoothingParameters,
): number {
  const start = startValues(series, spec);
  return runFilter(series, spec, start, parameters, new Float64Array(spec.period)).sse;
}

export interface FitOptions {
  /** Fix any of the parameters instead of estimating it. */
  readonly fixed?: Partial<SmoothingParameters>;
}

/** Fit by minimising the one-step SSE over the filtered window, parameters within [0, 1]. */
export function fitHoltWinters(
  series: readonly number[],
  spec: HoltWintersSpec,
  options: FitOptions = {},
): HoltWintersFit | CannotFit {
  const refused = cannotFitReason(series, spec);
  if (refused) return refused;
  const start = startValues(series, spec);
  const season = new Float64Array(Math.max(1, spec.period));
  const fixed = options.fixed ?? {};

  // Free parameters in the order alpha, beta, gamma (each only when the model has it).
  const names: (keyof SmoothingParameters)[] = ['alpha'];
  if (spec.trend) names.push('beta');
  if (spec.seasonality !== 'none') names.push('gamma');
  const free = names.filter((name) => fixed[name] === undefined);
  const assemble = (values: readonly number[]): SmoothingParameters => {
    const chosen: Record<keyof SmoothingParameters, number> = {
      alpha: fixed.alpha ?? 0,
      beta: spec.trend ? (fixed.beta ?? 0) : 0,
      gamma: spec.seasonality !== 'none' ? (fixed.gamma ?? 0) : 0,
    };
    free.forEach((name, i) => (chosen[name] = values[i]));
    return chosen;
  };

  let parameters = assemble([]);
  let iterations = 0;
  let converged = true;
  if (free.length > 0) {
    const sse = (values: readonly number[]) =>
      runFilter(series, spec, start, assemble(values), season).sse;
    const found = minimiseOnUnitBox(sse, startingPoints(free));
    parameters = assemble(found.point);
    iterations = found.iterations;
    converged = found.converged;
  }

  const fitted = new Float64Array(series.length - start.firstFiltered);
  const final = runFilter(series, spec, start, parameters, season, fitted);
  const p = spec.period;
  const used = series.length - start.firstFiltered;
  const seasonal =
    spec.seasonality === 'none' ? [] : Array.from({ length: p }, (_, k) => season[(used + k) % p]);
  return {
    kind: 'fitted',
    spec,
    parameters,
    sse: final.sse,
    coefficients: { level: final.level, trend: final.trend, seasonal },
    start,
    fitted: Array.from(fitted),
    residuals: Array.from(fitted, (f, i) => series[start.firstFiltered + i] - f),
    observations: series.length,
    iterations,
    converged,
  };
}

/**
 * R's own start (alpha 0.3, beta 0.1, gamma 0.1) first, then a coarse spread: the SSE surface of
 * seasonal fits has several basins, and the one R's L-BFGS-B lands in is not always the lowest.
 */
function startingPoints(free: readonly (keyof SmoothingParameters)[]): number[][] {
  const rStart: Record<keyof SmoothingParameters, number> = { alpha: 0.3, beta: 0.1, gamma: 0.1 };
  const points = [free.map((name) => rStart[name])];
  const grid = [0.15, 0.75];
  const combos = (k: number): number[][] =>
    k === 0 ? [[]] : combos(k - 1).flatMap((c) => grid.map((g) => [...c, g]));
  for (const c of combos(free.length)) points.push(c);
  return points;
}

/**
 * Forecasts h = 1..horizon: (a + h b) combined with the seasonal factor of h's position.
 * Intervals as predict.HoltWinters: mean ± z sqrt(var(residuals) · V(h)), with additive
 *   V(h) = 1 + Σ_{j=1}^{h-1} ψ_j²,   ψ_j = alpha (1 + j beta) + [j mod p = 0] gamma (1 - alpha).
 * Multiplicative (an approximation, not R's numbers): each earlier error's contribution is
 * scaled by the ratio of the target period's factor to the factor of the period it propagates
 * from, V(h) = Σ_{j=0}^{h-1} (ψ_j s_h / s_{h-j})² with ψ_0 = 1; see README.md.
 */
export function forecastHoltWinters(
  fit: HoltWintersFit,
  horizon: number,
  level = 0.95,
): ForecastPoint[] {
  if (!(level > 0 && level < 1)) throw new RangeError('level must lie strictly between 0 and 1');
  const { spec, parameters, coefficients } = fit;
  const { alpha, beta, gamma } = parameters;
  const p = spec.period;
  const seasonal = spec.seasonality !== 'none';
  const factor = (h: number) => coefficients.seasonal[(((h - 1) % p) + p) % p];
  const variance = sampleVariance(fit.residuals);
  const z = normalQuantile((1 + level) / 2);
  const psi = (j: number) =>
    alpha * (1 + j * beta) + (seasonal && j % p === 0 ? gamma * (1 - alpha) : 0);

  const points: ForecastPoint[] = [];
  let additiveSum = 1;
  for (let h = 1; h <= horizon; h++) {
    const base = coefficients.level + h * coefficients.trend;
    const mean =
      spec.seasonality === 'additive'
        ? base + factor(h)
        : spec.seasonality === 'multiplicative'
          ? base * factor(h)
          : base;
    if (h > 1) additiveSum += psi(h - 1) ** 2;
    let v = additiveSum;
    if (spec.seasonality === 'multiplicative') {
      v = 0;
      for (let j = 0; j < h; j++) v += ((j === 0 ? 1 : psi(j)) * (factor(h) / factor(h - j))) ** 2;
    }
    const half = z * Math.sqrt(variance * v);
    points.push({ step: h, mean, lower: mean - half, upper: mean + half });
  }
  return points;
}

/** var() as R computes it: mean removed, n - 1 in the denominator (0 for fewer than 2 values). */
function sampleVariance(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return 0;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  let s = 0;
  for (const v of values) s += (v - mean) ** 2;
  return s / (n - 1);
}
