/**
 * The relay's part of a trace. The relay reads events appended earlier, by requests long gone, so
 * no span is active around it: each message whose event stored a traceparent (its envelope's
 * `ce_traceparent`, from the metadata) gets a PRODUCER span, child of that stored span, from
 * hand-over to the broker's ack, and its `ce_traceparent` then names this span, so the consumer's
 * span in the other service continues the same trace.
 *
 * Untraced events cost one header lookup. With tracing off in this process the span is not
 * recording: the stored context goes out unchanged and the trace still joins up downstream.
 */
import { CE } from '@crm/contracts';
import { contextFromTraceContext, formatTraceContext } from '@crm/event-sourcing';
import { SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import type { MessageTransport, OutgoingMessage } from '../transport/message-transport';

const tracer = trace.getTracer('@crm/messaging');

export interface PublishSpans {
  /** The batch to send: traced messages carry their publish span's traceparent. */
  readonly messages: OutgoingMessage[];
  /** Ends the spans once the batch is acknowledged (or failed for good). */
  end(error?: unknown): void;
}

const NOTHING_TRACED = { end: () => undefined };

export function startPublishSpans(
  relay: string,
  transport: MessageTransport['kind'],
  messages: OutgoingMessage[],
): PublishSpans {
  let spans: Span[] | undefined;
  let traced: OutgoingMessage[] | undefined;
  for (let i = 0; i < messages.length; i++) {
    const message = messages[i];
    const traceparent = message.headers[CE.traceparent];
    if (!traceparent) continue;
    const parent = contextFromTraceContext({
      traceparent,
      tracestate: message.headers[CE.tracestate],
    });
    // Malformed (W3C says ignore it): no span; consumers ignore it too.
    if (!trace.getSpanContext(parent)) continue;
    const span = tracer.startSpan(
      `send ${message.topic}`,
      {
        kind: SpanKind.PRODUCER,
        attributes: {
          'messaging.system': transport === 'kafka' ? 'kafka' : 'crm_embedded_log',
          'messaging.operation.type': 'send',
          'messaging.destination.name': message.topic,
          'messaging.message.id': message.headers[CE.id],
          'messaging.kafka.message.key': message.key,
          'crm.relay': relay,
          // OpenTelemetry semantic conventions for CloudEvents.
          'cloudevents.event_id': message.headers[CE.id],
          'cloudevents.event_type': message.headers[CE.type],
          'cloudevents.event_source': message.headers[CE.source],
        },
      },
      parent,
    );
    if (!span.isRecording()) continue;
    (spans ??= []).push(span);
    traced ??= messages.slice();
    traced[i] = withTraceHeaders(message, span);
  }
  if (!spans) return { messages, ...NOTHING_TRACED };
  const started = spans;
  return {
    messages: traced!,
    end(error) {
      for (const span of started) {
        if (error !== undefined) {
          span.recordException(error as Error);
          span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.message });
        }
        span.end();
      }
    },
  };
}

function withTraceHeaders(message: OutgoingMessage, span: Span): OutgoingMessage {
  const { traceparent, tracestate } = formatTraceContext(span.spanContext());
  const headers: Record<string, string> = { ...message.headers, [CE.traceparent]: traceparent! };
  if (tracestate) headers[CE.tracestate] = tracestate;
  else delete headers[CE.tracestate];
  return { ...message, headers };
}
