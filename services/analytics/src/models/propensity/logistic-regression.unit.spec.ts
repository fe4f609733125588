import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DesignMatrix,
  fitLogistic,
  LogisticFit,
  predictProbabilities,
} from './logistic-regression';

/** R's datasets::mtcars (Henderson & Velleman 1981), fixtures/README.md says where from. */
function mtcars(): Record<string, number>[] {
  const [header, ...lines] = readFileSync(join(__dirname, 'fixtures/mtcars.csv'), 'utf8')
    .trim()
    .split('\n');
  const columns = header.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(columns.slice(1).map((c, i) => [c, Number(cells[i + 1])]));
  });
}

function design(rows: Record<string, number>[], columns: string[]): DesignMatrix {
  return {
    columnNames: columns,
    rows: rows.length,
    values: Float64Array.from(rows.flatMap((r) => columns.map((c) => r[c]))),
  };
}

function fitted(result: ReturnType<typeof fitLogistic>): LogisticFit {
  if (result.kind !== 'fitted') throw new Error(`expected a fit, got ${result.reason}`);
  return result;
}

/** Rounds to `digits` significant digits, as R prints them. */
const significant = (value: number, digits: number) => Number(value.toPrecision(digits));

describe('fitLogistic reproduces R glm(family = binomial)', () => {
  const cars = mtcars();

  it('am ~ hp + wt on mtcars: coefficients, standard errors, z, p, deviances, AIC, 8 iterations', () => {
    // summary(glm(am ~ hp + wt, data = mtcars, family = binomial)) as R prints it; the same table
    // appears in knitted R Markdown in public repositories, e.g. the post "Plotting the fit of
    // regression models in R" (Jekyll source, `{% highlight text %}` block) and an R course's
    // "Goodness-of-fit" section (summary(glm(am ~ hp + wt, data=mtcars, family=binomial))):
    //   (Intercept) 18.86630    7.44356   2.535  0.01126
    //   hp           0.03626    0.01773   2.044  0.04091
    //   wt          -8.08348    3.06868  -2.634  0.00843
    //   Null deviance: 43.230 on 31 df; Residual deviance: 10.059 on 29 df; AIC: 16.059
    //   Number of Fisher Scoring iterations: 8
    const fit = fitted(
      fitLogistic(
        design(cars, ['hp', 'wt']),
        cars.map((c) => c.am),
      ),
    );
    const [intercept, hp, wt] = fit.coefficients;
    expect(fit.coefficients.map((c) => c.name)).toEqual(['(Intercept)', 'hp', 'wt']);
    expect(intercept.estimate.toFixed(5)).toBe('18.86630');
    expect(hp.estimate.toFixed(5)).toBe('0.03626');
    expect(wt.estimate.toFixed(5)).toBe('-8.08348');
    expect(intercept.standardError.toFixed(5)).toBe('7.44356');
    expect(hp.standardError.toFixed(5)).toBe('0.01773');
    expect(wt.standardError.toFixed(5)).toBe('3.06868');
    expect(intercept.z.toFixed(3)).toBe('2.535');
    expect(hp.z.toFixed(3)).toBe('2.044');
    expect(wt.z.toFixed(3)).toBe('-2.634');
    expect(significant(intercept.p, 4)).toBe(0.01126);
    expect(significant(hp.p, 4)).toBe(0.04091);
    expect(significant(wt.p, 3)).toBe(0.00843);
    expect(fit.nullDeviance.toFixed(3)).toBe('43.230');
    expect(fit.deviance.toFixed(3)).toBe('10.059');
    expect(fit.aic.toFixed(3)).toBe('16.059');
    expect(fit.degreesOfFreedom).toEqual({ null: 31, residual: 29 });
    expect(fit.iterations).toBe(8);
    expect(fit.converged).toBe(true);
    expect(fit.logLikelihood).toBeCloseTo(-fit.deviance / 2, 12);
    expect(fit.observations).toBe(32);
  });

  it('vs ~ mpg on mtcars: the cookbook-r example', () => {
    // http://www.cookbook-r.com/Statistical_analysis/Logistic_regression/ ("Continuous predictor,
    // dichotomous outcome"), whose summary output is reproduced in the comments of
    // github.com/fisproject/R-Study generalized_linear_model_examples/binomial_link_logit.R:
    // (Intercept) -8.8331 (SE 3.1623, z -2.793, p 0.00522), mpg 0.4304 (SE 0.1584, z 2.717,
    // p 0.00659); Null deviance 43.860 on 31 df, Residual deviance 25.533 on 30 df, AIC 29.533,
    // 6 Fisher scoring iterations.
    const fit = fitted(
      fitLogistic(
        design(cars, ['mpg']),
        cars.map((c) => c.vs),
      ),
    );
    const [intercept, mpg] = fit.coefficients;
    expect(intercept.estimate.toFixed(4)).toBe('-8.8331');
    expect(mpg.estimate.toFixed(4)).toBe('0.4304');
    expect(intercept.standardError.toFixed(4)).toBe('3.1623');
    expect(mpg.standardError.toFixed(4)).toBe('0.1584');
    expect(intercept.z.toFixed(3)).toBe('-2.793');
    expect(mpg.z.toFixed(3)).toBe('2.717');
    expect(significant(intercept.p, 3)).toBe(0.00522);
    expect(significant(mpg.p, 3)).toBe(0.00659);
    expect(fit.nullDeviance.toFixed(3)).toBe('43.860');
    expect(fit.deviance.toFixed(3)).toBe('25.533');
    expect(fit.aic.toFixed(3)).toBe('29.533');
    expect(fit.iterations).toBe(6);
  });

  it('predicts the r-tutor example: P(manual | 120 hp, 2800 lb) is about 64 %', () => {
    // https://r-tutor.com/elementary-statistics/logistic-regression/estimated-logistic-regression-equation
    // predict(am.glm, data.frame(hp = 120, wt = 2.8), type = "response"): "about 64%" (the page
    // rounds to whole percent, so this checks only that).
    const fit = fitted(
      fitLogistic(
        design(cars, ['hp', 'wt']),
        cars.map((c) => c.am),
      ),
    );
    const [probability] = predictProbabilities(fit, design([{ hp: 120, wt: 2.8 }], ['hp', 'wt']));
    expect(Math.round(probability * 100)).toBe(64);
  });
});

