/**
 * Holt-Winters against R's stats::HoltWinters on its own example datasets.
 * Reference output: R's saved example run, tests/Examples/stats-Ex.Rout.save in the R sources
 * (github.com/wch/r-source, commit 0c26529e807a9b1dd65f7324958c17bf72e1de1a, R-devel 2024-10;
 * the examples of ?HoltWinters and ?decompose, printed with options(digits = 5)).
 * Data: fixtures/ (R's datasets package: AirPassengers, co2).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  classicalDecomposition,
  fitHoltWinters,
  forecastHoltWinters,
  holtWintersSse,
  type HoltWintersFit,
  type HoltWintersSpec,
  startValues,
} from './holt-winters';
import { normalQuantile } from './normal-quantile';

const load = (name: string) =>
  readFileSync(join(__dirname, 'fixtures', `${name}.csv`), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => Number(line.split(',')[1]));

const airPassengers = load('air-passengers');
const co2 = load('co2');
const multiplicative: HoltWintersSpec = { trend: true, seasonality: 'multiplicative', period: 12 };
const additive: HoltWintersSpec = { trend: true, seasonality: 'additive', period: 12 };

function fitted(result: ReturnType<typeof fitHoltWinters>): HoltWintersFit {
  if (result.kind !== 'fitted') throw new Error(`expected a fit, got ${result.reason}`);
  return result;
}

/** |actual - printed| within half a unit of the printed value's last digit. */
function expectPrinted(actual: number, printed: string) {
  const decimals = printed.includes('.') ? printed.split('.')[1].length : 0;
  expect(Math.abs(actual - Number(printed))).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-12);
}

describe('classical decomposition (R decompose examples)', () => {
  it('gives decompose(co2)$figure', () => {
    const printed = [
      '-0.05359649',
      '0.61055921',
      '1.37564693',
      '2.51682018',
      '3.00028509',
      '2.32921053',
      '0.81293860',
      '-1.25052632',
      '-3.05458333',
      '-3.25194079',
      '-2.06969298',
      '-0.96512061',
    ];
    const { figure } = classicalDecomposition(co2, 12, 'additive');
    figure.forEach((f, i) => expectPrinted(f, printed[i]));
  });

  it('gives the Kendall & Stuart quarterly figure (period 4) of the same example page', () => {
    const x = [
      -50, 175, 149, 214, 247, 237, 225, 329, 729, 809, 530, 489, 540, 457, 195, 176, 337, 239, 128,
      102, 232, 429, 3, 98, 43, -141, -77, -13, 125, 361, -45, 184,
    ];
    const { figure } = classicalDecomposition(x, 4, 'additive');
    expect(figure.map((f) => Math.round((f / 10) * 100) / 100)).toEqual([6.25, 8.62, -8.84, -6.03]);
  });
});

describe('the filter with R printed parameters reproduces R printed coefficients', () => {
  it('AirPassengers, multiplicative', () => {
    // R prints alpha 0.27559, beta 0.032693, gamma 0.87073 (digits = 5); at R's default 7 digits
    // the same fit prints 0.2755925, 0.03269295, 0.8707292, which we use so that rounding of the
    // parameters does not blur the comparison.
    const fit = fitted(
      fitHoltWinters(airPassengers, multiplicative, {
        fixed: { alpha: 0.2755925, beta: 0.03269295, gamma: 0.8707292 },
      }),
    );
    expectPrinted(fit.coefficients.level, '469.32322');
    expectPrinted(fit.coefficients.trend, '3.02154');
    const s = [
      '0.94646',
      '0.88292',
      '0.97174',
      '1.03048',
      '1.04769',
      '1.18053',
      '1.35908',
      '1.33317',
      '1.10834',
      '0.98688',
      '0.83613',
      '0.92099',
    ];
    fit.coefficients.seasonal.forEach((v, i) => expectPrinted(v, s[i]));
  });

  it('co2, additive', () => {
    // Only the 5-digit parameters are published; their rounding (up to 5e-6 in alpha) moves the
    // level by about 1e-5, so a is compared to 4 decimals, the rest at the printed precision.
    const fit = fitted(
      fitHoltWinters(co2, additive, { fixed: { alpha: 0.51265, beta: 0.0094977, gamma: 0.47289 } }),
    );
    expect(fit.coefficients.level).toBeCloseTo(364.76162, 4);
    expectPrinted(fit.coefficients.trend, '0.12474');
    const s = [
      '0.22153',
      '0.95528',
      '1.59847',
      '2.87580',
      '3.28201',
      '2.44070',
      '0.89694',
      '-1.37964',
      '-3.41124',
      '-3.25702',
      '-1.91349',
      '-0.58442',
    ];
    fit.coefficients.seasonal.forEach((v, i) => expectPrinted(v, s[i]));
  });
});

