/**
 * Prometheus metrics in the process-wide default registry: Node/process metrics plus one HTTP
 * latency histogram labelled by route pattern (`/contacts/:id`), never by raw URL, so the number
 * of series stays bounded whatever ids clients send.
 */
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Histogram, register } from 'prom-client';

export const HTTP_DURATION_METRIC = 'http_request_duration_seconds';
const UNMATCHED_ROUTE = 'unmatched';

function httpDurationHistogram(): Histogram<'method' | 'route' | 'status'> {
  // Several apps may live in one process (tests): the registry holds one instance per name.
  const existing = register.getSingleMetric(HTTP_DURATION_METRIC);
  if (existing) return existing as Histogram<'method' | 'route' | 'status'>;
  return new Histogram({
    name: HTTP_DURATION_METRIC,
    help: 'HTTP request duration in seconds, by method, route pattern and status code',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });
}

let defaultMetricsStarted = false;

export function registerHttpMetrics(fastify: FastifyInstance): void {
  if (!defaultMetricsStarted) {
    collectDefaultMetrics();
    defaultMetricsStarted = true;
  }
  const histogram = httpDurationHistogram();
  fastify.addHook('onResponse', (request, reply, done) => {
    histogram.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? UNMATCHED_ROUTE,
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
    done();
  });
}

export function metricsText(): Promise<string> {
  return register.metrics();
}

export const METRICS_CONTENT_TYPE = register.contentType;
