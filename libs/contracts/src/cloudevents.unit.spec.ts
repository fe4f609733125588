import {
  CE,
  fromCloudEventHeaders,
  MalformedEnvelopeError,
  toCloudEventHeaders,
} from './cloudevents';

const context = {
  id: '0b9c4c1e-4f7a-4d39-8d0e-5c0f4f2f9b11',
  type: 'crm.contacts.contact.registered.v1',
  source: '/crm/contacts',
  time: '2026-11-23T09:00:00.000Z',
  subject: 'c-1',
  tenant: 'acme',
  correlationId: 'req-7',
};

describe('CloudEvents binary-mode headers', () => {
  it('round-trips the envelope through Kafka headers', () => {
    const headers = toCloudEventHeaders(context);
    expect(headers).toMatchObject({
      ce_specversion: '1.0',
      'content-type': 'application/json',
      ce_tenantid: 'acme',
    });
    expect(headers[CE.causation]).toBeUndefined();
    expect(fromCloudEventHeaders(headers)).toEqual({ ...context, causationId: undefined });
  });

  it('names every missing or wrong header', () => {
    const headers: Record<string, string | undefined> = {
      ...toCloudEventHeaders(context),
      ce_specversion: '0.3',
    };
    delete headers[CE.tenant];
    headers[CE.time] = 'not a time';
    try {
      fromCloudEventHeaders(headers);
      throw new Error('expected a MalformedEnvelopeError');
    } catch (error) {
      expect(error).toBeInstanceOf(MalformedEnvelopeError);
      expect((error as MalformedEnvelopeError).problems).toEqual([
        'ce_specversion must be "1.0"',
        'header ce_tenantid is missing',
        'ce_time is not a timestamp',
      ]);
    }
  });

  it('carries W3C trace context as the distributed-tracing extension (ce_traceparent, ce_tracestate)', () => {
    // The example of the W3C Trace Context recommendation, section 3.2.
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const headers = toCloudEventHeaders({
      ...context,
      traceparent,
      tracestate: 'congo=t61rcWkgMzE',
    });
    expect(headers).toMatchObject({
      ce_traceparent: traceparent,
      ce_tracestate: 'congo=t61rcWkgMzE',
    });
    expect(fromCloudEventHeaders(headers)).toMatchObject({
      traceparent,
      tracestate: 'congo=t61rcWkgMzE',
    });
  });

  it('sends no trace headers without a traceparent, and reads a tracestate only with one', () => {
    const headers = toCloudEventHeaders({ ...context, tracestate: 'congo=t61rcWkgMzE' });
    expect(Object.keys(headers).filter((name) => name.startsWith('ce_trace'))).toEqual([]);
    const stray = fromCloudEventHeaders({ ...headers, ce_tracestate: 'congo=t61rcWkgMzE' });
    expect(stray.traceparent).toBeUndefined();
    expect(stray.tracestate).toBeUndefined();
  });
});
