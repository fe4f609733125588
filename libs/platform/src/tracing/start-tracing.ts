/**
 * Starts the OpenTelemetry SDK for a service (bootstrapService calls it before Nest loads the
 * app) and stops it on the way out, flushing the spans still batched. Off (undefined, nothing
 * loaded) unless an exporter is configured (tracing-config.ts). Exporter, protocol, endpoint,
 * headers, sampler, batch sizes, resource attributes and propagators come from the SDK's own
 * OTEL_* variables. Only traces: metrics stay on /metrics (prom-client), logs on stdout (pino).
 */
import type { NodeSDK } from '@opentelemetry/sdk-node';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { instrumentForTracing } from './instrument';
import { defaultServiceName, tracingEnabled, type TracingEnv } from './tracing-config';

export interface StartTracingOptions {
  /** service.name unless OTEL_SERVICE_NAME / OTEL_RESOURCE_ATTRIBUTES name one. */
  readonly serviceName: string;
  readonly env?: TracingEnv;
  /** Instead of the exporter the variables configure (tests: an in-memory exporter). */
  readonly spanProcessors?: SpanProcessor[];
}

export interface TracingHandle {
  /** Exports what is still batched, then stops recording. */
  shutdown(): Promise<void>;
}

let running: { sdk: NodeSDK; handle: TracingHandle } | undefined;

export function startTracing(options: StartTracingOptions): TracingHandle | undefined {
  const env = options.env ?? process.env;
  if (!options.spanProcessors && !tracingEnabled(env)) return undefined;
  if (running) return running.handle;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when tracing is on
  const sdkNode = require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  instrumentForTracing(true);
  const sdk = new sdkNode.NodeSDK({
    serviceName: defaultServiceName(env, options.serviceName),
    // Registered already (instrument.ts, before pg was loaded).
    instrumentations: [],
    // Prometheus scrapes /metrics and pino writes the logs: the SDK must not start its OTLP
    // metric and log exporters, which it does by default when their variables are unset.
    metricReaders: [],
    logRecordProcessors: [],
    ...(options.spanProcessors && { spanProcessors: options.spanProcessors }),
  });
  sdk.start();
  const handle: TracingHandle = {
    async shutdown() {
      if (running?.sdk !== sdk) return;
      running = undefined;
      await sdk.shutdown();
    },
  };
  running = { sdk, handle };
  return handle;
}

/** Flushes and stops the SDK if it was started (exit paths call it; a no-op when off). */
export async function stopTracing(): Promise<void> {
  await running?.handle.shutdown();
}
