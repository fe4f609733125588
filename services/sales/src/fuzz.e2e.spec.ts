/**
 * Fuzzed request bodies against every command endpoint: whatever arrives, the answer is a success
 * or a 4xx problem+json, never a 5xx. Bodies are valid ones with fields replaced, dropped or
 * added by fast-check, plus entirely arbitrary JSON. Strings PostgreSQL refuses (a NUL, a lone
 * surrogate) in any position of a valid body are a 400 naming each field, and every operation of
 * the OpenAPI document is probed with a NUL in each path parameter, query parameter and body.
 */
import {
  hostileQueryValue,
  queryOperations,
  unstorableProbes,
  withUnstorableStrings,
  type OpenApiDocumentLike,
} from '@crm/testing';
import { ManualClock } from '@crm/platform';
import fc from 'fast-check';
import { CAR_PIPELINE } from './testing/fixtures';
import { setUpCarCatalogue } from './testing/car-catalogue';
import { feedContacts } from './testing/contacts-feed';
import { startSalesTestApp, type SalesTestApp } from './testing/sales-test-app';

// The literal dates below are in the future of this pinned "now", whatever today's date is.
const clock = new ManualClock('2026-06-15T12:00:00Z');
const manager = { roles: ['sales-manager' as const], sub: 'boss' };