describe('fitting: parameters by minimum SSE within [0, 1]', () => {
  // R minimises with L-BFGS-B from (0.3, 0.1, 0.1) and stops on its default relative tolerance
  // (factr 1e7, about 2e-9 of the SSE). The SSE surface is flat near the optimum, so our
  // Nelder-Mead (multi-start, polished) lands at a slightly lower SSE a few 1e-5 away in the
  // parameters. We therefore require SSE <= R's SSE (R's parameters through our filter, which
  // reproduces R's coefficients above) and the parameters within the stated distances.
  it('AirPassengers, multiplicative: SSE 16570.78 (R: 16570.78), parameters within 5e-5', () => {
    const rParameters = { alpha: 0.2755925, beta: 0.03269295, gamma: 0.8707292 };
    const rSse = holtWintersSse(airPassengers, multiplicative, rParameters);
    expect(rSse.toFixed(2)).toBe('16570.78');
    const fit = fitted(fitHoltWinters(airPassengers, multiplicative));
    expect(fit.sse).toBeLessThanOrEqual(rSse);
    expect(fit.sse.toFixed(2)).toBe('16570.78');
    expect(Math.abs(fit.parameters.alpha - rParameters.alpha)).toBeLessThan(5e-5);
    expect(Math.abs(fit.parameters.beta - rParameters.beta)).toBeLessThan(5e-5);
    expect(Math.abs(fit.parameters.gamma - rParameters.gamma)).toBeLessThan(5e-5);
    // Coefficients then agree with R's to: a within 0.01, b within 5e-4, s within 5e-5.
    expect(Math.abs(fit.coefficients.level - 469.32322)).toBeLessThan(0.01);
    expect(Math.abs(fit.coefficients.trend - 3.02154)).toBeLessThan(5e-4);
    expect(Math.abs(fit.coefficients.seasonal[0] - 0.94646)).toBeLessThan(5e-5);
    expect(fit.converged).toBe(true);
    expect(fit.observations).toBe(144);
    expect(fit.fitted).toHaveLength(132);
  });

  it('co2, additive: SSE <= R, parameters within 5e-5 of R 0.51265 / 0.0094977 / 0.47289', () => {
    const rParameters = { alpha: 0.51265, beta: 0.0094977, gamma: 0.47289 };
    const rSse = holtWintersSse(co2, additive, rParameters);
    const fit = fitted(fitHoltWinters(co2, additive));
    expect(fit.sse).toBeLessThanOrEqual(rSse);
    expect(rSse - fit.sse).toBeLessThan(1e-5);
    expect(Math.abs(fit.parameters.alpha - rParameters.alpha)).toBeLessThan(5e-5);
    expect(Math.abs(fit.parameters.beta - rParameters.beta)).toBeLessThan(5e-5);
    expect(Math.abs(fit.parameters.gamma - rParameters.gamma)).toBeLessThan(5e-5);
    // The values quoted in older write-ups (beta 0.009431, gamma 0.4728, from older R
    // versions' optimiser) give a higher SSE than ours as well.
    expect(fit.sse).toBeLessThanOrEqual(
      holtWintersSse(co2, additive, { alpha: 0.5126484, beta: 0.009431, gamma: 0.4728 }),
    );
  });

  it('uses R start values: regression on the first two seasons moving average', () => {
    const start = startValues(airPassengers, multiplicative);
    expect(start.firstFiltered).toBe(12);
    // The 12 centred moving averages of 1949-50 lie on a line of slope ~1.15 passengers/month.
    expect(start.trend).toBeCloseTo(1.1457, 4);
    expect(start.level).toBeCloseTo(124.3169, 4);
    expect(start.seasonal.reduce((a, b) => a + b, 0) / 12).toBeCloseTo(1, 12);
    expect(startValues([3, 5, 4], { trend: true, seasonality: 'none', period: 12 })).toEqual({
      level: 5,
      trend: 2,
      seasonal: [],
      firstFiltered: 2,
    });
  });

  it('says why it cannot fit instead of returning NaN', () => {
    expect(fitHoltWinters(airPassengers.slice(0, 23), multiplicative)).toMatchObject({
      kind: 'cannot-fit',
      reason: 'fewer-than-two-seasons',
      needed: 24,
      observations: 23,
    });
    expect(fitHoltWinters([0, ...airPassengers.slice(1)], multiplicative)).toMatchObject({
      kind: 'cannot-fit',
      reason: 'non-positive-values-for-multiplicative',
    });
    expect(fitHoltWinters([1, 2], { trend: true, seasonality: 'none', period: 12 })).toMatchObject({
      kind: 'cannot-fit',
      reason: 'too-few-observations',
      needed: 4,
    });
    expect(
      fitHoltWinters([1, NaN, 3, 4], { trend: false, seasonality: 'none', period: 12 }),
    ).toMatchObject({
      kind: 'cannot-fit',
      reason: 'non-finite-values',
    });
  });

  it('fits the non-seasonal variants and keeps parameters inside [0, 1]', () => {
    for (const trend of [false, true]) {
      const fit = fitted(fitHoltWinters(airPassengers, { trend, seasonality: 'none', period: 12 }));
      for (const p of Object.values(fit.parameters)) {
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
      }
      if (!trend) expect(fit.parameters.beta).toBe(0);
      expect(fit.parameters.gamma).toBe(0);
    }
  });
});

