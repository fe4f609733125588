/**
 * One trace across two services, as deployed: contacts and sales as separate processes (the
 * system harness), both exporting over OTLP/HTTP to an in-memory receiver in this test. A
 * `POST /contacts` in contacts appends ContactRegistered (pg spans under the request's span,
 * the span's traceparent stored in the event's metadata); contacts' relay publishes it in a
 * PRODUCER span continued from that metadata and sends `ce_traceparent`; sales'
 * contact-references consumer processes it in a CONSUMER span continued from the header, and
 * its directory upsert is a pg span below that. Once on the embedded PostgreSQL log, once on Kafka.
 *
 * And off by default: without an OTEL_* exporter variable, importing @crm/platform loads neither
 * the SDK nor an instrumentation (a child process shows what its require cache holds).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describeWithKafka, eventually } from '@crm/testing';
import { startRunningCrm, type RunningCrm } from '../testing/system/running-crm';
import { STARTUP_TIMEOUT_MS } from '../testing/system/running-crm';
import {
  OTLP_KIND,
  startOtlpReceiver,
  type OtlpReceiver,
  type ReceivedSpan,
} from './testing/otlp-receiver';

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const TRACE_TIMEOUT_MS = 60_000;

function useTracedCrm(brokers: () => string[] | undefined) {
  let receiver: OtlpReceiver | undefined;
  let crm: RunningCrm | undefined;
  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    const traced = receiver.env();
    crm = await startRunningCrm(brokers(), { contacts: traced, sales: traced });
  }, STARTUP_TIMEOUT_MS + 10_000);
  afterAll(async () => {
    await crm?.stop();
    await receiver?.close();
  }, 30_000);
  return () => ({ crm: crm!, spans: receiver!.spans });
}

/** The spans of one trace, with a way to walk from a span up to its ancestors. */
function traceOf(spans: readonly ReceivedSpan[], traceId: string) {
  const inTrace = spans.filter((s) => s.traceId === traceId);
  const byId = new Map(inTrace.map((s) => [s.spanId, s]));
  const ancestors = (span: ReceivedSpan): ReceivedSpan[] => {
    const chain: ReceivedSpan[] = [];
    for (let p = byId.get(span.parentSpanId); p; p = byId.get(p.parentSpanId)) chain.push(p);
    return chain;
  };
  return { spans: inTrace, ancestors };
}

async function registerAContactAndFollowItsTrace(
  traced: () => { crm: RunningCrm; spans: ReceivedSpan[] },
) {
  const { crm, spans } = traced();
  const created = await crm.contacts.request('POST', '/contacts', {
    body: { name: { given: 'Ada', family: 'Lovelace' } },
  });
  expect(created.status).toBe(201);
  const contactId = created.body.id as string;

  const server = await eventually(async () => {
    const found = spans.find(
      (s) => s.service === 'contacts' && s.kind === OTLP_KIND.server && s.name === 'POST /contacts',
    );
    if (!found) throw new Error('no POST /contacts server span exported yet');
    return found;
  }, TRACE_TIMEOUT_MS);
  expect(server.attributes['http.route']).toBe('/contacts');

  // Everything below hangs off the request's trace, across the broker and the other process.
  const consumed = await eventually(async () => {
    const trace = traceOf(spans, server.traceId);
    const found = trace.spans.find(
      (s) =>
        s.service === 'sales' &&
        s.kind === OTLP_KIND.consumer &&
        s.attributes['messaging.consumer.group.name'] === 'sales.contact-references' &&
        s.attributes['cloudevents.event_type'] === 'crm.contacts.contact.registered.v1',
    );
    if (!found)
      throw new Error(`sales has not exported its consumer span of trace ${server.traceId} yet`);
    const upsert = trace.spans.find(
      (s) =>
        s.service === 'sales' &&
        s.parentSpanId === found.spanId &&
        String(s.attributes['db.query.text'] ?? s.attributes['db.statement'] ?? '').includes(
          'contact_directory',
        ),
    );
    if (!upsert) throw new Error('the consumer span has no contact_directory query below it yet');
    return { trace, consumer: found, upsert };
  }, TRACE_TIMEOUT_MS);
  const { trace, consumer } = consumed;

  // contacts: the append is a pg span of the request.
  const append = trace.spans.find(
    (s) =>
      s.service === 'contacts' &&
      s.kind === OTLP_KIND.client &&
      /INSERT INTO \S*events/.test(
        String(s.attributes['db.query.text'] ?? s.attributes['db.statement'] ?? ''),
      ),
  );
  expect(append).toBeDefined();
  expect(trace.ancestors(append!)).toContainEqual(server);

  // The relay's send: a PRODUCER span in contacts, child of the request's span (from the metadata).
  const producer = trace.spans.find((s) => s.spanId === consumer.parentSpanId)!;
  expect(producer).toMatchObject({
    service: 'contacts',
    kind: OTLP_KIND.producer,
    parentSpanId: server.spanId,
    attributes: expect.objectContaining({
      'crm.relay': 'contacts',
      'messaging.message.id': consumer.attributes['messaging.message.id'],
    }),
  });
  expect(consumer.attributes['crm.consumer.outcome']).toBe('processed');
  expect(String(producer.attributes['messaging.destination.name'])).toMatch(/crm\.contacts\.v1$/);
  expect(producer.attributes['messaging.kafka.message.key']).toBe(contactId);
  return { producer, consumer };
}

