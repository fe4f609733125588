/**
 * One load cell with autocannon: a route against one server, either at a fixed overall rate
 * (latency corrected for coordinated omission, autocannon's default) or at saturation
 * (closed loop, a fixed number of connections).
 */
// autocannon ships no types; the few fields used here are typed below.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: object) => Promise<AutocannonResult>;

interface AutocannonResult {
  latency: { p50: number; p99: number };
  requests: { average: number };
  duration: number;
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

export interface RouteLoad {
  readonly name: string;
  readonly method: 'GET' | 'POST';
  /** Called per request: its path and body (bodies vary: a new email, another deal). */
  readonly next: () => { path: string; body?: string };
}

export interface LoadResult {
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly reqPerS: number;
  readonly ok: number;
  readonly failed: number;
}

export async function runLoad(
  url: string,
  token: string,
  route: RouteLoad,
  options: { seconds: number; connections: number; overallRate?: number },
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    duration: options.seconds,
    connections: options.connections,
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
    requests: [
      {
        method: route.method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        setupRequest: (request: Record<string, unknown>) => {
          const { path, body } = route.next();
          return { ...request, path, ...(body !== undefined ? { body } : {}) };
        },
      },
    ],
  });
  return {
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    reqPerS: Math.round(result['2xx'] / result.duration),
    ok: result['2xx'],
    failed: result.non2xx + result.errors + result.timeouts,
  };
}
