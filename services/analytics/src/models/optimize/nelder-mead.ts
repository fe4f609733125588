/**
 * Derivative-free minimisation (Nelder & Mead 1965, with the standard coefficients: reflection 1,
 * expansion 2, contraction 0.5, shrink 0.5). The models' likelihoods (BG/NBD, Gamma-Gamma) and
 * smoothing errors (Holt-Winters) are smooth but their gradients are tedious and error-prone, and
 * the reference implementations (lifetimes: scipy's Nelder-Mead) fit them the same way.
 * Deterministic: the same start gives the same answer.
 */

export interface NelderMeadOptions {
  /** Stop when the simplex's values differ by less than this (absolute). Default 1e-10. */
  readonly tolerance?: number;
  /** Stop when every vertex is within this of the best one, per coordinate. Default 1e-10. */
  readonly pointTolerance?: number;
  /** Default 200 per dimension. */
  readonly maxIterations?: number;
  /** Size of the initial simplex's steps, relative to each start coordinate (0 -> 0.00025). */
  readonly initialStep?: number;
}

export interface Minimum {
  readonly point: number[];
  readonly value: number;
  readonly iterations: number;
  /** False when maxIterations ran out first. */
  readonly converged: boolean;
}

export function nelderMead(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  options: NelderMeadOptions = {},
): Minimum {
  const n = start.length;
  const tolerance = options.tolerance ?? 1e-10;
  const pointTolerance = options.pointTolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 200 * n;
  const step = options.initialStep ?? 0.05;
  // A non-finite value (a parameter outside its domain) ranks last.
  const value = (x: readonly number[]) => {
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };

  // The initial simplex as scipy builds it: each coordinate nudged by 5 % (0.00025 when zero).
  let simplex: number[][] = [start.slice()];
  for (let i = 0; i < n; i++) {
    const vertex = start.slice();
    vertex[i] = vertex[i] !== 0 ? vertex[i] * (1 + step) : 0.00025;
    simplex.push(vertex);
  }
  let values = simplex.map(value);

  const combine = (a: readonly number[], b: readonly number[], t: number) =>
    a.map((ai, i) => ai + t * (b[i] - ai));

  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const order = values.map((v, i) => i).sort((i, j) => values[i] - values[j]);
    simplex = order.map((i) => simplex[i]);
    values = order.map((i) => values[i]);

    const best = simplex[0];
    const spread = Math.max(...simplex.slice(1).map((v) => maxDistance(v, best)));
    if (Math.abs(values[n] - values[0]) <= tolerance && spread <= pointTolerance) break;

    const centroid = best.map((_, i) => simplex.slice(0, n).reduce((s, v) => s + v[i], 0) / n);
    const worst = simplex[n];
    const reflected = combine(centroid, worst, -1);
    const fr = value(reflected);

    if (fr < values[0]) {
      const expanded = combine(centroid, worst, -2);
      const fe = value(expanded);
      if (fe < fr) [simplex[n], values[n]] = [expanded, fe];
      else [simplex[n], values[n]] = [reflected, fr];
      continue;
    }
    if (fr < values[n - 1]) {
      [simplex[n], values[n]] = [reflected, fr];
      continue;
    }
    // Contract towards the better of the worst and the reflected point.
    const outside = fr < values[n];
    const contracted = combine(centroid, outside ? reflected : worst, 0.5);
    const fc = value(contracted);
    if (fc < (outside ? fr : values[n])) {
      [simplex[n], values[n]] = [contracted, fc];
      continue;
    }
    // Shrink everything towards the best vertex.
    for (let i = 1; i <= n; i++) {
      simplex[i] = combine(best, simplex[i], 0.5);
      values[i] = value(simplex[i]);
    }
  }
  const bestIndex = values.indexOf(Math.min(...values));
  return {
    point: simplex[bestIndex],
    value: values[bestIndex],
    iterations,
    converged: iterations < maxIterations,
  };
}

function maxDistance(a: readonly number[], b: readonly number[]): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}
