/**
 * Property: whatever JSON a client sends to the write endpoints, the answer is never a 5xx; bad
 * input is a 4xx problem+json. fast-check mixes valid-looking and hostile shapes (wrong types,
 * prototype keys, huge strings, deep nesting, unicode).
 */
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
  ),
  fc.string({ minLength: 300, maxLength: 3000 }),
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

  const expectClientOutcome = (res: { statusCode: number; headers: Record<string, unknown> }) => {
    expect(res.statusCode).toBeLessThan(500);
    if (res.statusCode >= 400)
      expect([res.statusCode, String(res.headers['content-type'])]).toEqual([
        res.statusCode,
        expect.stringMatching(/^application\/problem\+json/),
      ]);
  };

  it('POST /contacts and PATCH /contacts/{id}', async () => {
    await fc.assert(
      fc.asyncProperty(contactLike, async (body) => {
        expectClientOutcome(await t.call({ method: 'POST', url: '/contacts', payload: body }));
        expectClientOutcome(
          await t.call({ method: 'PATCH', url: `/contacts/${contactId}`, payload: body }),
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
          expectClientOutcome(await t.call({ url: `/contacts?${qs}` }));
          expectClientOutcome(await t.call({ url: `/contacts/search?${qs}` }));
          expectClientOutcome(await t.call({ url: `/contacts/${contactId}/timeline?${qs}` }));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('path parameters of every shape', async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, async (raw) => {
        const id = encodeURIComponent(raw);
        expectClientOutcome(await t.call({ url: `/contacts/${id}` }));
        expectClientOutcome(
          await t.call({ method: 'DELETE', url: `/contacts/${contactId}/emails/${id}` }),
        );
        expectClientOutcome(
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
});
