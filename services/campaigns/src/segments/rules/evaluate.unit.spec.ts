/** The in-memory evaluator: the documented semantics, condition by condition. */
import type { AudienceRecord } from './audience-record';
import { compileEvaluator } from './evaluate';
import type { Rule } from './rule';
import { aDeal, aLine, anOrder, aRecord } from './testing/audience-records';
import { validateRule } from './validate-rule';

const NOW = new Date('2026-06-15T12:00:00Z');
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);

function matches(rule: unknown, record: AudienceRecord, now = NOW): boolean {
  const validated = validateRule(rule);
  if (!validated.ok) throw new Error(JSON.stringify(validated.errors));
  return compileEvaluator(validated.rule).matches(record, now);
}

describe('compileEvaluator', () => {
  it('never lets a missing value satisfy a comparison, ne and not_in included; not is the complement', () => {
    const nobody = aRecord();
    for (const rule of [
      { field: 'email', op: 'eq', value: 'a@b.c' },
      { field: 'email', op: 'ne', value: 'a@b.c' },
      { field: 'gender', op: 'not_in', value: ['male'] },
      { field: 'email', op: 'contains', value: 'a' },
      { field: 'engagement.lastOpenedAt', op: 'within_last', value: '30d' },
      { field: 'scores.propensity', op: 'lt', value: 1 },
      { field: 'customFields.plan', op: 'ne', value: 'gold' },
      { field: 'email', op: 'exists', value: true },
    ]) {
      expect(matches(rule, nobody)).toBe(false);
      expect(matches({ not: rule }, nobody)).toBe(true);
    }
    expect(matches({ field: 'email', op: 'exists', value: false }, nobody)).toBe(true);
  });

  it('compares text exactly and contains in any case', () => {
    const anna = aRecord({ email: 'Anna@Example.com' });
    expect(matches({ field: 'email', op: 'eq', value: 'anna@example.com' }, anna)).toBe(false);
    expect(matches({ field: 'email', op: 'contains', value: 'EXAMPLE' }, anna)).toBe(true);
    expect(matches({ field: 'email', op: 'ne', value: 'x' }, anna)).toBe(true);
  });

  it('reads consent per channel, unknown when never recorded', () => {
    const record = aRecord({ consent: { email: 'granted', sms: 3 } });
    expect(matches({ field: 'consent.email', op: 'eq', value: 'granted' }, record)).toBe(true);
    expect(matches({ field: 'consent.sms', op: 'eq', value: 'unknown' }, record)).toBe(true);
    expect(matches({ field: 'consent.post', op: 'eq', value: 'unknown' }, record)).toBe(true);
  });

  it('treats relative windows as [now - duration, now], both ends included', () => {
    const at = (d: Date | null) => aRecord({ lastOpenedAt: d });
    const rule = { field: 'engagement.lastOpenedAt', op: 'within_last', value: '30d' };
    expect(matches(rule, at(daysAgo(30)))).toBe(true);
    expect(matches(rule, at(new Date(daysAgo(30).getTime() - 1)))).toBe(false);
    expect(matches(rule, at(NOW))).toBe(true);
    expect(matches(rule, at(new Date(NOW.getTime() + 1)))).toBe(false);
  });

  it('finds birthdays and first-order anniversaries in the next days', () => {
    const rule = { field: 'birthDate', op: 'anniversary_within_next', value: '7d' };
    expect(matches(rule, aRecord({ birthDate: '1980-06-22' }))).toBe(true);
    expect(matches(rule, aRecord({ birthDate: '1980-06-23' }))).toBe(false);
    expect(matches(rule, aRecord({ birthDate: '1980-06-14' }))).toBe(false);
    const anniversary = {
      field: 'purchase.firstOrderAt',
      op: 'anniversary_within_next',
      value: '1d',
    };
    expect(matches(anniversary, aRecord({ firstOrderAt: new Date('2020-06-16T23:59:00Z') }))).toBe(
      true,
    );
  });

  it('matches tags any or all', () => {
    const record = aRecord({ tags: ['vip', 'car'] });
    expect(matches({ field: 'tags', op: 'contains', value: 'vip' }, record)).toBe(true);
    expect(matches({ field: 'tags', op: 'contains_all', value: ['vip', 'bike'] }, record)).toBe(
      false,
    );
    expect(matches({ field: 'tags', op: 'contains_any', value: ['vip', 'bike'] }, record)).toBe(
      true,
    );
    expect(matches({ field: 'tags', op: 'exists', value: false }, aRecord())).toBe(true);
  });

  it('compares custom fields as JSON values: 1 is not "1", JSON null is missing, own keys only', () => {
    const record = aRecord({
      customFields: { seats: 3, plan: 'Gold plan', code: '1', gone: null, list: ['a', 'b'] },
    });
    expect(matches({ field: 'customFields.seats', op: 'eq', value: 3 }, record)).toBe(true);
    expect(matches({ field: 'customFields.code', op: 'eq', value: 1 }, record)).toBe(false);
    expect(matches({ field: 'customFields.seats', op: 'between', value: [3, 4] }, record)).toBe(
      true,
    );
    expect(matches({ field: 'customFields.plan', op: 'gt', value: 1 }, record)).toBe(false);
    expect(matches({ field: 'customFields.plan', op: 'contains', value: 'gold' }, record)).toBe(
      true,
    );
    expect(matches({ field: 'customFields.list', op: 'contains', value: 'b' }, record)).toBe(true);
    expect(matches({ field: 'customFields.gone', op: 'exists', value: false }, record)).toBe(true);
    expect(matches({ field: 'customFields.gone', op: 'ne', value: 1 }, record)).toBe(false);
    expect(matches({ field: 'customFields.constructor', op: 'exists', value: true }, record)).toBe(
      false,
    );
  });

  it('reads numeric scores only when they are numbers', () => {
    const record = aRecord({ scores: { propensity: 0.7, churnRisk: '0.2', rfm: '555' } });
    expect(matches({ field: 'scores.propensity', op: 'gte', value: 0.7 }, record)).toBe(true);
    expect(matches({ field: 'scores.churnRisk', op: 'exists', value: true }, record)).toBe(false);
    expect(matches({ field: 'scores.rfm', op: 'eq', value: '555' }, record)).toBe(true);
  });

  describe('purchase history', () => {
    const car = aLine({
      productId: 'car-1',
      productFamily: 'cars',
      sku: 'C1',
      options: ['gear-auto'],
      orderedAt: daysAgo(10),
    });
    const cancelled = aLine({
      lineNo: 2,
      productId: 'bike-1',
      productFamily: 'bikes',
      orderedAt: daysAgo(2),
      status: 'cancelled',
    });
    const buyer = aRecord({}, [car, cancelled]);

    it('finds what was bought, by product, family, SKU or option, within a window; cancelled lines do not count', () => {
      expect(
        matches(
          { field: 'purchase.family', op: 'bought', value: { anyOf: ['cars'], within: '30d' } },
          buyer,
        ),
      ).toBe(true);
      expect(
        matches(
          { field: 'purchase.family', op: 'bought', value: { anyOf: ['cars'], within: '7d' } },
          buyer,
        ),
      ).toBe(false);
      expect(
        matches({ field: 'purchase.sku', op: 'bought', value: { anyOf: ['C1'] } }, buyer),
      ).toBe(true);
      expect(
        matches({ field: 'purchase.option', op: 'bought', value: { anyOf: ['gear-auto'] } }, buyer),
      ).toBe(true);
      expect(
        matches({ field: 'purchase.product', op: 'bought', value: { anyOf: ['bike-1'] } }, buyer),
      ).toBe(false);
      expect(
        matches(
          { field: 'purchase.product', op: 'not_bought', value: { anyOf: ['bike-1'] } },
          buyer,
        ),
      ).toBe(true);
      expect(
        matches(
          { field: 'purchase.product', op: 'not_bought', value: { anyOf: ['car-1'] } },
          buyer,
        ),
      ).toBe(false);
    });

    it('counts placed orders and sums their totals per currency, zero without orders', () => {
      const record = aRecord(
        {},
        [],
        [
          anOrder({ orderId: 'a', totalMinor: 30000, currency: 'EUR', placedAt: daysAgo(5) }),
          anOrder({ orderId: 'b', totalMinor: 30000, currency: 'EUR', placedAt: daysAgo(100) }),
          anOrder({ orderId: 'c', totalMinor: 90000, currency: 'USD', placedAt: daysAgo(5) }),
          anOrder({
            orderId: 'd',
            totalMinor: 90000,
            currency: 'EUR',
            placedAt: daysAgo(5),
            status: 'returned',
          }),
        ],
      );
      expect(matches({ field: 'purchase.orders', op: 'eq', value: { count: 3 } }, record)).toBe(
        true,
      );
      expect(
        matches(
          { field: 'purchase.orders', op: 'gte', value: { count: 2, within: '30d' } },
          record,
        ),
      ).toBe(true);
      expect(
        matches(
          { field: 'purchase.spent', op: 'gt', value: { amountMinor: 50000, currency: 'EUR' } },
          record,
        ),
      ).toBe(true);
      expect(
        matches(
          {
            field: 'purchase.spent',
            op: 'gt',
            value: { amountMinor: 50000, currency: 'EUR', within: '90d' },
          },
          record,
        ),
      ).toBe(false);
      expect(
        matches(
          { field: 'purchase.spent', op: 'lt', value: { amountMinor: 1, currency: 'EUR' } },
          aRecord(),
        ),
      ).toBe(true);
      expect(
        matches({ field: 'purchase.orders', op: 'between', value: { count: [0, 0] } }, aRecord()),
      ).toBe(true);
    });

    it('compares the last order with a date', () => {
      const record = aRecord({ lastOrderAt: new Date('2025-12-31T23:59:59Z') });
      expect(
        matches({ field: 'purchase.lastOrderAt', op: 'lt', value: '2026-01-01' }, record),
      ).toBe(true);
      expect(
        matches({ field: 'purchase.lastOrderAt', op: 'lt', value: '2025-12-31T23:59:59Z' }, record),
      ).toBe(false);
    });
  });

  describe('deals', () => {
    const pipeline = aRecord(
      {},
      [],
      [],
      [
        aDeal({
          opportunityId: 'a',
          status: 'open',
          stageId: 'negotiation',
          amountMinor: 1500000,
          currency: 'EUR',
          updatedAt: daysAgo(3),
        }),
        aDeal({
          opportunityId: 'b',
          status: 'open',
          stageId: 'proposal',
          amountMinor: 700000,
          currency: 'EUR',
          updatedAt: daysAgo(200),
        }),
        aDeal({
          opportunityId: 'c',
          status: 'open',
          stageId: 'proposal',
          amountMinor: 900000,
          currency: 'USD',
        }),
        aDeal({
          opportunityId: 'd',
          status: 'open',
          stageId: null,
          amountMinor: null,
          currency: 'EUR',
        }),
        aDeal({
          opportunityId: 'e',
          status: 'won',
          stageId: 'won',
          amountMinor: 5000000,
          currency: 'EUR',
          updatedAt: daysAgo(89),
        }),
        aDeal({ opportunityId: 'f', status: 'won', updatedAt: daysAgo(91) }),
        aDeal({ opportunityId: 'g', status: 'lost', updatedAt: daysAgo(10) }),
        aDeal({
          opportunityId: 'h',
          status: null,
          stageId: 'negotiation',
          amountMinor: 100,
          currency: 'EUR',
        }),
      ],
    );

    it('counts open deals, optionally in the stages given (a deal of no stage is in none)', () => {
      expect(matches({ field: 'deals.open', op: 'eq', value: { count: 4 } }, pipeline)).toBe(true);
      expect(
        matches(
          { field: 'deals.open', op: 'eq', value: { count: 1, stageIn: ['negotiation'] } },
          pipeline,
        ),
      ).toBe(true);
      expect(
        matches(
          {
            field: 'deals.open',
            op: 'eq',
            value: { count: 3, stageIn: ['negotiation', 'proposal'] },
          },
          pipeline,
        ),
      ).toBe(true);
      expect(
        matches(
          { field: 'deals.open', op: 'gte', value: { count: 1, stageIn: ['qualify'] } },
          pipeline,
        ),
      ).toBe(false);
      expect(
        matches({ field: 'deals.open', op: 'between', value: { count: [0, 0] } }, aRecord()),
      ).toBe(true);
      expect(matches({ field: 'deals.open', op: 'gt', value: { count: 0 } }, aRecord())).toBe(
        false,
      );
    });

    it('sums open amounts in the currency given, nothing else, zero without open deals', () => {
      const above = (amountMinor: number, extra: object = {}) => ({
        field: 'deals.openAmount',
        op: 'gt',
        value: { amountMinor, currency: 'EUR', ...extra },
      });
      expect(matches(above(2199999), pipeline)).toBe(true);
      expect(matches(above(2200000), pipeline)).toBe(false);
      expect(matches(above(1499999, { stageIn: ['negotiation'] }), pipeline)).toBe(true);
      expect(matches(above(1500000, { stageIn: ['negotiation'] }), pipeline)).toBe(false);
      expect(
        matches(
          {
            field: 'deals.openAmount',
            op: 'between',
            value: { amountMinor: [900000, 900000], currency: 'USD' },
          },
          pipeline,
        ),
      ).toBe(true);
      expect(
        matches(
          { field: 'deals.openAmount', op: 'lt', value: { amountMinor: 1, currency: 'EUR' } },
          aRecord(),
        ),
      ).toBe(true);
    });

    it('counts won and lost deals, within a window by when they last changed', () => {
      expect(matches({ field: 'deals.won', op: 'eq', value: { count: 2 } }, pipeline)).toBe(true);
      expect(
        matches({ field: 'deals.won', op: 'eq', value: { count: 1, within: '90d' } }, pipeline),
      ).toBe(true);
      expect(
        matches({ field: 'deals.won', op: 'gte', value: { count: 1, within: '30d' } }, pipeline),
      ).toBe(false);
      expect(
        matches({ field: 'deals.lost', op: 'gte', value: { count: 1, within: '30d' } }, pipeline),
      ).toBe(true);
      expect(
        matches({ field: 'deals.lost', op: 'gte', value: { count: 1, within: '7d' } }, pipeline),
      ).toBe(false);
      // a deal with no known change time is in no window
      const undated = aRecord({}, [], [], [aDeal({ status: 'lost', updatedAt: null })]);
      expect(matches({ field: 'deals.lost', op: 'eq', value: { count: 1 } }, undated)).toBe(true);
      expect(
        matches({ field: 'deals.lost', op: 'eq', value: { count: 0, within: '10y' } }, undated),
      ).toBe(true);
    });

    it('moves a window with the now given: the same won deal leaves "last 90 days" a day later', () => {
      const rule = { field: 'deals.won', op: 'gte', value: { count: 1, within: '90d' } };
      const won = aRecord({}, [], [], [aDeal({ status: 'won', updatedAt: daysAgo(90) })]);
      expect(matches(rule, won)).toBe(true);
      expect(matches(rule, won, new Date(NOW.getTime() + DAY))).toBe(false);
    });
  });

  it('explains per top-level part why a contact matches', () => {
    const rule: Rule = {
      any: [
        { field: 'email', op: 'exists', value: true },
        { field: 'tags', op: 'contains', value: 'vip' },
      ],
    };
    expect(compileEvaluator(rule).explain(aRecord({ tags: ['vip'] }), NOW)).toEqual([
      { path: 'rule.any[0]', matched: false },
      { path: 'rule.any[1]', matched: true },
    ]);
    expect(
      compileEvaluator({ field: 'email', op: 'exists', value: true }).explain(aRecord(), NOW),
    ).toEqual([{ path: 'rule', matched: false }]);
  });

  it('follows now from call to call (windows are not frozen at compile time)', () => {
    const evaluator = compileEvaluator({ field: 'registeredAt', op: 'within_last', value: '1d' });
    const record = aRecord({ registeredAt: NOW });
    expect(evaluator.matches(record, NOW)).toBe(true);
    expect(evaluator.matches(record, new Date(NOW.getTime() + 2 * DAY))).toBe(false);
    expect(evaluator.matches(record, NOW)).toBe(true);
  });

  it('holds for everyone with all: [] and no one with any: []', () => {
    expect(compileEvaluator({ all: [] }).matches(aRecord(), NOW)).toBe(true);
    expect(compileEvaluator({ any: [] }).matches(aRecord(), NOW)).toBe(false);
  });
});
