/**
 * A span around a piece of a service's own work, child of whatever is active (a request, a
 * consumed event). A no-op span (and one function call) while the process does not trace.
 */
import { SpanStatusCode, trace, type Attributes } from '@opentelemetry/api';

const tracer = trace.getTracer('@crm/platform');

export async function withSpan<T>(
  name: string,
  work: () => Promise<T>,
  attributes?: Attributes,
): Promise<T> {
  return tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work();
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.message });
      throw error;
    } finally {
      span.end();
    }
  });
}
