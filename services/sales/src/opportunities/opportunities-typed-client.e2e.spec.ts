/**
 * A front end's pipeline work through the client generated from the committed OpenAPI document:
 * a schema that says something else than the service answers stops this compiling, or the
 * client's document check fails the call.
 */
import { ManualClock } from '@crm/platform';
import { openApiTestClient } from '@crm/platform/testing';
import type { paths } from '../../openapi/openapi';
import document from '../../openapi/openapi.json';
import { startSalesTestApp, type Caller, type SalesTestApp } from '../testing/sales-test-app';

const clock = new ManualClock('2026-06-15T12:00:00Z');
const inDays = (n: number) =>
  new Date(clock.now().getTime() + n * 86_400_000).toISOString().slice(0, 10);

describe('sales through the typed OpenAPI client (e2e)', () => {
  let t: SalesTestApp;
  beforeAll(async () => {
    t = await startSalesTestApp({}, { clock });
  });
  afterAll(() => t?.close());

  const client = (as: Caller) =>
    openApiTestClient<paths>(async (request) => {
      const res = await t.request(request.method, request.url, {
        as,
        headers: request.headers,
        ...(request.body !== undefined ? { body: JSON.parse(request.body) } : {}),
      });
      const body = res.body === undefined ? '' : JSON.stringify(res.body);
      return { statusCode: res.status, headers: res.headers, body };
    }, document);

  it('lead captured and qualified, deal opened, probability under If-Match, won, listed', async () => {
    const manager = client({ roles: ['sales-manager'], sub: 'boss' });
    const rep = client({ roles: ['sales-rep'], sub: 'rep-1' });
    // Typed: a stage kind outside open/won/lost would not compile (the shared fixture's `string`
    // does not either).
    const pipeline = await manager.POST('/pipelines', {
      body: {
        name: 'New cars',
        stages: [
          { stageId: 'prospect', name: 'Prospecting', kind: 'open', probability: 10 },
          { stageId: 'demo', name: 'Test drive', kind: 'open', probability: 40 },
          { stageId: 'won', name: 'Won', kind: 'won', probability: 100 },
          { stageId: 'lost', name: 'Lost', kind: 'lost', probability: 0 },
        ],
      },
    });
    expect(pipeline.response.status).toBe(201);
    const pipelineId = pipeline.data!.id;

    const lead = await rep.POST('/leads', {
      body: { source: 'web_form', profile: { name: 'Ada Lovelace', email: 'ada@example.com' } },
    });
    expect(lead.response.status).toBe(201);
    const leadId = lead.data!.id;
    await rep.POST('/leads/{leadId}/work', { params: { path: { leadId } }, body: {} });
    const qualified = await rep.POST('/leads/{leadId}/qualify', { params: { path: { leadId } } });
    expect(qualified.data).toMatchObject({ status: 'qualified' });

    const opened = await rep.POST('/opportunities', {
      body: {
        name: 'Roadster for Ada',
        pipelineId,
        amountMinor: 4_500_000,
        currency: 'EUR',
        expectedCloseDate: inDays(30),
      },
    });
    expect(opened.response.status).toBe(201);
    const opportunityId = opened.data!.id;
    expect(opened.response.headers.get('location')).toBe(`/opportunities/${opportunityId}`);
    const etag = opened.response.headers.get('etag')!;
    expect(etag).toBe(`"${opened.data!.version}"`);

    const overridden = await rep.PUT('/opportunities/{opportunityId}/probability', {
      params: { path: { opportunityId }, header: { 'If-Match': etag } },
      body: { probability: 55 },
    });
    // The view, or `{ id, version }` while the read models lag: the types make a client check.
    expect(overridden.data).toMatchObject({ probability: 55 });
    const stale = await rep.PUT('/opportunities/{opportunityId}/probability', {
      params: { path: { opportunityId }, header: { 'If-Match': etag } },
      body: { probability: null },
    });
    expect(stale.response.status).toBe(412);
    expect(stale.error).toMatchObject({ status: 412 });

    const won = await rep.POST('/opportunities/{opportunityId}/win', {
      params: { path: { opportunityId } },
      body: { reason: 'Test drive convinced her' },
    });
    expect(won.response.status).toBe(200);
    expect(won.data).toMatchObject({ status: 'won' });

    const page = await client({ roles: ['analyst'] }).GET('/opportunities', {
      params: { query: { pipelineId } },
    });
    expect(page.data!.items.map((deal) => [deal.id, deal.status])).toEqual([
      [opportunityId, 'won'],
    ]);
    expect(page.data!.nextCursor).toBeNull();
  });

  it('answers a refused field as errors[] naming it, never a top-level field', async () => {
    const refused = await client({ roles: ['sales-rep'] }).POST('/leads', {
      body: { source: 'manual', profile: { name: 'X', phone: '12345' } },
    });
    expect(refused.response.status).toBe(422);
    expect(refused.error!.errors!.map((error) => error.field)).toEqual(['profile.phone']);
    expect(refused.error).not.toHaveProperty('field');
  });
});
