import { context, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  activeTraceContext,
  contextFromTraceContext,
  formatTraceContext,
  parseTraceContext,
} from './trace-context';

// The example of the W3C Trace Context recommendation (sections 3.2 and 3.3).
const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const TRACESTATE = 'rojo=00f067aa0ba902b7,congo=t61rcWkgMzE';

describe('W3C trace context as event metadata', () => {
  it('parses the recommendation example and formats it back unchanged', () => {
    const spanContext = parseTraceContext({ traceparent: TRACEPARENT, tracestate: TRACESTATE });
    expect(spanContext).toMatchObject({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      traceFlags: TraceFlags.SAMPLED,
      isRemote: true,
    });
    expect(formatTraceContext(spanContext!)).toEqual({
      traceparent: TRACEPARENT,
      tracestate: TRACESTATE,
    });
  });

  it.each([
    ['absent', undefined],
    ['not hex', '00-4bf92f3577b34da6a3ce929d0e0e473z-00f067aa0ba902b7-01'],
    ['upper case', '00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01'],
    ['all-zero trace id', '00-00000000000000000000000000000000-00f067aa0ba902b7-01'],
    ['all-zero parent id', '00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01'],
    ['version ff', 'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'],
    ['version 00 with more fields', `${TRACEPARENT}-extra`],
    ['short', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7'],
  ])('ignores a traceparent that is %s (a new trace starts instead)', (_why, traceparent) => {
    expect(parseTraceContext({ traceparent })).toBeUndefined();
    expect(contextFromTraceContext({ traceparent })).toBe(ROOT_CONTEXT);
  });

  it('accepts a later version with more fields (W3C Trace Context, section 4.3)', () => {
    const later = '01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-comes-next';
    expect(parseTraceContext({ traceparent: later })?.spanId).toBe('00f067aa0ba902b7');
  });

  it('adds nothing while nothing is traced, and the active span while one is', () => {
    expect(activeTraceContext()).toEqual({});
    const manager = new AsyncLocalStorageContextManager().enable();
    context.setGlobalContextManager(manager);
    try {
      const remote = contextFromTraceContext({ traceparent: TRACEPARENT });
      const inside = context.with(remote, () => activeTraceContext());
      expect(inside).toEqual({ traceparent: TRACEPARENT });
      expect(trace.getSpanContext(remote)?.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    } finally {
      context.disable();
    }
  });
});