describe('one trace from an HTTP command in contacts to its consumer in sales, embedded log (system e2e)', () => {
  const traced = useTracedCrm(() => undefined);

  it(
    'the request, its append, the relay send, the sales consumer and its upsert share one trace id',
    async () => {
      const { producer } = await registerAContactAndFollowItsTrace(traced);
      expect(producer.attributes['messaging.system']).toBe('crm_embedded_log');
    },
    2 * TRACE_TIMEOUT_MS + 30_000,
  );
});

describeWithKafka(
  'one trace from an HTTP command in contacts to its consumer in sales, Kafka (system e2e)',
  ({ brokers }) => {
    const traced = useTracedCrm(brokers);

    it(
      'the request, its append, the relay send, the sales consumer and its upsert share one trace id',
      async () => {
        const { producer } = await registerAContactAndFollowItsTrace(traced);
        expect(producer.attributes['messaging.system']).toBe('kafka');
      },
      2 * TRACE_TIMEOUT_MS + 30_000,
    );
  },
);

describe('tracing is off unless an exporter is configured', () => {
  /** The @opentelemetry modules a fresh process holds after importing @crm/platform, in load order. */
  function loadedAfterImport(env: Record<string, string>): string[] {
    const script =
      "require('./libs/platform/src/index.ts');" +
      'process.stdout.write(JSON.stringify(Object.keys(require.cache)' +
      '.map((p) => (/node_modules\\/((@opentelemetry\\/[^/]+)|pg)\\//.exec(p) || [])[1]).filter(Boolean)))';
    const result = spawnSync(process.execPath, ['-r', '@swc-node/register', '-e', script], {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        SWC_NODE_PROJECT: 'tsconfig.base.json',
        ...env,
      },
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (result.status !== 0) throw new Error(`import failed: ${result.stderr}`);
    return [...new Set(JSON.parse(result.stdout) as string[])];
  }

  it('without OTEL_* exporter variables: no SDK, no instrumentation (only the no-op API); with one, pg is hooked before it loads', () => {
    const off = loadedAfterImport({});
    expect(off).toContain('pg');
    expect(
      off.filter((m) => m.startsWith('@opentelemetry/') && m !== '@opentelemetry/api'),
    ).toEqual([]);

    const on = loadedAfterImport({ OTEL_TRACES_EXPORTER: 'console' });
    expect(on).toContain('@opentelemetry/instrumentation-pg');
    expect(on.indexOf('@opentelemetry/instrumentation-pg')).toBeLessThan(on.indexOf('pg'));
    // The SDK itself starts only in bootstrapService, with the service's name.
    expect(on).not.toContain('@opentelemetry/sdk-node');
  }, 240_000);
});
