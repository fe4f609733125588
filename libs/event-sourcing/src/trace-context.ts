/**
 * W3C trace context (traceparent / tracestate) as plain strings, so it can ride in event metadata
 * and message headers: the relay publishes an event long after the request that appended it, in
 * another part of the process, and only what was stored with the event can link the two.
 *
 * Only @opentelemetry/api, which is a no-op until an SDK registers itself: with tracing off there
 * is no active span, activeTraceContext() returns {} and nothing is added to the metadata.
 */
import {
  createTraceState,
  isSpanContextValid,
  ROOT_CONTEXT,
  trace,
  type Context,
  type SpanContext,
} from '@opentelemetry/api';

/** What a traced append adds to an event's metadata (old events have neither). */
export interface TraceContextFields {
  readonly traceparent?: string;
  readonly tracestate?: string;
}

/** The active span's context, or {} when nothing is being traced. */
export function activeTraceContext(): TraceContextFields {
  const span = trace.getActiveSpan();
  return span ? formatTraceContext(span.spanContext()) : {};
}

export function formatTraceContext(spanContext: SpanContext): TraceContextFields {
  if (!isSpanContextValid(spanContext)) return {};
  const flags = (spanContext.traceFlags & 0xff).toString(16).padStart(2, '0');
  const traceparent = `00-${spanContext.traceId}-${spanContext.spanId}-${flags}`;
  const tracestate = spanContext.traceState?.serialize();
  return tracestate ? { traceparent, tracestate } : { traceparent };
}

// version-traceId-parentId-flags; version ff is forbidden, 00 has exactly these four fields and a
// later version may append more (W3C Trace Context, section 3.2 and 4.3).
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;

/** The remote span a stored traceparent names; undefined when absent or malformed (ignored, never an error). */
export function parseTraceContext(fields: TraceContextFields): SpanContext | undefined {
  const match = fields.traceparent ? TRACEPARENT.exec(fields.traceparent) : null;
  if (!match) return undefined;
  const [, version, traceId, spanId, flags, rest] = match;
  if (version === 'ff' || (version === '00' && rest !== undefined)) return undefined;
  const spanContext: SpanContext = {
    traceId,
    spanId,
    traceFlags: parseInt(flags, 16),
    isRemote: true,
    traceState: fields.tracestate ? createTraceState(fields.tracestate) : undefined,
  };
  return isSpanContextValid(spanContext) ? spanContext : undefined;
}

/** A context whose parent is the stored span (ROOT_CONTEXT's children otherwise: a new trace). */
export function contextFromTraceContext(fields: TraceContextFields): Context {
  const spanContext = parseTraceContext(fields);
  return spanContext ? trace.setSpanContext(ROOT_CONTEXT, spanContext) : ROOT_CONTEXT;
}
