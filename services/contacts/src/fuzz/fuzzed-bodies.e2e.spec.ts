/**
 * Property: whatever JSON a client sends to the write endpoints, the answer is never a 5xx; bad
 * input is a 4xx problem+json. fast-check mixes valid-looking and hostile shapes (wrong types,
 * prototype keys, huge strings, deep nesting, unicode, text PostgreSQL refuses: a NUL or a lone
 * surrogate, which must be a 400 naming the field). Every operation of the OpenAPI document is
 * also probed with a NUL in each path parameter, query parameter and body.
 */
import { findUnstorableText } from '@crm/platform';
import {
  hostileQueryValue,
  queryOperations,
  unstorableProbes,
  unstorableText,
  type OpenApiDocumentLike,
} from '@crm/testing';
import fc from 'fast-check';
import { startContactsTestApp, type ContactsTestApp } from '../testing/contacts-test-app';

const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'toString',
    '+4930123456',
    'a@b.co',
    'Europe/Berlin',
    '9999-99-99',
    "'; DROP TABLE x; --",
    '\u0000',
    '𝔘𝔫𝔦',
    'emoji 😀',
  ),
  fc.string({ minLength: 300, maxLength: 3000 }),
  unstorableText,
);
const anyJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileString, tie('value'), { maxKeys: 4 }),
  ),
})).value;

