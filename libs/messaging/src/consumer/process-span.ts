/**
 * The consumer's part of a trace: a message that carries `ce_traceparent` is processed inside a
 * CONSUMER span continued from it, so the inbox insert, the handler's queries (pg spans) and the
 * events its commands append (their metadata takes this span's context) join the producer's
 * trace. A message without one, or with a malformed one, is processed as before, without a span.
 */
import { CE } from '@crm/contracts';
import { contextFromTraceContext } from '@crm/event-sourcing';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { DeliveredMessage, MessageTransport } from '../transport/message-transport';

const tracer = trace.getTracer('@crm/messaging');

export async function inProcessSpan<Outcome extends string>(
  consumer: string,
  transport: MessageTransport['kind'],
  message: DeliveredMessage,
  process: () => Promise<Outcome>,
): Promise<Outcome> {
  const traceparent = message.headers[CE.traceparent];
  if (!traceparent) return process();
  const parent = contextFromTraceContext({
    traceparent,
    tracestate: message.headers[CE.tracestate],
  });
  if (!trace.getSpanContext(parent)) return process();
  const span = tracer.startSpan(
    `process ${message.topic}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': transport === 'kafka' ? 'kafka' : 'crm_embedded_log',
        'messaging.operation.type': 'process',
        'messaging.destination.name': message.topic,
        'messaging.destination.partition.id': String(message.partition),
        'messaging.kafka.offset': Number(message.offset),
        'messaging.consumer.group.name': consumer,
        'messaging.message.id': message.headers[CE.id],
        // OpenTelemetry semantic conventions for CloudEvents.
        'cloudevents.event_id': message.headers[CE.id],
        'cloudevents.event_type': message.headers[CE.type],
        'cloudevents.event_source': message.headers[CE.source],
      },
    },
    parent,
  );
  try {
    const outcome = await context.with(trace.setSpan(parent, span), process);
    span.setAttribute('crm.consumer.outcome', outcome);
    return outcome;
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.message });
    throw error;
  } finally {
    span.end();
  }
}
