/**
 * The property the membership engine rests on: for random rules and random contacts, the SQL the
 * compiler generates (run on real PostgreSQL) and the in-memory evaluator pick exactly the same
 * contacts, and agree on why (per top-level part). Data and rules are drawn from small pools so
 * that conditions both hit and miss, with instants on window boundaries and nulls everywhere.
 */
import { systemClock } from '@crm/platform';
import { createTestDatabase, quietAfterEnd, type TestDatabase } from '@crm/testing';
import fc from 'fast-check';
import { Pool } from 'pg';
import { audienceDdl } from './audience-tables';
import type {
  AudienceContact,
  AudienceDeal,
  AudienceOrder,
  AudienceOrderLine,
  AudienceRecord,
} from './audience-record';
import { compileRule } from './compile-sql';
import { compileEvaluator } from './evaluate';
import { parseDuration, windowStart } from './relative-time';
import { describeFields, findField } from './field-catalogue';
import type { Condition, Rule } from './rule';
import { insertAudience } from './testing/audience-records';
import { validateRule } from './validate-rule';

const DAY_MS = 86_400_000;
/** Everything is placed around the real clock's today, so the test holds whatever today is. */
const BASE = Math.floor(systemClock.now().getTime() / DAY_MS) * DAY_MS;
const SCHEMA = 'audience_prop';

const TEXTS = ['alpha', 'Alpha', 'beta', 'alphabet', 'x', '', 'BETA gamma'];
const TAGS = ['vip', 'new', 'car', 'Bike'];
const PRODUCTS = ['p1', 'p2', 'p3'];
const FAMILIES = ['cars', 'bikes'];
const SKUS = ['s1', 's2'];
const OPTIONS = ['gear-auto', 'gear-manual', 'roof'];
const CURRENCIES = ['EUR', 'USD'];
const DURATIONS = ['1d', '7d', '30d', '12w', '3m', '6m', '1y'];
const CUSTOM_KEYS = ['plan', 'seats', 'vip', 'constructor'];
const SCORE_KEYS = ['propensity', 'churnRisk', 'rfm'];
const NUMBERS = [-1, 0, 0.5, 0.7, 1, 2, 3, 10];
const MONEY = [0, 1000, 5000, 20000];
const STAGES = ['qualify', 'proposal', 'negotiation'];

const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 3 });
const text = fc.constantFrom(...TEXTS);

/** "now" in the property: one of these whole days (so window edges meet data exactly) or between. */
const NOW_DAYS = [-2, -1, 0, 1, 2];
/** The first instants of every window the rules use, for every whole-day now: the edges. */
const EDGES = NOW_DAYS.flatMap((k) =>
  DURATIONS.map((d) => windowStart(new Date(BASE + k * DAY_MS), parseDuration(d)!).getTime()),
);
/** Instants near BASE: on a window edge (or 1 ms off it), whole days, or anywhere in a day. */
const instant = fc
  .oneof(
    {
      arbitrary: fc
        .tuple(fc.constantFrom(...EDGES), fc.constantFrom(-1, 0, 0, 0, 1))
        .map(([edge, ms]) => edge + ms),
      weight: 2,
    },
    fc
      .tuple(
        fc.integer({ min: -800, max: 3 }),
        fc.oneof(fc.constant(0), fc.integer({ min: 0, max: DAY_MS - 1 })),
      )
      .map(([days, ms]) => BASE + days * DAY_MS + ms),
  )
  .map((ms) => new Date(ms));
const day = fc
  .oneof(
    fc.integer({ min: -30 * 365, max: 5 }).map((d) => BASE + d * DAY_MS),
    fc.constantFrom(...EDGES),
    // the same month-day as around today, years ago: upcoming birthdays
    fc
      .tuple(
        fc.integer({ min: 1, max: 60 }),
        fc.oneof(
          fc.integer({ min: -3, max: 35 }),
          // the last days of the anniversary windows (1d, 7d, 2w, 30d, 1m) for every now
          fc
            .tuple(fc.constantFrom(1, 7, 14, 28, 29, 30, 31), fc.integer({ min: -3, max: 3 }))
            .map(([n, k]) => n + k),
        ),
      )
      .map(([y, d]) => {
        const at = new Date(BASE + d * DAY_MS);
        at.setUTCFullYear(at.getUTCFullYear() - y);
        return at.getTime();
      }),
  )
  .map((ms) => new Date(ms).toISOString().slice(0, 10));

