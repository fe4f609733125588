/**
 * Random and hostile rule bodies on POST /segments and POST /segments/preview: whatever the rule
 * (arbitrary JSON, near-valid conditions with values swapped for anything, deep nesting, huge
 * lists, query-string attack patterns as values), the answer is a success or a 4xx
 * problem+json, never a 5xx. The valid rule each run starts from is checked to succeed, so the
 * property cannot pass by refusing everything.
 */
import { PG_POOL } from '@crm/platform';
import { hostileQueryValue } from '@crm/testing';
import fc from 'fast-check';
import type { Pool } from 'pg';
import { startCampaignsTestApp, type CampaignsTestApp } from '../testing/campaigns-test-app';
import {
  expectEveryOperationRefusesUnstorable,
  expectHostileQueriesAnswered,
  expectUnstorableStringsNamed,
} from '../testing/fuzz-walks';
import { audienceDdl } from './rules/audience-tables';
import { describeFields } from './rules/field-catalogue';
import { OPERATORS } from './rules/rule';

const FIELD_KEYS = [
  ...describeFields()
    .map((f) => f.key)
    .filter((k) => !k.includes('<')),
  'customFields.loyalty',
  'customFields.__proto__',
  'scores.churnRisk',
  'scores.x;drop table',
];

const hostileValue = fc.oneof(
  fc.jsonValue(),
  hostileQueryValue,
  fc.constantFrom(
    "'; DROP TABLE campaigns.segments; --",
    '%_\\',
    '30d',
    '0d',
    '99999y',
    '1e309',
    '2026-02-30',
    -1,
    Number.MAX_SAFE_INTEGER,
    [1, 'a', null],
    [10, 1],
    { anyOf: ['Cars'], within: '30d' },
    { anyOf: [], within: '-1d' },
    { count: 1, within: '7d' },
    { amountMinor: 100, currency: 'EUR' },
    { amountMinor: [5, 1], currency: 'XXXX' },
  ),
);

const condition = fc.record(
  {
    field: fc.oneof(fc.constantFrom(...FIELD_KEYS), fc.string({ maxLength: 30 })),
    op: fc.oneof(fc.constantFrom(...OPERATORS), fc.string({ maxLength: 10 })),
    value: hostileValue,
  },
  { requiredKeys: [] },
);

const rule: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    condition,
    fc.record({ all: fc.array(tie('node'), { maxLength: 4 }) }),
    fc.record({ any: fc.array(tie('node'), { maxLength: 4 }) }),
    fc.record({ not: tie('node') }),
    fc.anything(),
  ),
})).node;

/** Deeper and wider than any rule may be. */
const oversized = fc.constantFrom<unknown>(
  Array.from({ length: 40 }).reduce<unknown>((inner) => ({ not: inner }), {
    field: 'country',
    op: 'eq',
    value: 'DE',
  }),
  { any: Array.from({ length: 500 }, () => ({ field: 'country', op: 'eq', value: 'DE' })) },
  { field: 'tags', op: 'contains_any', value: Array.from({ length: 5000 }, (_, i) => `t${i}`) },
);

describe('fuzzed rules (e2e)', () => {
  let t: CampaignsTestApp;

  beforeAll(async () => {
    t = await startCampaignsTestApp();
    const pool: Pool = t.app.get(PG_POOL);
    await pool.query(audienceDdl());
    await pool.query(
      `INSERT INTO campaigns.audience_contacts (tenant, contact_id, display_name, country, tags, custom_fields, scores)
       VALUES ('tenant-a', 'c1', 'Fuzz', 'DE', '{vip}', '{"loyalty": "gold", "n": 3}', '{"churnRisk": 0.4}')`,
    );
  });
  afterAll(() => t?.close());

  const answers = async (url: string, body: unknown) => {
    const res = await t.request('POST', url, {
      body,
      headers: { 'content-type': 'application/json' },
    });
    if (res.status >= 500)
      throw new Error(
        `POST ${url} -> ${res.status} for ${JSON.stringify(body)}: ${JSON.stringify(res.body)}`,
      );
    if (res.status >= 400)
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    return res.status;
  };

  it('the valid starting points succeed (so refusing everything would fail the property)', async () => {
    const valid = { field: 'country', op: 'eq', value: 'DE' };
    expect(await answers('/segments/preview', { rule: valid })).toBe(200);
    expect(await answers('/segments', { name: 'Fuzz', kind: 'dynamic', rule: valid })).toBe(201);
  });

  it('never answers a random rule with a 5xx, on create or preview', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(rule, oversized), async (r) => {
        await answers('/segments/preview', { rule: r });
        await answers('/segments', { name: 'Fuzz', kind: 'dynamic', rule: r });
      }),
      { numRuns: 200 },
    );
  }, 240_000);

  it('never answers a random body with a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.record({ name: fc.anything(), kind: fc.anything(), rule }, { requiredKeys: [] }),
        ),
        async (body) => {
          await answers('/segments/preview', body === undefined ? null : body);
          await answers('/segments', body === undefined ? null : body);
        },
      ),
      { numRuns: 100 },
    );
  }, 240_000);

  it('a NUL or lone surrogate anywhere in a valid body (the rule included) is a 400 naming it', async () => {
    await expectUnstorableStringsNamed(t, '/segments', {
      name: 'Fuzz',
      kind: 'dynamic',
      rule: { all: [{ field: 'country', op: 'in', value: ['DE', 'AT'] }] },
    });
  });

  it('every segments operation: a lone surrogate in each path parameter, query and body is a 400 naming it', async () => {
    await expectEveryOperationRefusesUnstorable(t, '/segments', 8);
  });

  it('hostile query strings on the segment reads are a 4xx problem, never a 5xx', async () => {
    await expectHostileQueriesAnswered(t, '/segments');
  });
});