describe('fitLogistic on the endometrial data (Heinze & Schemper 2002)', () => {
  const [header, ...lines] = readFileSync(join(__dirname, 'fixtures/endometrial.csv'), 'utf8')
    .trim()
    .split('\n');
  const columns = header.split(',');
  const cases = lines.map((line) =>
    Object.fromEntries(line.split(',').map((cell, i) => [columns[i], Number(cell)])),
  );

  it('finds the quasi-complete separation by NV that makes its ML estimate infinite', () => {
    // Heinze & Schemper (2002), section 2: all 13 cases with neovasculization (NV = 1) have a high
    // histology grade, so the MLE of NV's coefficient is infinite; brglm2's detect_separation
    // (Konis' linear programme) reports the same for glm(HG ~ NV + PI + EH): NV Inf, others 0.
    expect(cases.filter((c) => c.NV === 1).every((c) => c.HG === 1)).toBe(true);
    const result = fitLogistic(
      design(cases, ['NV', 'PI', 'EH']),
      cases.map((c) => c.HG),
    );
    expect(result).toMatchObject({
      kind: 'cannot-fit',
      reason: 'separation',
      separation: { complete: false, columns: ['NV'], separatedObservations: 13 },
    });
  });

  it('fits it with a ridge penalty, the NV coefficient then finite and the largest', () => {
    const fit = fitted(
      fitLogistic(
        design(cases, ['NV', 'PI', 'EH']),
        cases.map((c) => c.HG),
        { l2: 0.5 },
      ),
    );
    const [, nv, pi, eh] = fit.coefficients;
    expect(fit.converged).toBe(true);
    expect(Number.isFinite(nv.estimate)).toBe(true);
    expect(nv.estimate).toBeGreaterThan(Math.abs(pi.estimate));
    expect(eh.estimate).toBeLessThan(0);
  });
});