/** Custom field values, with texts that look like numbers and booleans (1 is not "1"). */
const LOOKALIKES = ['1', '0.5', 'true'];
const json = fc.oneof(
  text,
  fc.constantFrom(...LOOKALIKES),
  fc.constantFrom(...NUMBERS),
  fc.boolean(),
  fc.constant(null),
  fc.constant(['alpha', 'x']),
  fc.constant({ x: 1 }),
);

const line = (orderId: string, lineNo: number): fc.Arbitrary<AudienceOrderLine> =>
  fc.record({
    orderId: fc.constant(orderId),
    lineNo: fc.constant(lineNo),
    productId: nullable(fc.constantFrom(...PRODUCTS)),
    sku: nullable(fc.constantFrom(...SKUS)),
    productFamily: nullable(fc.constantFrom(...FAMILIES)),
    options: fc.subarray(OPTIONS),
    quantity: fc.constant(1),
    netMinor: nullable(fc.constantFrom(...MONEY)),
    currency: nullable(fc.constantFrom(...CURRENCIES)),
    orderedAt: instant,
    status: fc.constantFrom('placed', 'placed', 'cancelled', 'returned'),
  });

const order = (orderId: string): fc.Arbitrary<AudienceOrder> =>
  fc.record({
    orderId: fc.constant(orderId),
    totalMinor: nullable(fc.constantFrom(...MONEY)),
    currency: nullable(fc.constantFrom(...CURRENCIES)),
    placedAt: nullable(instant),
    status: nullable(fc.constantFrom('placed', 'placed', 'cancelled', 'returned')),
  });

const deal = (opportunityId: string): fc.Arbitrary<AudienceDeal> =>
  fc.record({
    opportunityId: fc.constant(opportunityId),
    stageId: nullable(fc.constantFrom(...STAGES)),
    status: nullable(fc.constantFrom('open', 'open', 'won', 'lost')),
    amountMinor: nullable(fc.constantFrom(...MONEY)),
    currency: nullable(fc.constantFrom(...CURRENCIES)),
    updatedAt: nullable(instant),
  });

const enumOf = (key: string) =>
  fc.constantFrom(...(describeFields().find((f) => f.key === key)?.values ?? []));

const contact = (tenant: string, contactId: string): fc.Arbitrary<AudienceContact> =>
  fc.record({
    tenant: fc.constant(tenant),
    contactId: fc.constant(contactId),
    displayName: nullable(text),
    email: nullable(text),
    phone: nullable(text),
    lifecycleStage: nullable(enumOf('lifecycleStage')),
    status: nullable(enumOf('status')),
    ownerId: nullable(text),
    companyId: nullable(text),
    tags: fc.subarray(TAGS),
    customFields: fc.dictionary(fc.constantFrom(...CUSTOM_KEYS), json, { maxKeys: 3 }),
    birthDate: nullable(day),
    ageBand: nullable(enumOf('ageBand')),
    gender: nullable(enumOf('gender')),
    householdIncomeBand: nullable(enumOf('householdIncomeBand')),
    timeZone: nullable(text),
    country: nullable(text),
    consent: fc.dictionary(
      fc.constantFrom('email', 'sms', 'phone', 'post'),
      fc.constantFrom('granted', 'withdrawn', 'unknown'),
      {
        maxKeys: 4,
      },
    ),
    registeredAt: nullable(instant),
    updatedAt: nullable(instant),
    ordersCount: fc.integer({ min: 0, max: 5 }),
    totalSpentMinor: fc.constantFrom(...MONEY),
    spendCurrency: nullable(fc.constantFrom(...CURRENCIES)),
    firstOrderAt: nullable(
      fc.oneof(
        instant,
        day.map(
          (d) => new Date(`${d}T${String(Math.abs(d.charCodeAt(9) % 24)).padStart(2, '0')}:30:00Z`),
        ),
      ),
    ),
    lastOrderAt: nullable(instant),
    messagesReceived: fc.integer({ min: 0, max: 10 }),
    lastOpenedAt: nullable(instant),
    lastClickedAt: nullable(instant),
    unsubscribedAt: nullable(instant),
    scores: fc.dictionary(
      fc.constantFrom(...SCORE_KEYS),
      fc.oneof(fc.constantFrom(...NUMBERS), fc.constantFrom('555', '123'), fc.constant(null)),
      {
        maxKeys: 3,
      },
    ),
  });