describe('forecasts and prediction intervals (predict.HoltWinters)', () => {
  // No published interval values of R's example (predict(m, 50, prediction.interval = TRUE) on
  // co2 is only plotted), so the intervals are checked against R's formula itself, from
  // predict.HoltWinters in src/library/stats/R/HoltWinters.R (same commit).
  const fit = fitted(
    fitHoltWinters(co2, additive, { fixed: { alpha: 0.51265, beta: 0.0094977, gamma: 0.47289 } }),
  );
  const points = forecastHoltWinters(fit, 50);
  const residualVariance = (() => {
    const r = fit.residuals;
    const mean = r.reduce((a, b) => a + b, 0) / r.length;
    return r.reduce((a, b) => a + (b - mean) ** 2, 0) / (r.length - 1);
  })();

  it('point forecasts are a + h b + s_h, seasons repeating', () => {
    const { level, trend, seasonal } = fit.coefficients;
    expect(points[0].mean).toBeCloseTo(level + trend + seasonal[0], 10);
    expect(points[12].mean).toBeCloseTo(level + 13 * trend + seasonal[0], 10);
    expect(points[49].mean).toBeCloseTo(level + 50 * trend + seasonal[1], 10);
  });

  it('intervals are mean ± z sqrt(var(res) (1 + Σ ψ_j²)), ψ_j = α(1 + jβ) + [j mod 12 = 0] γ(1 - α)', () => {
    const { alpha, beta, gamma } = fit.parameters;
    const z = normalQuantile(0.975);
    expect(z).toBeCloseTo(1.959963984540054, 14);
    let sum = 1;
    for (let h = 1; h <= 50; h++) {
      if (h > 1) {
        const j = h - 1;
        sum += (alpha * (1 + j * beta) + (j % 12 === 0 ? gamma * (1 - alpha) : 0)) ** 2;
      }
      const half = z * Math.sqrt(residualVariance * sum);
      expect(points[h - 1].upper - points[h - 1].mean).toBeCloseTo(half, 10);
      expect(points[h - 1].mean - points[h - 1].lower).toBeCloseTo(half, 10);
    }
    // One step ahead it is simply ±1.96 residual standard deviations.
    expect(points[0].upper - points[0].mean).toBeCloseTo(z * Math.sqrt(residualVariance), 10);
  });

  it('multiplicative intervals widen with the horizon and scale with the season', () => {
    const m = fitted(fitHoltWinters(airPassengers, multiplicative));
    const p = forecastHoltWinters(m, 24, 0.8);
    for (const point of p) {
      expect(point.lower).toBeLessThan(point.mean);
      expect(point.upper).toBeGreaterThan(point.mean);
    }
    expect(p[18].upper - p[18].lower).toBeGreaterThan(p[6].upper - p[6].lower);
    // July (peak season) is wider than November one year out.
    expect(p[18].upper - p[18].lower).toBeGreaterThan(p[22].upper - p[22].lower);
  });
});
