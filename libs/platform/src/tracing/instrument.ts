/**
 * Imported first by @crm/platform's index, before anything loads `pg`: the pg instrumentation
 * patches the module as it is required, so it must be hooked in before (the HTTP one patches
 * Node's http the same way). With tracing off (tracing-config.ts) it requires nothing at all.
 * The SDK itself (exporter, resource with the service's name) starts later, in bootstrapService:
 * the instrumentations' tracers are proxies that start recording once it is registered.
 */
import type { Instrumentation } from '@opentelemetry/instrumentation';
import { isUntracedPath, tracingEnabled } from './tracing-config';

let instrumentations: Instrumentation[] | undefined;

/** Registers the HTTP and pg instrumentations once (when `enabled`); [] when tracing is off. */
export function instrumentForTracing(enabled: boolean): Instrumentation[] {
  if (instrumentations) return instrumentations;
  if (!enabled) return [];
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded only when tracing is on */
  const { registerInstrumentations } =
    require('@opentelemetry/instrumentation') as typeof import('@opentelemetry/instrumentation');
  const { HttpInstrumentation } =
    require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { PgInstrumentation } =
    require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
  /* eslint-enable @typescript-eslint/no-require-imports */
  instrumentations = [
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (request) => isUntracedPath(request.url),
      // Outgoing calls outside any request (token key fetches, pollers) would each start a trace.
      requireParentforOutgoingSpans: true,
    }),
    // Only queries of traced work: relay, projection and inbox polling would flood the exporter.
    // No statement parameters (enhancedDatabaseReporting stays off): they hold personal data.
    new PgInstrumentation({ requireParentSpan: true }),
  ];
  registerInstrumentations({ instrumentations });
  return instrumentations;
}

/** True once the instrumentations are in place (the process traces). */
export function isTracingInstrumented(): boolean {
  return instrumentations !== undefined;
}

instrumentForTracing(tracingEnabled(process.env));
