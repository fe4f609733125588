/**
 * Minimisation over the unit box [0, 1]^n, for smoothing parameters. The shared Nelder-Mead
 * minimiser is unbounded, so each parameter is written as p = sin²(θ): θ ranges over the reals and
 * p covers [0, 1] including its ends (a logit would never reach 0 or 1, and R's HoltWinters fits
 * often sit on a bound, e.g. gamma = 1). Several starts guard against the local minima that
 * Holt-Winters error surfaces have; the best one is polished by a restart from its own optimum
 * (a fresh simplex undoes a simplex that collapsed early).
 */
import { nelderMead } from '../optimize/nelder-mead';

export interface BoxMinimum {
  readonly point: number[];
  readonly value: number;
  /** Nelder-Mead iterations over every start and the polishing restart. */
  readonly iterations: number;
  /** Whether the polishing run met the tolerances before its iteration budget ran out. */
  readonly converged: boolean;
}

const toUnit = (theta: number): number => {
  const s = Math.sin(theta);
  return s * s;
};
const fromUnit = (p: number): number => Math.asin(Math.sqrt(Math.min(1, Math.max(0, p))));

export function minimiseOnUnitBox(
  f: (p: readonly number[]) => number,
  starts: readonly (readonly number[])[],
  options: { readonly maxIterations?: number } = {},
): BoxMinimum {
  const n = starts[0].length;
  const point = new Array<number>(n);
  const inTheta = (theta: readonly number[]) => {
    for (let i = 0; i < n; i++) point[i] = toUnit(theta[i]);
    return f(point);
  };
  const maxIterations = options.maxIterations ?? 1_000 * n;
  // Tolerance relative to the size of the objective: an SSE of 10^4 cannot be resolved to 1e-10.
  const scale = Math.max(1, Math.abs(f(starts[0])));
  const settings = { maxIterations, tolerance: 1e-12 * scale, pointTolerance: 1e-9 };
  // The starts only need to find the right basin; the polishing run does the precise part.
  const rough = { maxIterations: 200 * n, tolerance: 1e-7 * scale, pointTolerance: 1e-4 };

  let iterations = 0;
  let best: { theta: number[]; value: number } | undefined;
  for (const start of starts) {
    const found = nelderMead(inTheta, start.map(fromUnit), rough);
    iterations += found.iterations;
    if (!best || found.value < best.value) best = { theta: found.point, value: found.value };
  }
  // Starting exactly at 0 (θ = 0) would give the simplex a zero-sized step there; nudge it.
  const polished = nelderMead(
    inTheta,
    best!.theta.map((t) => (Math.abs(t) < 1e-3 ? 1e-3 : t)),
    settings,
  );
  iterations += polished.iterations;
  const winner = polished.value <= best!.value ? polished.point : best!.theta;
  return {
    point: winner.map(toUnit),
    value: Math.min(polished.value, best!.value),
    iterations,
    converged: polished.converged,
  };
}
