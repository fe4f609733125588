/**
 * Maximum likelihood over strictly positive parameters (every BG/NBD and Gamma-Gamma parameter):
 * the shared Nelder-Mead minimiser runs on their logarithms, so it can never step outside the
 * domain, and it restarts from its own answer until a restart no longer improves it (a simplex
 * that collapsed early in a long valley, the usual Nelder-Mead failure, gets a fresh one).
 */
import { nelderMead } from '../optimize/nelder-mead';

export interface PositiveMinimum {
  readonly point: number[];
  readonly value: number;
  readonly iterations: number;
  readonly converged: boolean;
}

const MAX_RESTARTS = 6;

export function minimiseOverPositive(
  f: (positive: readonly number[]) => number,
  start: readonly number[],
  maxIterations = 3_000,
): PositiveMinimum {
  const onLogs = (logs: readonly number[]) => f(logs.map(Math.exp));
  let logs = start.map(Math.log);
  let value = Infinity;
  let iterations = 0;
  let converged = false;
  for (let round = 0; round < MAX_RESTARTS; round++) {
    const found = nelderMead(onLogs, logs, {
      tolerance: 1e-9,
      pointTolerance: 1e-9,
      maxIterations,
      initialStep: 0.1,
    });
    iterations += found.iterations;
    const improvement = value - found.value;
    logs = found.point;
    value = found.value;
    converged = found.converged;
    if (!(improvement > 1e-7)) break;
  }
  return { point: logs.map(Math.exp), value, iterations, converged };
}
