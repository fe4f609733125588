/**
 * Binary logistic regression fitted by iteratively reweighted least squares (Newton-Raphson on
 * the log-likelihood; for the canonical logit link it is the same as Fisher scoring), the maximum
 * likelihood estimate R's glm(family = binomial) computes: McCullagh & Nelder, Generalized Linear
 * Models (2nd ed., 1989), section 2.5 and chapter 4. Starting values, the convergence rule and the
 * information matrix behind the standard errors follow glm.fit's documented choices so its printed
 * results reproduce (mu starts at (y + 0.5) / 2; stop when |dev - dev_old| / (|dev| + 0.1) < 1e-8;
 * at most 25 iterations).
 *
 * Optional ridge (L2) penalty: maximises loglik - (l2 / 2) * sum of the squared non-intercept
 * coefficients (le Cessie & van Houwelingen 1992, Applied Statistics 41:191). Default 0, so glm's
 * numbers reproduce; a positive value keeps the estimate finite when the data separate.
 *
 * Separation (a direction in which the likelihood keeps growing, so the MLE does not exist;
 * Albert & Anderson 1984, Biometrika 71:1) is detected, not iterated forever: when the unpenalised
 * fit ends with observations fitted as certain, the last Newton step and the last estimate are
 * tried as certificates, i.e. a direction d with (2y - 1) x.d >= 0 for every row and > 0 for some.
 * Such a d proves that no finite maximum exists, and the result says so instead of returning
 * coefficients that only reflect where the iterations stopped.
 */
import { choleskyInPlace, choleskyInverseDiagonal, choleskySolveInPlace } from './symmetric-solve';
import { twoSidedNormalP } from './normal-distribution';

/** Row-major n x p matrix of predictors (no intercept column: the fit adds it). */
export interface DesignMatrix {
  readonly columnNames: readonly string[];
  readonly rows: number;
  /** rows * columnNames.length values, row by row. */
  readonly values: Float64Array;
}

export interface LogisticOptions {
  /** Ridge penalty on the non-intercept coefficients. Default 0 (plain maximum likelihood). */
  readonly l2?: number;
  /** Default true, named "(Intercept)" as R does. */
  readonly intercept?: boolean;
  /** Default 25 (glm.control's maxit). */
  readonly maxIterations?: number;
  /** Relative deviance change that ends the iterations. Default 1e-8 (glm.control's epsilon). */
  readonly tolerance?: number;
}

export interface Coefficient {
  readonly name: string;
  readonly estimate: number;
  readonly standardError: number;
  /** Wald statistic estimate / standardError. */
  readonly z: number;
  /** Two-sided p-value of z under the standard normal. */
  readonly p: number;
}

export interface LogisticFit {
  readonly kind: 'fitted';
  readonly coefficients: readonly Coefficient[];
  /** Unpenalised log-likelihood at the estimate. */
  readonly logLikelihood: number;
  /** -2 * logLikelihood (the saturated model of 0/1 data has likelihood 1). */
  readonly deviance: number;
  /** Deviance of the intercept-only model (of mu = 0.5 without an intercept). */
  readonly nullDeviance: number;
  /** deviance + 2 * number of coefficients. */
  readonly aic: number;
  readonly degreesOfFreedom: { readonly null: number; readonly residual: number };
  readonly iterations: number;
  readonly converged: boolean;
  readonly observations: number;
  readonly positives: number;
  readonly l2: number;
}

export type CannotFitReason =
  'too-few-observations' | 'single-class' | 'collinear-features' | 'separation' | 'invalid-input';

export interface LogisticCannotFit {
  readonly kind: 'cannot-fit';
  readonly reason: CannotFitReason;
  readonly detail: string;
  readonly observations: number;
  readonly positives: number;
  /** For separation: the columns whose coefficients run off to infinity, and how completely. */
  readonly separation?: {
    readonly complete: boolean;
    readonly columns: readonly string[];
    /** Rows fitted as certain along the separating direction. */
    readonly separatedObservations: number;
  };
  /** For collinear features: the column that is a combination of the ones before it. */
  readonly column?: string;
}

export type LogisticResult = LogisticFit | LogisticCannotFit;

const INTERCEPT = '(Intercept)';

/** Probability of the logit: 1 / (1 + e^-eta), clamped like R's binomial()$linkinv. */
function inverseLogit(eta: number): number {
  if (eta < -30) return Number.EPSILON;
  if (eta > 30) return 1 - Number.EPSILON;
  return 1 / (1 + Math.exp(-eta));
}

/** log(1 + e^x) without overflow. */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** Log-likelihood of 0/1 outcomes at linear predictors eta, computed on the logit scale. */
function logLikelihoodAt(eta: Float64Array, y: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < eta.length; i++) sum -= y[i] === 1 ? softplus(-eta[i]) : softplus(eta[i]);
  return sum;
}

