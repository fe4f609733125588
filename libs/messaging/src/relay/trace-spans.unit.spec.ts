/**
 * The relay's and the consumer's spans against an in-memory exporter: the relay's send continues
 * the trace stored in the event (ce_traceparent from the metadata) and names itself in the header
 * it sends; the consumer continues from that header, runs its work inside the span, and records
 * the outcome. Without a tracer provider nothing changes on the wire.
 */
import { CE, toCloudEventHeaders } from '@crm/contracts';
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { inProcessSpan } from '../consumer/process-span';
import type { DeliveredMessage, OutgoingMessage } from '../transport/message-transport';
import { startPublishSpans } from './publish-spans';

// The example of the W3C Trace Context recommendation, section 3.2.
const STORED = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

const message = (traceparent?: string): OutgoingMessage => ({
  topic: 'crm.contacts.v1',
  key: 'contact-1',
  value: '{}',
  headers: toCloudEventHeaders({
    id: 'e-1',
    type: 'crm.contacts.contact.registered.v1',
    source: '/crm/contacts',
    time: '2026-01-01T00:00:00.000Z',
    subject: 'contact-1',
    tenant: 'acme',
    traceparent,
    tracestate: traceparent ? 'congo=t61rcWkgMzE' : undefined,
  }),
});

const delivered = (sent: OutgoingMessage): DeliveredMessage => ({
  topic: sent.topic,
  partition: 0,
  offset: '7',
  key: sent.key,
  value: Buffer.from('{}'),
  headers: sent.headers,
  timestamp: new Date(0),
});

describe('without a tracer provider (tracing off)', () => {
  it('sends the stored context unchanged and processes without a span', async () => {
    const batch = [message(STORED), message()];
    const spans = startPublishSpans('contacts', 'embedded', batch);
    expect(spans.messages).toBe(batch);
    spans.end();
    expect(
      await inProcessSpan('sales.x', 'embedded', delivered(batch[0]), async () => 'processed'),
    ).toBe('processed');
  });
});

describe('with a tracer provider', () => {
  const exporter = new InMemorySpanExporter();
  beforeAll(() => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    trace.setGlobalTracerProvider(
      new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }),
    );
  });
  afterAll(() => {
    trace.disable();
    context.disable();
  });
  beforeEach(() => exporter.reset());

  it('the relay sends in a PRODUCER span child of the stored one; the consumer continues from it', async () => {
    const untraced = message();
    const batch = [message(STORED), untraced];
    const spans = startPublishSpans('contacts', 'kafka', batch);
    expect(spans.messages[1]).toBe(untraced);
    const sent = spans.messages[0];
    spans.end();

    const [producer] = exporter.getFinishedSpans();
    expect(producer.name).toBe('send crm.contacts.v1');
    expect(producer.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    expect(producer.spanContext().traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(producer.attributes).toMatchObject({
      'messaging.system': 'kafka',
      'cloudevents.event_id': 'e-1',
      'crm.relay': 'contacts',
    });
    expect(sent.headers[CE.traceparent]).toBe(
      `00-4bf92f3577b34da6a3ce929d0e0e4736-${producer.spanContext().spanId}-01`,
    );
    expect(sent.headers[CE.tracestate]).toBe('congo=t61rcWkgMzE');
    // The batch as mapped is left alone (it may be re-sent after a failure).
    expect(batch[0].headers[CE.traceparent]).toBe(STORED);

    const inside = await inProcessSpan(
      'sales.contact-references',
      'kafka',
      delivered(sent),
      async () => {
        const active = trace.getActiveSpan()!.spanContext();
        return active.spanId === producer.spanContext().spanId ? 'wrong' : 'processed';
      },
    );
    expect(inside).toBe('processed');
    const consumer = exporter.getFinishedSpans().find((s) => s.name === 'process crm.contacts.v1')!;
    expect(consumer.parentSpanContext?.spanId).toBe(producer.spanContext().spanId);
    expect(consumer.spanContext().traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(consumer.attributes).toMatchObject({
      'messaging.consumer.group.name': 'sales.contact-references',
      'messaging.kafka.offset': 7,
      'crm.consumer.outcome': 'processed',
    });
  });

  it('a failed send and a failing handler end their spans as errors; a malformed traceparent starts none', async () => {
    const spans = startPublishSpans('contacts', 'embedded', [message(STORED)]);
    spans.end(new Error('broker down'));
    await expect(
      inProcessSpan('sales.x', 'embedded', delivered(spans.messages[0]), () =>
        Promise.reject(new Error('handler broke')),
      ),
    ).rejects.toThrow('handler broke');
    const statuses = exporter.getFinishedSpans().map((s) => [s.name, s.status.message]);
    expect(statuses).toEqual([
      ['send crm.contacts.v1', 'broker down'],
      ['process crm.contacts.v1', 'handler broke'],
    ]);

    exporter.reset();
    const malformed = message('00-not-a-trace-01');
    const ignored = startPublishSpans('contacts', 'embedded', [malformed]);
    expect(ignored.messages[0]).toBe(malformed);
    ignored.end();
    await inProcessSpan('sales.x', 'embedded', delivered(malformed), async () => 'processed');
    expect(exporter.getFinishedSpans().map((s) => s.name)).toEqual([]);
  });
});