const record = (tenant: string, contactId: string): fc.Arbitrary<AudienceRecord> =>
  fc.record({
    contact: contact(tenant, contactId),
    lines: fc
      .array(fc.nat(3), { maxLength: 4 })
      .chain((orders) => fc.tuple(...orders.map((o, i) => line(`${contactId}-o${o}`, i + 1)))),
    orders: fc
      .array(fc.nat(5), { maxLength: 4 })
      .chain((ids) => fc.tuple(...[...new Set(ids)].map((o) => order(`${contactId}-o${o}`)))),
    deals: fc
      .array(fc.nat(5), { maxLength: 4 })
      .chain((ids) => fc.tuple(...[...new Set(ids)].map((d) => deal(`${contactId}-d${d}`)))),
  });

// ---- rules: any field of the catalogue, any of its operators, values from the same pools ----

const FIELD_KEYS = describeFields()
  .map((f) => f.key)
  .filter((k) => !k.includes('<'))
  .concat(
    SCORE_KEYS.filter((k) => k !== 'rfm').map((k) => `scores.${k}`),
    CUSTOM_KEYS.map((k) => `customFields.${k}`),
  );

const list = <T>(arb: fc.Arbitrary<T>) => fc.uniqueArray(arb, { minLength: 1, maxLength: 3 });
const pair = <T extends number | string>(arb: fc.Arbitrary<T>) =>
  fc.tuple(arb, arb).map(([a, b]) => (a <= b ? [a, b] : [b, a]));
const instantText = fc.oneof(
  instant.map((d) => d.toISOString()),
  day,
);
const within = fc.option(fc.constantFrom(...DURATIONS), { nil: undefined });
const withWindow = <T extends object>(value: T, w: string | undefined) =>
  w === undefined ? value : { ...value, within: w };

function valueFor(key: string, op: string): fc.Arbitrary<unknown> {
  const field =
    describeFields().find((f) => f.key === key) ??
    describeFields().find((f) => key.startsWith(f.key.split('<')[0]))!;
  if (op === 'exists') return fc.boolean();
  if (op === 'within_last') return fc.constantFrom(...DURATIONS);
  if (op === 'anniversary_within_next') return fc.constantFrom('1d', '7d', '30d', '2w', '1m');
  if (op === 'bought' || op === 'not_bought') {
    const pool = {
      'purchase.product': PRODUCTS,
      'purchase.family': FAMILIES,
      'purchase.sku': SKUS,
      'purchase.option': OPTIONS,
    }[key]!;
    return fc
      .tuple(fc.subarray(pool, { minLength: 1 }), within)
      .map(([anyOf, w]) => withWindow({ anyOf }, w));
  }
  if (key === 'purchase.orders') {
    const count =
      op === 'between' ? pair(fc.integer({ min: 0, max: 3 })) : fc.integer({ min: 0, max: 3 });
    return fc.tuple(count, within).map(([c, w]) => withWindow({ count: c }, w));
  }
  if (key === 'purchase.spent') {
    const amount = op === 'between' ? pair(fc.constantFrom(...MONEY)) : fc.constantFrom(...MONEY);
    return fc
      .tuple(amount, fc.constantFrom(...CURRENCIES), within)
      .map(([a, currency, w]) => withWindow({ amountMinor: a, currency }, w));
  }
  if (key.startsWith('deals.')) {
    // a stage list may name a stage no deal is in
    const stageIn = fc.option(list(fc.constantFrom(...STAGES, 'closed')), { nil: undefined });
    const withStages = <T extends object>(value: T, stages: string[] | undefined) =>
      stages === undefined ? value : { ...value, stageIn: stages };
    if (key === 'deals.openAmount') {
      const amount = op === 'between' ? pair(fc.constantFrom(...MONEY)) : fc.constantFrom(...MONEY);
      return fc
        .tuple(amount, fc.constantFrom(...CURRENCIES), stageIn)
        .map(([a, currency, stages]) => withStages({ amountMinor: a, currency }, stages));
    }
    const count =
      op === 'between' ? pair(fc.integer({ min: 0, max: 3 })) : fc.integer({ min: 0, max: 3 });
    if (key === 'deals.open')
      return fc.tuple(count, stageIn).map(([c, stages]) => withStages({ count: c }, stages));
    return fc.tuple(count, within).map(([c, w]) => withWindow({ count: c }, w));
  }
  if (key === 'tags')
    return op === 'contains' ? fc.constantFrom(...TAGS) : list(fc.constantFrom(...TAGS));
  const scalar: fc.Arbitrary<string | number | boolean> =
    field.type === 'enum'
      ? fc.constantFrom(...field.values!)
      : field.type === 'number'
        ? fc.constantFrom(...NUMBERS)
        : field.type === 'date'
          ? day
          : field.type === 'timestamp'
            ? instantText
            : field.type === 'boolean'
              ? fc.boolean()
              : field.type === 'custom'
                ? ['gt', 'gte', 'lt', 'lte', 'between'].includes(op)
                  ? fc.constantFrom(...NUMBERS)
                  : fc.oneof(
                      fc.constantFrom(...TEXTS.filter((t) => t !== ''), ...LOOKALIKES),
                      fc.constantFrom(...NUMBERS),
                      fc.boolean(),
                    )
                : fc.constantFrom(...TEXTS.filter((t) => t !== ''));
  if (op === 'contains') return fc.constantFrom('alp', 'ALPHA', 'a', 'x', 'gamma');
  if (op === 'in' || op === 'not_in') return list(scalar);
  if (op === 'between') {
    if (field.type === 'timestamp') {
      return fc
        .tuple(instant, instant)
        .map(([a, b]) => (a <= b ? [a, b] : [b, a]).map((d) => d.toISOString()));
    }
    return pair(scalar as fc.Arbitrary<number | string>);
  }
  return scalar;
}