describe('fuzzed bodies (e2e)', () => {
  let t: SalesTestApp;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startSalesTestApp({}, { clock });
    await feedContacts(t, { contacts: [{ contactId: 'c' }] });
    ids.pipeline = (
      await t.request('POST', '/pipelines', { as: manager, body: CAR_PIPELINE })
    ).body.id;
    Object.assign(ids, await setUpCarCatalogue(t));
    ids.lead = (
      await t.request('POST', '/leads', { body: { source: 'manual', profile: { name: 'Fuzz' } } })
    ).body.id;
    ids.deal = (
      await t.request('POST', '/opportunities', {
        body: {
          name: 'Fuzz',
          pipelineId: ids.pipeline,
          amountMinor: 1,
          currency: 'EUR',
          expectedCloseDate: '2027-01-01',
        },
      })
    ).body.id;
    ids.quote = (
      await t.request('POST', '/quotes', {
        body: { opportunityId: ids.deal, taxRateBps: 1900, validUntil: '2027-01-01' },
      })
    ).body.id;
    ids.activity = (
      await t.request('POST', '/activities', {
        body: { kind: 'task', subject: 'x', dueAt: '2027-01-01T00:00:00Z' },
      })
    ).body.id;
  });
  afterAll(() => t?.close());

  const endpoints = (): {
    method: 'POST' | 'PUT' | 'PATCH';
    url: string;
    valid: Record<string, unknown>;
    as?: object;
  }[] => [
    {
      method: 'POST',
      url: '/leads',
      valid: {
        source: 'web_form',
        profile: { name: 'A', email: 'a@b.co', phone: '+4915112345678' },
      },
    },
    { method: 'PUT', url: `/leads/${ids.lead}/profile`, valid: { name: 'A', company: 'B' } },
    { method: 'POST', url: `/leads/${ids.lead}/engagements`, valid: { kind: 'interaction' } },
    { method: 'POST', url: '/pipelines', valid: CAR_PIPELINE, as: manager },
    {
      method: 'POST',
      url: '/opportunities',
      valid: {
        name: 'D',
        pipelineId: ids.pipeline,
        amountMinor: 100,
        currency: 'EUR',
        expectedCloseDate: '2027-01-01',
      },
    },
    {
      method: 'POST',
      url: `/opportunities/${ids.deal}/stage`,
      valid: { stageId: 'demo', reason: 'x' },
    },
    {
      method: 'PATCH',
      url: `/opportunities/${ids.deal}`,
      valid: { amountMinor: 5, forecastCategory: 'commit' },
    },
    {
      method: 'PUT',
      url: `/opportunities/${ids.deal}/line-items`,
      valid: { lineItems: [{ productId: 'p', name: 'n', quantity: 1, unitPriceMinor: 1 }] },
    },
    {
      method: 'POST',
      url: '/activities',
      valid: {
        kind: 'meeting',
        subject: 's',
        dueAt: '2027-01-01T10:00:00Z',
        endsAt: '2027-01-01T11:00:00Z',
        timeZone: 'Europe/Berlin',
      },
    },
    {
      method: 'POST',
      url: `/activities/${ids.activity}/reminders`,
      valid: { remindAt: '2026-12-31T00:00:00Z' },
    },
    {
      method: 'PUT',
      url: `/products/${ids.productId}/options`,
      valid: { groups: [], rules: [] },
      as: manager,
    },
    {
      method: 'POST',
      url: '/configurations/price',
      valid: {
        productId: ids.productId,
        priceBookId: ids.priceBookId,
        currency: 'EUR',
        optionIds: ['paint-red'],
      },
    },
    {
      method: 'POST',
      url: `/quotes/${ids.quote}/lines`,
      valid: {
        productId: ids.productId,
        priceBookId: ids.priceBookId,
        optionIds: [],
        quantity: 1,
        discountBps: 100,
      },
    },
    {
      method: 'POST',
      url: '/orders',
      valid: {
        contactId: 'c',
        currency: 'EUR',
        priceBookId: ids.priceBookId,
        taxRateBps: 1900,
        lines: [{ productId: ids.productId, optionIds: [], quantity: 1 }],
      },
    },
    {
      method: 'POST',
      url: '/leads/import',
      valid: { csv: 'name,email\nAda,ada@example.com\n', campaignId: 'c1', ownerId: 'rep-1' },
    },
    { method: 'POST', url: '/price-books', valid: { name: 'Fuzz book' }, as: manager },
    {
      method: 'POST',
      url: '/configurations/validate',
      valid: { productId: ids.productId, optionIds: ['paint-red'] },
    },
  ];

  const mutated = (valid: Record<string, unknown>) =>
    fc.oneof(
      fc.anything(),
      fc
        .record({ key: fc.constantFrom(...Object.keys(valid)), value: fc.anything() })
        .map(({ key, value }) => ({ ...valid, [key]: value })),
      fc
        .constantFrom(...Object.keys(valid))
        .map((key) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key))),
      fc
        .record({ key: fc.string(), value: fc.jsonValue() })
        .map(({ key, value }) => ({ ...valid, [key]: value })),
    );

  it('never answers a command with a 5xx, and every rejection is problem+json', async () => {
    for (const endpoint of endpoints()) {
      await fc.assert(
        fc.asyncProperty(mutated(endpoint.valid), async (body) => {
          const res = await t.request(endpoint.method, endpoint.url, {
            body: body === undefined ? null : body,
            as: endpoint.as,
            headers: { 'content-type': 'application/json' },
          });
          if (res.status >= 500)
            throw new Error(
              `${endpoint.method} ${endpoint.url} -> ${res.status} for ${JSON.stringify(body)}: ${JSON.stringify(res.body)}`,
            );
          if (res.status >= 400)
            expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        }),
        { numRuns: 25 },
      );
    }
  }, 240_000);

  it('a NUL or lone surrogate in any string of a valid body is a 400 naming each such field', async () => {
    for (const endpoint of endpoints()) {
      await fc.assert(
        fc.asyncProperty(withUnstorableStrings(endpoint.valid), async ({ body, fields }) => {
          const res = await t.request(endpoint.method, endpoint.url, { body, as: endpoint.as });
          const named = (res.body?.errors ?? []).map((e: { field: string }) => e.field);
          if (res.status !== 400 || !fields.every((f) => named.includes(f)))
            throw new Error(
              `${endpoint.method} ${endpoint.url} -> ${res.status} for ${JSON.stringify(body)}, expected ${fields}: ${JSON.stringify(res.body)}`,
            );
        }),
        { numRuns: 10 },
      );
    }
  }, 120_000);

  it('every operation of the OpenAPI document: a NUL in each path parameter, query and body is a 400 naming it', async () => {
    const document = (await t.request('GET', '/docs-json')).body as OpenApiDocumentLike;
    const probes = unstorableProbes(document, '\ud800 lone');
    expect(new Set(probes.map((p) => p.operation)).size).toBeGreaterThan(40);
    for (const probe of probes) {
      const res = await t.request(probe.method, probe.url, {
        body: probe.body,
        as: manager,
        ...(probe.contentType ? { headers: { 'content-type': probe.contentType } } : {}),
      });
      const named = (res.body?.errors ?? []).map((e: { field: string }) => e.field);
      if (
        res.status >= 500 ||
        (probe.fields.length && (res.status !== 400 || !named.includes(probe.fields[0])))
      )
        throw new Error(
          `${probe.operation} (${probe.where}) -> ${res.status}: ${JSON.stringify(res.body)}`,
        );
    }
  }, 120_000);
  it('every read with query parameters: tampered cursors, impossible dates and odd numbers are a 4xx problem, never a 5xx', async () => {
    const document = (await t.request('GET', '/docs-json')).body as OpenApiDocumentLike;
    const operations = queryOperations(document);
    expect(operations.length).toBeGreaterThan(8);
    for (const op of operations) {
      const url = op.template.replace(/\{[^}]+\}/g, 'probe-1');
      await fc.assert(
        fc.asyncProperty(
          fc.dictionary(fc.constantFrom(...op.parameters), hostileQueryValue, { minKeys: 1 }),
          async (query) => {
            const res = await t.request('GET', `${url}?${new URLSearchParams(query)}`, {
              as: manager,
            });
            const type = String(res.headers['content-type'] ?? '');
            if (res.status >= 500 || (res.status >= 400 && !type.includes('problem+json')))
              throw new Error(`${op.operation} ?${new URLSearchParams(query)} -> ${res.status}`);
          },
        ),
        { numRuns: 15 },
      );
    }
  }, 120_000);
});
