/**
 * The HTTP instrumentation names a server span by method only ("POST"): Fastify knows the route
 * it matched, so the span is renamed `POST /contacts/:id/consents` and gets `http.route`, the
 * names a trace view groups requests by. Registered only when the process traces.
 */
import { trace } from '@opentelemetry/api';
import type { FastifyInstance } from 'fastify';

export function nameServerSpansByRoute(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    const route = request.routeOptions.url;
    const span = trace.getActiveSpan();
    if (route && span) {
      span.setAttribute('http.route', route);
      span.updateName(`${request.method} ${route}`);
    }
    done();
  });
}