const contactLike = fc.record(
  {
    name: fc.oneof(
      fc.record({ given: hostileString, family: hostileString }, { requiredKeys: [] }),
      anyJson,
    ),
    emails: fc.oneof(
      fc.array(
        fc.record(
          { address: hostileString, label: hostileString, primary: fc.boolean() },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
      anyJson,
    ),
    phones: fc.oneof(
      fc.array(fc.record({ number: hostileString, primary: anyJson }, { requiredKeys: [] }), {
        maxLength: 3,
      }),
      anyJson,
    ),
    bestTimeToCall: fc.oneof(
      fc.record({
        timeZone: hostileString,
        windows: fc.array(
          fc.record({ day: hostileString, from: hostileString, to: hostileString }),
          { maxLength: 3 },
        ),
      }),
      anyJson,
    ),
    demographics: fc.oneof(
      fc.record({ birthDate: hostileString, ageBand: hostileString }, { requiredKeys: [] }),
      anyJson,
    ),
    customFields: anyJson,
    tags: fc.oneof(fc.array(hostileString, { maxLength: 5 }), anyJson),
    lifecycleStage: fc.oneof(fc.constantFrom('lead', 'customer', 'churned'), hostileString),
    extra: anyJson,
  },
  { requiredKeys: [] },
);

describe('fuzzed request bodies never cause a 5xx (e2e)', () => {
  let t: ContactsTestApp;
  let contactId: string;
  beforeAll(async () => {
    t = await startContactsTestApp();
    contactId = (
      await t.call({ method: 'POST', url: '/contacts', payload: { name: { given: 'Fuzz' } } })
    ).json().id;
  });
  afterAll(() => t?.close());

  type Response = { statusCode: number; headers: Record<string, unknown>; body: string };
  /** `unstorable`: fields holding text PostgreSQL refuses, which the 400 must name. */
  const expectClientOutcome = (res: Response, unstorable: readonly string[] = []) => {
    expect(res.statusCode).toBeLessThan(500);
    if (res.statusCode >= 400)
      expect([res.statusCode, String(res.headers['content-type'])]).toEqual([
        res.statusCode,
        expect.stringMatching(/^application\/problem\+json/),
      ]);
    if (unstorable.length) {
      const named = (JSON.parse(res.body).errors ?? []).map((e: { field: string }) => e.field);
      expect([res.statusCode, named]).toEqual([400, expect.arrayContaining([unstorable[0]])]);
    }
  };
  /**
   * Only what reaches the field check: inject sends a string body raw, without a content type
   * (415), and Fastify refuses prototype keys while parsing (a 400 of its own).
   */
  const unstorableIn = (body: unknown) =>
    typeof body !== 'object' || /"(__proto__|constructor)":/.test(JSON.stringify(body) ?? '')
      ? []
      : findUnstorableText(body).map((e) => e.field);
  /** What the server parses from a query string: URLSearchParams turns lone surrogates to U+FFFD. */
  const unstorableInQuery = (qs: string) =>
    findUnstorableText(Object.fromEntries(new URLSearchParams(qs))).map((e) => e.field);

  it('POST /contacts and PATCH /contacts/{id}', async () => {
    await fc.assert(
      fc.asyncProperty(contactLike, async (body) => {
        const unstorable = unstorableIn(body);
        expectClientOutcome(
          await t.call({ method: 'POST', url: '/contacts', payload: body }),
          unstorable,
        );
        expectClientOutcome(
          await t.call({ method: 'PATCH', url: `/contacts/${contactId}`, payload: body }),
          unstorable,
        );
      }),
      { numRuns: 60 },
    );
  });

  it('sub-resources, consent, interactions, merge and queries', async () => {
    const targets = fc.constantFrom(
      ['POST', `/contacts/${contactId}/emails`],
      ['POST', `/contacts/${contactId}/phones`],
      ['POST', `/contacts/${contactId}/addresses`],
      ['POST', `/contacts/${contactId}/tags`],
      ['PATCH', `/contacts/${contactId}/custom-fields`],
      ['PUT', `/contacts/${contactId}/consent/email`],
      ['POST', `/contacts/${contactId}/interactions`],
      ['POST', `/contacts/${contactId}/merge`],
      ['POST', '/companies'],
      ['POST', '/custom-fields'],
    ) as fc.Arbitrary<['POST' | 'PATCH' | 'PUT', string]>;
    await fc.assert(
      fc.asyncProperty(targets, anyJson, async ([method, url], body) => {
        expectClientOutcome(
          await t.call({ method, url, payload: body as object, roles: ['admin'] }),
          unstorableIn(body),
        );
      }),
      { numRuns: 120 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom(
            'limit',
            'cursor',
            'sort',
            'tag',
            'consent',
            'customField',
            'createdFrom',
            'q',
            'status',
          ),
          hostileString,
        ),
        async (query) => {
          const qs = new URLSearchParams(query).toString();
          const unstorable = unstorableInQuery(qs);
          expectClientOutcome(await t.call({ url: `/contacts?${qs}` }), unstorable);
          expectClientOutcome(await t.call({ url: `/contacts/search?${qs}` }), unstorable);
          expectClientOutcome(
            await t.call({ url: `/contacts/${contactId}/timeline?${qs}` }),
            unstorable,
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('path parameters of every shape', async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, async (raw) => {
        // URLSearchParams encodes what encodeURIComponent throws on (a lone surrogate: U+FFFD).
        const id = new URLSearchParams({ id: raw }).toString().slice('id='.length);
        const expectPathOutcome = (res: Response) => {
          expectClientOutcome(res);
          // A NUL is named, unless the router already refused the segment as too long (414).
          if (raw.includes('\u0000') && res.statusCode !== 414) {
            expect(res.statusCode).toBe(400);
            expect(JSON.parse(res.body).errors[0].message).toMatch(/^path parameter /);
          }
        };
        expectPathOutcome(await t.call({ url: `/contacts/${id}` }));
        expectPathOutcome(
          await t.call({ method: 'DELETE', url: `/contacts/${contactId}/emails/${id}` }),
        );
        expectPathOutcome(
          await t.call({
            method: 'PUT',
            url: `/contacts/${contactId}/consent/${id}`,
            payload: { status: 'withdrawn', source: 'x' },
          }),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('every operation of the OpenAPI document: a NUL in each path parameter, query and body is a 400 naming it', async () => {
    const document = (
      await t.call({ url: '/docs-json', anonymous: true })
    ).json<OpenApiDocumentLike>();
    const probes = fc.sample(unstorableText, 1).flatMap((text) => unstorableProbes(document, text));
    expect(new Set(probes.map((p) => p.operation)).size).toBeGreaterThan(30);
    for (const probe of probes) {
      const res = await t.call({
        method: probe.method,
        url: probe.url,
        roles: ['admin'],
        ...(probe.body !== undefined ? { payload: probe.body } : {}),
        ...(probe.contentType ? { headers: { 'content-type': probe.contentType } } : {}),
      });
      if (res.statusCode >= 500 || (probe.fields.length && res.statusCode !== 400))
        throw new Error(`${probe.operation} (${probe.where}) -> ${res.statusCode}: ${res.body}`);
      expectClientOutcome(res, probe.fields);
    }
  }, 120_000);
  it('every read with query parameters: tampered cursors, impossible dates and odd numbers are a 4xx problem, never a 5xx', async () => {
    const document = (
      await t.call({ url: '/docs-json', anonymous: true })
    ).json() as OpenApiDocumentLike;
    const operations = queryOperations(document);
    expect(operations.length).toBeGreaterThan(8);
    for (const op of operations) {
      const url = op.template.replace(/\{[^}]+\}/g, 'probe-1');
      await fc.assert(
        fc.asyncProperty(
          fc.dictionary(fc.constantFrom(...op.parameters), hostileQueryValue, { minKeys: 1 }),
          async (query) => {
            const qs = new URLSearchParams(query).toString();
            const res = await t.call({ url: `${url}?${qs}`, roles: ['admin'] });
            const type = String(res.headers['content-type'] ?? '');
            if (res.statusCode >= 500 || (res.statusCode >= 400 && !type.includes('problem+json')))
              throw new Error(`${op.operation} ?${qs} -> ${res.statusCode}`);
          },
        ),
        { numRuns: 15 },
      );
    }
  }, 120_000);
});
