/**
 * CloudEvents 1.0 Kafka protocol binding, binary content mode: the message value is the event
 * `data` (JSON), every context attribute is a `ce_` header, `content-type` carries
 * `datacontenttype`. Tenant, correlation and causation ids are CloudEvents extension attributes
 * (lower-case alphanumeric names, as the spec requires), hence `ce_tenantid` and friends.
 * W3C trace context travels as the CloudEvents distributed-tracing extension (`traceparent`,
 * `tracestate`; in binary mode `ce_traceparent` / `ce_tracestate`): it names the span that sent
 * the event, so the consumer's span continues the producer's trace across the broker.
 */
export const CE = {
  specversion: 'ce_specversion',
  id: 'ce_id',
  type: 'ce_type',
  source: 'ce_source',
  time: 'ce_time',
  subject: 'ce_subject',
  contentType: 'content-type',
  tenant: 'ce_tenantid',
  correlation: 'ce_correlationid',
  causation: 'ce_causationid',
  traceparent: 'ce_traceparent',
  tracestate: 'ce_tracestate',
} as const;

export const JSON_CONTENT_TYPE = 'application/json';

/** The envelope attributes of one integration event (everything except `data`). */
export interface IntegrationEventContext {
  readonly id: string;
  readonly type: string;
  /** URI-reference of the producer, e.g. `/crm/contacts`. */
  readonly source: string;
  readonly time: string;
  /** Aggregate id; also the Kafka message key. */
  readonly subject: string;
  readonly tenant: string;
  readonly correlationId?: string;
  readonly causationId?: string;
  /** W3C `traceparent` of the span that sent the event (distributed-tracing extension). */
  readonly traceparent?: string;
  /** W3C `tracestate` that goes with it (vendor entries), only with a traceparent. */
  readonly tracestate?: string;
}

export function toCloudEventHeaders(context: IntegrationEventContext): Record<string, string> {
  const headers: Record<string, string> = {
    [CE.specversion]: '1.0',
    [CE.id]: context.id,
    [CE.type]: context.type,
    [CE.source]: context.source,
    [CE.time]: context.time,
    [CE.subject]: context.subject,
    [CE.contentType]: JSON_CONTENT_TYPE,
    [CE.tenant]: context.tenant,
  };
  if (context.correlationId) headers[CE.correlation] = context.correlationId;
  if (context.causationId) headers[CE.causation] = context.causationId;
  if (context.traceparent) {
    headers[CE.traceparent] = context.traceparent;
    if (context.tracestate) headers[CE.tracestate] = context.tracestate;
  }
  return headers;
}

export class MalformedEnvelopeError extends Error {
  constructor(readonly problems: string[]) {
    super(`Not a CloudEvents 1.0 binary-mode message: ${problems.join('; ')}`);
    this.name = 'MalformedEnvelopeError';
  }
}

/** Reads the envelope back; throws MalformedEnvelopeError naming every missing or bad header. */
export function fromCloudEventHeaders(
  headers: Readonly<Record<string, string | undefined>>,
): IntegrationEventContext {
  const problems: string[] = [];
  const need = (name: string): string => {
    const value = headers[name];
    if (!value) problems.push(`header ${name} is missing`);
    return value ?? '';
  };
  if (headers[CE.specversion] !== '1.0') problems.push(`${CE.specversion} must be "1.0"`);
  const contentType = headers[CE.contentType];
  if (contentType !== undefined && !contentType.startsWith(JSON_CONTENT_TYPE)) {
    problems.push(`content-type ${contentType} is not ${JSON_CONTENT_TYPE}`);
  }
  const context: IntegrationEventContext = {
    id: need(CE.id),
    type: need(CE.type),
    source: need(CE.source),
    time: need(CE.time),
    subject: need(CE.subject),
    tenant: need(CE.tenant),
    correlationId: headers[CE.correlation] || undefined,
    causationId: headers[CE.causation] || undefined,
    // Never a reason to refuse an event: a malformed one is ignored where spans are started.
    traceparent: headers[CE.traceparent] || undefined,
    tracestate: (headers[CE.traceparent] && headers[CE.tracestate]) || undefined,
  };
  if (context.time && Number.isNaN(Date.parse(context.time)))
    problems.push(`${CE.time} is not a timestamp`);
  if (problems.length) throw new MalformedEnvelopeError(problems);
  return context;
}
