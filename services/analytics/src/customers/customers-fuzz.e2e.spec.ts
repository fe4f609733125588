/**
 * Hostile input on every analytics read: arbitrary path values and query strings on
 * GET /customers/{contactId} answer 200/404/410 or a 4xx problem+json, never a 5xx; unstorable
 * text (NUL, lone surrogates) in a path or query is a 400 naming the field. The known customer
 * each run starts from answers 200, so the property cannot pass by refusing everything.
 */
import { openIntegrationFeed } from '@crm/platform/testing';
import { hostileQueryValue, unstorableProbes, type OpenApiDocumentLike } from '@crm/testing';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { INGEST_CONSUMER } from '../ingest/ingest-consumer';
import * as F from '../ingest/testing/facts';
import { startAnalyticsTestApp, type AnalyticsTestApp } from '../testing/analytics-test-app';

describe('analytics reads under hostile input (e2e)', () => {
  let t: AnalyticsTestApp;
  let pool: Pool;
  const known = randomUUID();

  beforeAll(async () => {
    t = await startAnalyticsTestApp({ KAFKA_BROKERS: '' });
    pool = new Pool({ connectionString: t.db.url, max: 2 });
    const feed = openIntegrationFeed({
      consumer: INGEST_CONSUMER.consumer!,
      databaseUrl: t.db.url,
      pool,
    });
    await feed.deliver(F.registered(known, new Date().toISOString()));
    await feed.close();
  }, 60_000);
  afterAll(async () => {
    await pool?.end();
    await t?.close();
  });

  const neverBroken = (url: string, res: { status: number; headers: Record<string, unknown> }) => {
    const type = String(res.headers['content-type'] ?? '');
    if (res.status >= 500 || (res.status >= 400 && !type.includes('problem+json')))
      throw new Error(`GET ${url} -> ${res.status}`);
  };

  it('the known customer answers 200 (positive control)', async () => {
    expect((await t.request('GET', `/customers/${known}`)).status).toBe(200);
  });

  it('arbitrary contact ids and query strings never get a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ minLength: 1, maxLength: 300 }),
          hostileQueryValue,
          fc.constant(known),
        ),
        fc.dictionary(fc.constantFrom('asOf', 'format', 'fields', 'x'), hostileQueryValue),
        async (id, query) => {
          const url = `/customers/${encodeURIComponent(id)}?${new URLSearchParams(query)}`;
          neverBroken(url, await t.request('GET', url));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('unstorable text in a path or query is a 400 naming the field', async () => {
    const document = (await t.request('GET', '/docs-json')).body as OpenApiDocumentLike;
    const probes = unstorableProbes(document).filter((p) =>
      p.operation.startsWith('GET /customers'),
    );
    expect(probes.length).toBeGreaterThanOrEqual(2);
    for (const probe of probes) {
      const res = await t.request(probe.method, probe.url);
      const named = (res.body?.errors ?? []).map((e: { field: string }) => e.field);
      if (res.status !== 400 || (probe.fields.length && !named.includes(probe.fields[0])))
        throw new Error(
          `${probe.operation} (${probe.where}) -> ${res.status}: ${JSON.stringify(res.body)}`,
        );
    }
  });
});