describe('fitLogistic on data glm cannot estimate', () => {
  const line = (xs: number[]): DesignMatrix => ({
    columnNames: ['x'],
    rows: xs.length,
    values: Float64Array.from(xs),
  });

  it('reports complete separation instead of iterating off to infinity', () => {
    const result = fitLogistic(line([1, 2, 3, 4, 5, 6]), [0, 0, 0, 1, 1, 1]);
    expect(result.kind).toBe('cannot-fit');
    if (result.kind !== 'cannot-fit') return;
    expect(result.reason).toBe('separation');
    expect(result.separation).toEqual({ complete: true, columns: ['x'], separatedObservations: 6 });
  });

  it('reports quasi-complete separation (the rows at x = 3 overlap, the rest are separated)', () => {
    const result = fitLogistic(line([1, 2, 3, 3, 4, 5]), [0, 0, 0, 1, 1, 1]);
    expect(result.kind).toBe('cannot-fit');
    if (result.kind !== 'cannot-fit') return;
    expect(result.reason).toBe('separation');
    expect(result.separation?.complete).toBe(false);
    expect(result.separation?.columns).toEqual(['x']);
    expect(result.separation?.separatedObservations).toBe(4);
  });

  it('fits separated data when an L2 penalty is given, with finite coefficients', () => {
    const fit = fitted(fitLogistic(line([1, 2, 3, 4, 5, 6]), [0, 0, 0, 1, 1, 1], { l2: 1 }));
    expect(fit.converged).toBe(true);
    expect(Number.isFinite(fit.coefficients[1].estimate)).toBe(true);
    expect(fit.coefficients[1].estimate).toBeGreaterThan(0);
    expect(fit.l2).toBe(1);
  });

  it('does not mistake an ordinary overlapping fit for separation', () => {
    const fit = fitted(fitLogistic(line([1, 2, 3, 4, 5, 6, 7, 8]), [0, 0, 1, 0, 1, 0, 1, 1]));
    expect(fit.converged).toBe(true);
  });

  it('says which column is collinear rather than producing NaN', () => {
    const result = fitLogistic(
      {
        columnNames: ['a', 'b'],
        rows: 6,
        values: Float64Array.from([1, 2, 2, 4, 3, 6, 4, 8, 5, 10, 6, 12]),
      },
      [0, 1, 0, 1, 1, 0],
    );
    expect(result).toMatchObject({ kind: 'cannot-fit', reason: 'collinear-features', column: 'b' });
  });

  it('refuses a single class and too few rows with typed reasons', () => {
    expect(fitLogistic(line([1, 2, 3]), [1, 1, 1])).toMatchObject({ reason: 'single-class' });
    expect(fitLogistic(line([1, 2]), [0, 1])).toMatchObject({ reason: 'too-few-observations' });
    expect(fitLogistic(line([1, 2, 3]), [0, 1, 2])).toMatchObject({ reason: 'invalid-input' });
  });

  it('shrinks coefficients towards zero as the penalty grows, never the intercept alone', () => {
    const cars = mtcars();
    const slopes = [0, 0.1, 1, 10].map((l2) => {
      const fit = fitted(
        fitLogistic(
          design(cars, ['hp', 'wt']),
          cars.map((c) => c.am),
          { l2 },
        ),
      );
      return Math.abs(fit.coefficients[2].estimate);
    });
    for (let i = 1; i < slopes.length; i++) expect(slopes[i]).toBeLessThan(slopes[i - 1]);
  });
});
