/** validateRule: what it accepts, and every way it names what is wrong (path and detail). */
import fc from 'fast-check';
import { MAX_RULE_CONDITIONS, MAX_RULE_DEPTH } from './rule';
import { validateRule } from './validate-rule';

function errorsOf(input: unknown): { path: string; detail: string }[] {
  const result = validateRule(input);
  if (result.ok) throw new Error(`expected errors, got ok for ${JSON.stringify(input)}`);
  return result.errors;
}

function expectError(input: unknown, path: string, detail: RegExp): void {
  expect(errorsOf(input)).toEqual(
    expect.arrayContaining([{ path, detail: expect.stringMatching(detail) }]),
  );
}

const cond = (field: string, op: string, value?: unknown) =>
  value === undefined ? { field, op } : { field, op, value };

describe('validateRule', () => {
  it('accepts every documented shape and normalises exists without a value to true', () => {
    const rule = {
      all: [
        cond('lifecycleStage', 'in', ['customer', 'lead']),
        cond('consent.email', 'eq', 'granted'),
        cond('email', 'exists'),
        cond('tags', 'contains_all', ['vip']),
        cond('birthDate', 'anniversary_within_next', '7d'),
        cond('purchase.firstOrderAt', 'anniversary_within_next', '1m'),
        cond('engagement.lastOpenedAt', 'within_last', '30d'),
        cond('purchase.lastOrderAt', 'lt', '2026-01-01'),
        cond('registeredAt', 'between', ['2025-01-01T00:00:00Z', '2025-12-31T23:59:59+01:00']),
        cond('scores.propensity', 'gte', 0.7),
        cond('scores.rfm', 'eq', '555'),
        cond('customFields.plan', 'in', ['gold', 3, true]),
        cond('customFields.seats', 'between', [1, 10]),
        cond('engagement.unsubscribed', 'eq', false),
        {
          any: [
            cond('purchase.family', 'bought', { anyOf: ['cars'], within: '30d' }),
            { not: cond('purchase.product', 'bought', { anyOf: ['p-9'] }) },
          ],
        },
        cond('purchase.product', 'not_bought', { anyOf: ['p-2'] }),
        cond('purchase.option', 'bought', { anyOf: ['gear-auto'] }),
        cond('purchase.orders', 'gte', { count: 3 }),
        cond('purchase.orders', 'between', { count: [1, 2], within: '1y' }),
        cond('purchase.spent', 'gt', { amountMinor: 50000, currency: 'EUR', within: '90d' }),
      ],
    };
    const result = validateRule(rule);
    expect(result).toEqual({
      ok: true,
      rule: {
        all: rule.all.map((r) => ('op' in r && r.op === 'exists' ? { ...r, value: true } : r)),
      },
    });
  });

  it('accepts empty groups (all: everyone, any: no one)', () => {
    expect(validateRule({ all: [] })).toEqual({ ok: true, rule: { all: [] } });
    expect(validateRule({ any: [] })).toEqual({ ok: true, rule: { any: [] } });
  });

  it.each([
    [null, 'rule', /not null/],
    [[], 'rule', /not a list/],
    ['x', 'rule', /not string/],
    [{}, 'rule', /one of "all", "any", "not" or "field"/],
    [{ all: [], any: [] }, 'rule', /only one of .*"all" and "any"/],
    [{ all: {} }, 'rule.all', /list of rules, not an object/],
    [{ all: [], extra: 1 }, 'rule.extra', /unknown key "extra"/],
    [{ not: 5 }, 'rule.not', /must be an object/],
    [{ any: [cond('email', 'exists'), 7] }, 'rule.any[1]', /must be an object/],
  ])('names a malformed node: %j', (input, path, detail) => expectError(input, path, detail));

  it('names unknown fields, keys and operators, and operators that do not fit the type', () => {
    expectError(
      { all: [cond('email', 'exists'), cond('nope', 'eq', 1)] },
      'rule.all[1].field',
      /unknown field "nope"/,
    );
    expectError(cond('customFields.bad key', 'eq', 1), 'rule.field', /unknown field/);
    expectError(cond('scores.', 'gt', 1), 'rule.field', /unknown field/);
    expectError({ field: 3, op: 'eq' }, 'rule.field', /must be a field key/);
    expectError({ any: [cond('email', 'like', 'x')] }, 'rule.any[0].op', /must be one of eq, ne/);
    expectError(
      cond('gender', 'gt', 'male'),
      'rule.op',
      /"gt" does not apply to enum field "gender" \(allowed: eq, ne, in, not_in, exists\)/,
    );
    expectError(
      cond('registeredAt', 'anniversary_within_next', '7d'),
      'rule.op',
      /does not apply to timestamp/,
    );
    expectError(
      { ...cond('email', 'exists'), extra: 1 },
      'rule.extra',
      /unknown key "extra" in a condition/,
    );
  });

  it.each([
    [cond('email', 'eq', 5), 'rule.value', /text of 1 to 500/],
    [cond('email', 'eq', 'x'.repeat(501)), 'rule.value', /text of 1 to 500/],
    [cond('email', 'contains', ''), 'rule.value', /text of 1 to 500/],
    [cond('customFields.plan', 'eq', 'a\u0000'), 'rule.value', /NUL/],
    [cond('customFields.plan', 'eq', 'a\ud800'), 'rule.value', /unpaired surrogate/],
    [cond('gender', 'eq', 'robot'), 'rule.value', /one of female, male/],
    [cond('gender', 'in', ['male', 'robot']), 'rule.value[1]', /one of female/],
    [cond('gender', 'in', []), 'rule.value', /list of 1 to 100/],
    [
      cond(
        'email',
        'in',
        Array.from({ length: 101 }, (_, i) => `e${i}`),
      ),
      'rule.value',
      /list of 1 to 100/,
    ],
    [cond('engagement.messagesReceived', 'gt', '3'), 'rule.value', /must be a number/],
    [
      cond('engagement.messagesReceived', 'between', [5, 1]),
      'rule.value',
      /low end must not be above/,
    ],
    [cond('engagement.messagesReceived', 'between', [1]), 'rule.value', /two values \[low, high\]/],
    [cond('birthDate', 'eq', '2023-02-29'), 'rule.value', /date YYYY-MM-DD/],
    [cond('birthDate', 'gt', '0000-12-31'), 'rule.value', /must be a date/],
    [cond('registeredAt', 'gt', '0001-01-01T00:30:00+01:00'), 'rule.value', /ISO-8601 date-time/],
    [cond('registeredAt', 'lt', '9999-12-31T23:30:00-01:00'), 'rule.value', /ISO-8601 date-time/],
    [cond('registeredAt', 'gt', '2026-01-01T10:00:00'), 'rule.value', /with an offset/],
    [
      cond('registeredAt', 'between', ['2026-02-01', '2026-01-01T00:00:00Z']),
      'rule.value',
      /low end/,
    ],
    [cond('engagement.unsubscribed', 'eq', 'yes'), 'rule.value', /true or false/],
    [cond('email', 'exists', 'yes'), 'rule.value', /true \(has a value\) or false/],
    [cond('customFields.plan', 'eq', null), 'rule.value', /text, a number or true\/false/],
    [cond('customFields.plan', 'gt', 'a'), 'rule.value', /must be a number/],
    [cond('tags', 'contains_any', [1]), 'rule.value[0]', /text/],
  ])('names a wrong value (case %#)', (input, path, detail) => expectError(input, path, detail));

  it.each(['0d', '30', 'd', '-3d', '3h', '3661d', '11y', 30, null])(
    'names a bad duration: %j',
    (duration) => {
      expectError(
        cond('registeredAt', 'within_last', duration),
        'rule.value',
        /duration such as "30d"/,
      );
    },
  );

  it('limits anniversaries to a year ahead', () => {
    expect(validateRule(cond('birthDate', 'anniversary_within_next', '366d')).ok).toBe(true);
    expectError(
      cond('birthDate', 'anniversary_within_next', '13m'),
      'rule.value',
      /at most a year/,
    );
  });

  it('names what is wrong in purchase conditions', () => {
    expectError(cond('purchase.product', 'bought', ['p1']), 'rule.value', /\{ anyOf: \[ids...\]/);
    expectError(
      cond('purchase.product', 'bought', { anyOf: [] }),
      'rule.value.anyOf',
      /list of 1 to 100/,
    );
    expectError(
      cond('purchase.product', 'bought', { anyOf: ['p1', ''] }),
      'rule.value.anyOf[1]',
      /text/,
    );
    expectError(
      cond('purchase.product', 'bought', { anyOf: ['p1'], within: '30x' }),
      'rule.value.within',
      /duration/,
    );
    expectError(
      cond('purchase.product', 'bought', { anyOf: ['p1'], days: 30 }),
      'rule.value.days',
      /unknown key "days"/,
    );
    expectError(
      cond('purchase.product', 'gt', { anyOf: ['p1'] }),
      'rule.op',
      /allowed: bought, not_bought/,
    );
    expectError(cond('purchase.orders', 'gte', 3), 'rule.value', /\{ count: n/);
    expectError(cond('purchase.orders', 'gte', { count: 1.5 }), 'rule.value.count', /whole number/);
    expectError(
      cond('purchase.orders', 'between', { count: [3, 1] }),
      'rule.value.count',
      /low end/,
    );
    expectError(
      cond('purchase.orders', 'between', { count: 3 }),
      'rule.value.count',
      /\[low, high\]/,
    );
    expectError(
      cond('purchase.spent', 'gt', { amountMinor: 100 }),
      'rule.value.currency',
      /ISO 4217/,
    );
    expectError(
      cond('purchase.spent', 'gt', { amountMinor: 100, currency: 'ABC' }),
      'rule.value.currency',
      /ISO 4217/,
    );
    expectError(
      cond('purchase.spent', 'gt', { amountMinor: -1, currency: 'EUR' }),
      'rule.value.amountMinor',
      /at least 0 \(minor units/,
    );
  });

  it('accepts the documented deal conditions', () => {
    for (const rule of [
      cond('deals.open', 'gte', { count: 1 }),
      cond('deals.open', 'gte', { count: 1, stageIn: ['negotiation', 'proposal'] }),
      cond('deals.open', 'between', { count: [1, 3] }),
      cond('deals.openAmount', 'gt', { amountMinor: 2000000, currency: 'EUR' }),
      cond('deals.openAmount', 'lte', { amountMinor: 0, currency: 'USD', stageIn: ['qualify'] }),
      cond('deals.won', 'gte', { count: 1, within: '90d' }),
      cond('deals.won', 'eq', { count: 0 }),
      cond('deals.lost', 'between', { count: [1, 2], within: '30d' }),
    ]) {
      expect(validateRule(rule)).toEqual({ ok: true, rule });
    }
  });

  it('names what is wrong in deal conditions', () => {
    expectError(cond('deals.open', 'gte', 1), 'rule.value', /\{ count: n, stageIn\?: \[stage ids/);
    expectError(cond('deals.open', 'gte', { count: -1 }), 'rule.value.count', /whole number/);
    expectError(
      cond('deals.open', 'gte', { count: 1, stageIn: [] }),
      'rule.value.stageIn',
      /list of 1 to 100/,
    );
    expectError(
      cond('deals.open', 'gte', { count: 1, stageIn: 'negotiation' }),
      'rule.value.stageIn',
      /list of 1 to 100/,
    );
    expectError(
      cond('deals.open', 'gte', { count: 1, stageIn: ['a', 7] }),
      'rule.value.stageIn[1]',
      /text/,
    );
    expectError(
      cond('deals.open', 'gte', { count: 1, within: '30d' }),
      'rule.value.within',
      /unknown key "within" \(allowed: count, stageIn\)/,
    );
    expectError(
      cond('deals.open', 'exists', true),
      'rule.op',
      /allowed: eq, gt, gte, lt, lte, between/,
    );
    expectError(
      cond('deals.openAmount', 'eq', { amountMinor: 1, currency: 'EUR' }),
      'rule.op',
      /allowed: gt, gte, lt, lte, between/,
    );
    expectError(
      cond('deals.openAmount', 'gt', { amountMinor: 100 }),
      'rule.value.currency',
      /ISO 4217/,
    );
    expectError(
      cond('deals.openAmount', 'gt', { amountMinor: 1.5, currency: 'EUR' }),
      'rule.value.amountMinor',
      /minor units/,
    );
    expectError(
      cond('deals.openAmount', 'between', { amountMinor: [5, 1], currency: 'EUR' }),
      'rule.value.amountMinor',
      /low end/,
    );
    expectError(
      cond('deals.openAmount', 'gt', { amountMinor: 1, currency: 'EUR', within: '1y' }),
      'rule.value.within',
      /unknown key/,
    );
    expectError(
      cond('deals.won', 'gte', { count: 1, within: '90x' }),
      'rule.value.within',
      /duration/,
    );
    expectError(
      cond('deals.won', 'gte', { count: 1, stageIn: ['won'] }),
      'rule.value.stageIn',
      /unknown key "stageIn" \(allowed: count, within\)/,
    );
    expectError(cond('deals.lost', 'between', { count: 2 }), 'rule.value.count', /\[low, high\]/);
    expectError(cond('deals.lost', 'gte', null), 'rule.value', /\{ count: n, within\?: "30d" \}/);
    expectError(cond('deals.stage', 'eq', 'x'), 'rule.field', /unknown field/);
  });

  it(`refuses rules nested deeper than ${MAX_RULE_DEPTH} levels, naming where`, () => {
    let rule: unknown = cond('email', 'exists');
    for (let i = 0; i < MAX_RULE_DEPTH - 1; i += 1) rule = { not: rule };
    expect(validateRule(rule).ok).toBe(true);
    expectError(
      { all: [rule] },
      `rule.all[0]${'.not'.repeat(MAX_RULE_DEPTH - 2)}.not`,
      /deeper than 8 levels/,
    );
  });

  it(`refuses more than ${MAX_RULE_CONDITIONS} conditions, once`, () => {
    const many = (n: number) => ({ any: Array.from({ length: n }, () => cond('email', 'exists')) });
    expect(validateRule(many(MAX_RULE_CONDITIONS)).ok).toBe(true);
    expect(errorsOf(many(MAX_RULE_CONDITIONS + 50))).toEqual([
      { path: 'rule', detail: expect.stringMatching(/at most 100 conditions/) },
    ]);
  });

  it('reports every problem at once, capped', () => {
    expect(
      errorsOf({ all: [cond('nope', 'eq', 1), cond('email', 'gt', 'a')] }).map((e) => e.path),
    ).toEqual(['rule.all[0].field', 'rule.all[1].op']);
    expect(errorsOf({ any: Array.from({ length: 90 }, () => cond('nope', 'eq', 1)) })).toHaveLength(
      50,
    );
  });

  it('is not fooled by prototype keys', () => {
    expectError(cond('constructor', 'eq', 'x'), 'rule.field', /unknown field/);
    expectError(JSON.parse('{"__proto__": {"field": "email"}}'), 'rule', /one of "all"/);
  });

  it('never throws, whatever JSON it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 12 }), (input) => {
        const result = validateRule(input);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
    let deep: unknown = cond('email', 'exists');
    for (let i = 0; i < 100_000; i += 1) deep = { not: deep };
    expect(validateRule(deep).ok).toBe(false);
  });
});
