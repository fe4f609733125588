/**
 * Whether this process traces, from the standard OpenTelemetry variables alone. Off unless an
 * exporter is configured, so a service nobody asked to trace loads no SDK and pays nothing:
 *   - OTEL_SDK_DISABLED=true: off, whatever else is set;
 *   - OTEL_TRACES_EXPORTER: on when it names an exporter (otlp, console, zipkin), off for none;
 *   - otherwise on when an OTLP endpoint is set (OTEL_EXPORTER_OTLP_TRACES_ENDPOINT or
 *     OTEL_EXPORTER_OTLP_ENDPOINT): the SDK's default exporter is OTLP.
 * Everything else (protocol, headers, sampler, batching, resource, propagators) the SDK itself
 * reads from its OTEL_* variables.
 */
export type TracingEnv = Readonly<Record<string, string | undefined>>;

export function tracingEnabled(env: TracingEnv): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  const exporters = (env.OTEL_TRACES_EXPORTER ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name && name !== 'none' && name !== 'null');
  if (env.OTEL_TRACES_EXPORTER?.trim()) return exporters.length > 0;
  return Boolean(
    env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim(),
  );
}

/** The service name the SDK reports, unless OTEL_SERVICE_NAME or OTEL_RESOURCE_ATTRIBUTES say one. */
export function defaultServiceName(env: TracingEnv, name: string): string | undefined {
  if (env.OTEL_SERVICE_NAME?.trim()) return undefined;
  const attributes = (env.OTEL_RESOURCE_ATTRIBUTES ?? '').split(',');
  if (attributes.some((pair) => pair.trim().startsWith('service.name='))) return undefined;
  return name;
}

/** Requests that are not anyone's work: probes and scrapes would drown the traces. */
export function isUntracedPath(url: string | undefined): boolean {
  return /^\/(health|metrics)(\/|\?|$)/.test(url ?? '');
}