export function fitLogistic(
  design: DesignMatrix,
  outcomes: ArrayLike<number | boolean>,
  options: LogisticOptions = {},
): LogisticResult {
  const n = design.rows;
  const intercept = options.intercept ?? true;
  const l2 = options.l2 ?? 0;
  const maxIterations = options.maxIterations ?? 25;
  const tolerance = options.tolerance ?? 1e-8;
  const features = design.columnNames.length;
  const p = features + (intercept ? 1 : 0);
  const names = intercept ? [INTERCEPT, ...design.columnNames] : [...design.columnNames];

  const y = new Uint8Array(n);
  let positives = 0;
  const refuse = (reason: CannotFitReason, detail: string, extra = {}): LogisticCannotFit => ({
    kind: 'cannot-fit',
    reason,
    detail,
    observations: n,
    positives,
    ...extra,
  });
  if (design.values.length !== n * features || outcomes.length !== n || !(l2 >= 0)) {
    return refuse('invalid-input', 'design and outcomes disagree in size, or l2 < 0');
  }
  for (let i = 0; i < n; i++) {
    const v = outcomes[i];
    if (v !== 0 && v !== 1 && v !== true && v !== false) {
      return refuse('invalid-input', `outcome ${i} is ${String(v)}, not 0/1`);
    }
    y[i] = v === 1 || v === true ? 1 : 0;
    positives += y[i];
  }
  for (let i = 0; i < design.values.length; i++) {
    if (!Number.isFinite(design.values[i])) {
      return refuse('invalid-input', `design value ${i} is not a finite number`);
    }
  }
  if (n <= p) return refuse('too-few-observations', `${n} rows for ${p} coefficients`);
  if (positives === 0 || positives === n) {
    return refuse('single-class', `all ${n} outcomes are ${positives === 0 ? 0 : 1}`);
  }

  // The full model matrix, intercept first, so the inner loops need no branches.
  const x = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    let c = 0;
    if (intercept) x[i * p + c++] = 1;
    for (let j = 0; j < features; j++) x[i * p + c++] = design.values[i * features + j];
  }
  const penalised = (j: number) => (intercept ? j > 0 : true);

  const eta = new Float64Array(n);
  const beta = new Float64Array(p);
  const previousBeta = new Float64Array(p);
  const information = new Float64Array(p * p);
  const score = new Float64Array(p);
  const row = new Float64Array(p);

  // glm.fit's start for binomial: mu = (y + 0.5) / 2, i.e. eta = +-log(3).
  for (let i = 0; i < n; i++) eta[i] = y[i] === 1 ? Math.log(3) : -Math.log(3);

  const penalty = (b: Float64Array) => {
    let s = 0;
    for (let j = 0; j < p; j++) if (penalised(j)) s += b[j] * b[j];
    return l2 * s;
  };
  const linearPredictor = (b: Float64Array) => {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < p; j++) s += x[i * p + j] * b[j];
      eta[i] = s;
    }
  };

  let objective = Infinity; // penalised deviance of the current beta
  let iterations = 0;
  let converged = false;
  for (iterations = 1; iterations <= maxIterations; iterations++) {
    // Weighted least squares of the working response z = eta + (y - mu) / w on X, w = mu(1 - mu).
    information.fill(0);
    score.fill(0);
    for (let i = 0; i < n; i++) {
      const mu = inverseLogit(eta[i]);
      const w = mu * (1 - mu);
      const z = eta[i] + (y[i] - mu) / w;
      for (let j = 0; j < p; j++) row[j] = x[i * p + j];
      for (let j = 0; j < p; j++) {
        const wx = w * row[j];
        score[j] += wx * z;
        for (let k = 0; k <= j; k++) information[j * p + k] += wx * row[k];
      }
    }
    for (let j = 0; j < p; j++) {
      if (penalised(j)) information[j * p + j] += l2;
      for (let k = 0; k < j; k++) information[k * p + j] = information[j * p + k];
    }
    const failed = choleskyInPlace(information, p);
    if (failed >= 0) {
      return refuse('collinear-features', `column ${names[failed]} is a combination of others`, {
        column: names[failed],
      });
    }
    previousBeta.set(beta);
    choleskySolveInPlace(information, p, score);
    beta.set(score);

    linearPredictor(beta);
    let next = -2 * logLikelihoodAt(eta, y) + penalty(beta);
    // Step halving if the deviance went up or broke (glm.fit halves only on non-finite values;
    // halving on an increase as well never changes where a converging fit ends).
    for (let halvings = 0; iterations > 1 && !(next <= objective) && halvings < 30; halvings++) {
      for (let j = 0; j < p; j++) beta[j] = (beta[j] + previousBeta[j]) / 2;
      linearPredictor(beta);
      next = -2 * logLikelihoodAt(eta, y) + penalty(beta);
    }
    const change = Math.abs(next - objective) / (Math.abs(next) + 0.1);
    objective = next;
    if (change < tolerance) {
      converged = true;
      break;
    }
  }
  iterations = Math.min(iterations, maxIterations);

  if (l2 === 0) {
    const separation = findSeparation(x, y, n, p, eta, beta, previousBeta);
    if (separation) {
      const columns = names.filter(
        (name, j) => separation.direction[j] !== 0 && name !== INTERCEPT,
      );
      return refuse(
        'separation',
        `the outcome is ${separation.complete ? 'completely' : 'quasi-completely'} separated ` +
          `by ${columns.join(', ') || 'the intercept'}: the maximum likelihood estimate does not ` +
          'exist (use l2 > 0 or drop the column)',
        {
          separation: {
            complete: separation.complete,
            columns,
            separatedObservations: separation.separatedObservations,
          },
        },
      );
    }
  }

  // Standard errors from the information of the last weighted least squares step, as summary.glm.
  const variances = choleskyInverseDiagonal(information, p);
  const logLikelihood = logLikelihoodAt(eta, y);
  const deviance = -2 * logLikelihood;
  const coefficients = names.map((name, j) => {
    const standardError = Math.sqrt(variances[j]);
    const z = beta[j] / standardError;
    return { name, estimate: beta[j], standardError, z, p: twoSidedNormalP(z) };
  });
  return {
    kind: 'fitted',
    coefficients,
    logLikelihood,
    deviance,
    nullDeviance: nullDeviance(positives, n, intercept),
    aic: deviance + 2 * p,
    degreesOfFreedom: { null: intercept ? n - 1 : n, residual: n - p },
    iterations,
    converged,
    observations: n,
    positives,
    l2,
  };
}