const conditionArb: fc.Arbitrary<Condition> = fc.constantFrom(...FIELD_KEYS).chain((key) => {
  const field =
    describeFields().find((f) => f.key === key) ??
    describeFields().find((f) => key.startsWith(f.key.split('<')[0]))!;
  return fc
    .constantFrom(...field.operators)
    .chain((op) => valueFor(key, op).map((value): Condition => ({ field: key, op, value })));
});

/** Mostly conditions, nested up to a few levels (empty groups are the unit tests' business). */
const ruleArb: fc.Arbitrary<Rule> = fc.letrec<{ rule: Rule }>((tie) => ({
  rule: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: conditionArb, weight: 6 },
    {
      arbitrary: fc.record({ all: fc.array(tie('rule'), { minLength: 1, maxLength: 4 }) }),
      weight: 2,
    },
    {
      arbitrary: fc.record({ any: fc.array(tie('rule'), { minLength: 1, maxLength: 4 }) }),
      weight: 2,
    },
    { arbitrary: fc.record({ not: tie('rule') }), weight: 1 },
  ),
})).rule;

const audienceArb = fc
  .integer({ min: 1, max: 10 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => record('t1', `c${i}`))));

describe('segment rules: SQL and in-memory evaluation agree (int, real PostgreSQL, fast-check)', () => {
  let db: TestDatabase;
  let pool: Pool;
  beforeAll(async () => {
    db = await createTestDatabase('campaigns_rules');
    pool = quietAfterEnd(new Pool({ connectionString: db.url, max: 2 }));
    await pool.query(audienceDdl(SCHEMA));
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  async function sqlMembers(rule: Rule, now: Date): Promise<Map<string, boolean[]>> {
    const compiled = compileRule(rule, { tenantParam: 1, now, schema: SCHEMA });
    const parts = compiled.parts.map((p, i) => `, ${p.sql} AS part${i}`).join('');
    const { rows } = await pool.query<Record<string, unknown>>(
      `SELECT c.contact_id${parts} FROM ${SCHEMA}.audience_contacts c WHERE ${compiled.where}`,
      ['t1', ...compiled.params],
    );
    return new Map(
      rows.map((r) => [
        r.contact_id as string,
        compiled.parts.map((_, i) => r[`part${i}`] as boolean),
      ]),
    );
  }

  it('select exactly the same contacts, for the same reasons, for random rules and contacts', async () => {
    let evaluated = 0;
    let informative = 0;
    await fc.assert(
      fc.asyncProperty(
        audienceArb,
        fc.array(ruleArb, { minLength: 1, maxLength: 12 }),
        // now on a day boundary (window edges meet data exactly) or anywhere within two days
        fc.oneof(
          { arbitrary: fc.constantFrom(...NOW_DAYS).map((d) => d * DAY_MS), weight: 3 },
          fc.integer({ min: -2 * DAY_MS, max: 2 * DAY_MS }),
        ),
        async (records, rules, offsetMs) => {
          const now = new Date(BASE + offsetMs);
          // Another tenant's copy of the first contact: never selected for t1.
          const foreign: AudienceRecord = {
            ...records[0],
            contact: { ...records[0].contact, tenant: 't2' },
          };
          await insertAudience(pool, SCHEMA, [...records, foreign]);
          for (const candidate of rules) {
            const validated = validateRule(candidate);
            if (!validated.ok)
              throw new Error(`generated an invalid rule: ${JSON.stringify(validated.errors)}`);
            const rule = validated.rule;
            const evaluator = compileEvaluator(rule);
            const inMemory = new Map(
              records
                .filter((r) => evaluator.matches(r, now))
                .map((r) => [r.contact.contactId, evaluator.explain(r, now).map((e) => e.matched)]),
            );
            const inSql = await sqlMembers(rule, now);
            if (inSql.size > 0 && inSql.size < records.length) informative += 1;
            evaluated += 1;
            expect({ rule, members: [...inSql].sort() }).toEqual({
              rule,
              members: [...inMemory].sort(),
            });
          }
        },
      ),
      { numRuns: 200 },
    );
    // The rules must tell contacts apart, or agreeing would prove little.
    expect(informative / evaluated).toBeGreaterThan(0.2);
  });

  it('runs every rule the validator accepts, whatever its values (no query error, so no 5xx)', async () => {
    /** Values at the edges of what PostgreSQL takes: year 1 and 9999, NUL, huge and tiny numbers. */
    const EDGE_VALUES = [
      '0001-01-01',
      '9999-12-31',
      '0001-01-01T00:30:00+01:00',
      '9999-12-31T23:30:00-01:00',
      '2026-02-28T23:59:59.999-14:00',
      'a\u0000',
      '\ud800',
      "x'; SELECT 1; --",
      '1d',
      '10y',
      '366d',
      1e308,
      -1e308,
      5e-324,
      Number.MAX_SAFE_INTEGER,
      -0,
    ];
    const anyValue = fc.oneof(
      { arbitrary: fc.constantFrom(...EDGE_VALUES), weight: 4 },
      { arbitrary: fc.constantFrom(...describeFields().flatMap((f) => f.values ?? [])), weight: 2 },
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.double(),
      fc.integer(),
      fc.boolean(),
    );
    const anyShape = fc.oneof(
      anyValue,
      fc.array(anyValue, { minLength: 1, maxLength: 3 }),
      fc.record(
        {
          anyOf: fc.array(anyValue, { minLength: 1, maxLength: 2 }),
          count: anyValue,
          amountMinor: anyValue,
          stageIn: fc.array(anyValue, { minLength: 1, maxLength: 2 }),
          currency: fc.constantFrom('EUR', 'JPY'),
          within: fc.constant('10y'),
        },
        { requiredKeys: [] },
      ),
    );
    const hostile = fc.constantFrom(...FIELD_KEYS).chain((key) => {
      const field = findField(key)!;
      return fc
        .tuple(fc.constantFrom(...field.operators), anyShape)
        .map(([op, value]) => ({ field: key, op, value }));
    });
    await insertAudience(pool, SCHEMA, fc.sample(audienceArb, { numRuns: 1, seed: 11 })[0]);
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(hostile, async (condition) => {
        const validated = validateRule(condition);
        if (!validated.ok) return;
        accepted += 1;
        await sqlMembers(validated.rule, new Date(BASE));
      }),
      { numRuns: 1000 },
    );
    expect(accepted).toBeGreaterThan(25);
  });

  it('has a positive control: a rule that holds for everyone selects every contact of the tenant, not the other', async () => {
    const now = new Date(BASE);
    const records = fc.sample(audienceArb, { numRuns: 1, seed: 7 })[0];
    await insertAudience(pool, SCHEMA, [
      ...records,
      { ...records[0], contact: { ...records[0].contact, tenant: 't2' } },
    ]);
    const everyone = await sqlMembers({ all: [] }, now);
    expect([...everyone.keys()].sort()).toEqual(records.map((r) => r.contact.contactId).sort());
  });
});
