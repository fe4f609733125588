/**
 * startTracing and withSpan with the SDK's in-memory exporter: off without an exporter variable,
 * on with a span processor, spans named and parented as the service's work, the service's name
 * on the resource, and stopped by stopTracing.
 */
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { startTracing, stopTracing } from './start-tracing';
import { withSpan } from './with-span';

describe('startTracing', () => {
  afterEach(() => stopTracing());

  it('starts nothing without an exporter variable', () => {
    expect(startTracing({ serviceName: 'contacts', env: {} })).toBeUndefined();
    expect(
      startTracing({ serviceName: 'contacts', env: { OTEL_TRACES_EXPORTER: 'none' } }),
    ).toBeUndefined();
  });

  it('records the service work in child spans named after it, with the service name', async () => {
    const exporter = new InMemorySpanExporter();
    const handle = startTracing({
      serviceName: 'contacts',
      env: {},
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });
    expect(handle).toBeDefined();
    // A second start (another app in the process) shares the running SDK.
    expect(startTracing({ serviceName: 'other', spanProcessors: [] })).toBe(handle);

    await withSpan('import rows', () => withSpan('row 1', async () => 'done'), { rows: 1 });
    await expect(withSpan('broken', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    const spans = exporter.getFinishedSpans();
    const byName = Object.fromEntries(spans.map((s) => [s.name, s]));
    expect(Object.keys(byName).sort()).toEqual(['broken', 'import rows', 'row 1']);
    expect(byName['row 1'].parentSpanContext?.spanId).toBe(
      byName['import rows'].spanContext().spanId,
    );
    expect(byName['row 1'].spanContext().traceId).toBe(byName['import rows'].spanContext().traceId);
    expect(byName['import rows'].attributes).toEqual({ rows: 1 });
    expect(byName.broken.status).toMatchObject({ code: 2, message: 'no' });
    expect(byName['row 1'].resource.attributes['service.name']).toBe('contacts');

    await stopTracing();
    // Stopped: with no exporter variable a new start is off again.
    expect(startTracing({ serviceName: 'contacts', env: {} })).toBeUndefined();
  });
});