function nullDeviance(positives: number, n: number, intercept: boolean): number {
  if (!intercept) return 2 * n * Math.LN2;
  const rate = positives / n;
  return -2 * (positives * Math.log(rate) + (n - positives) * Math.log(1 - rate));
}

/** Fitted probabilities beyond this of the observed class mean the row is fitted as certain. */
const CERTAIN_LOGIT = 15;

interface Separation {
  readonly complete: boolean;
  readonly direction: Float64Array;
  readonly separatedObservations: number;
}

/**
 * Looks for a certificate of separation among the directions the iterations point to: the last
 * Newton step (in which the estimate runs off once the finite part has settled) and the estimate
 * itself (complete separation). Checked only when some row is fitted as certain, which every
 * separated fit ends with and an ordinary one almost never does.
 */
function findSeparation(
  x: Float64Array,
  y: Uint8Array,
  n: number,
  p: number,
  eta: Float64Array,
  beta: Float64Array,
  previousBeta: Float64Array,
): Separation | undefined {
  let certain = 0;
  for (let i = 0; i < n; i++) if ((y[i] === 1 ? eta[i] : -eta[i]) > CERTAIN_LOGIT) certain++;
  if (certain === 0) return undefined;

  const step = new Float64Array(p);
  for (let j = 0; j < p; j++) step[j] = beta[j] - previousBeta[j];
  for (const candidate of [step, beta]) {
    const found = certifies(x, y, n, p, candidate);
    if (found) return found;
  }
  return undefined;
}

function certifies(
  x: Float64Array,
  y: Uint8Array,
  n: number,
  p: number,
  candidate: Float64Array,
): Separation | undefined {
  const direction = new Float64Array(p);
  let largest = 0;
  for (let j = 0; j < p; j++) largest = Math.max(largest, Math.abs(candidate[j]));
  if (largest === 0) return undefined;
  // Components negligible next to the largest are the finite part's leftovers: zero them, so the
  // reported columns are the ones that really diverge.
  for (let j = 0; j < p; j++)
    direction[j] = Math.abs(candidate[j]) > largest * 1e-3 ? candidate[j] : 0;

  const margins = new Float64Array(n);
  let scale = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < p; j++) s += x[i * p + j] * direction[j];
    margins[i] = y[i] === 1 ? s : -s;
    scale = Math.max(scale, Math.abs(s));
  }
  if (scale === 0) return undefined;
  const slack = scale * 1e-6;
  let strict = 0;
  for (let i = 0; i < n; i++) {
    if (margins[i] < -slack) return undefined;
    if (margins[i] > slack) strict++;
  }
  if (strict === 0) return undefined;
  return { complete: strict === n, direction, separatedObservations: strict };
}

/** P(y = 1) for each row of `design` under fitted coefficients (matched to columns by name). */
export function predictProbabilities(fit: LogisticFit, design: DesignMatrix): Float64Array {
  const features = design.columnNames.length;
  const byName = new Map(fit.coefficients.map((c) => [c.name, c.estimate]));
  const intercept = byName.get(INTERCEPT) ?? 0;
  // Columns and coefficients must match one to one: a silently ignored coefficient would score
  // every customer with a different model than the one fitted.
  if (byName.size - (byName.has(INTERCEPT) ? 1 : 0) !== features) {
    throw new Error('the design has other columns than the model: encode with its encoding');
  }
  const weights = design.columnNames.map((name) => {
    const w = byName.get(name);
    if (w === undefined) throw new Error(`the model has no coefficient for column ${name}`);
    return w;
  });
  const out = new Float64Array(design.rows);
  for (let i = 0; i < design.rows; i++) {
    let eta = intercept;
    for (let j = 0; j < features; j++) eta += weights[j] * design.values[i * features + j];
    out[i] = 1 / (1 + Math.exp(-eta));
  }
  return out;
}
