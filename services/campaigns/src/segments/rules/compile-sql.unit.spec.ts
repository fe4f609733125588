/** The SQL text the compiler produces: bound values only, the caller's placeholders, COALESCE-d leaves. */
import { compileRule } from './compile-sql';
import type { Rule } from './rule';

const NOW = new Date('2026-06-15T12:00:00Z');

describe('compileRule', () => {
  it('scopes to the tenant placeholder and binds every value after it', () => {
    const compiled = compileRule(
      { field: 'email', op: 'eq', value: 'a@b.c' },
      { tenantParam: 1, now: NOW },
    );
    expect(compiled).toEqual({
      where: 'c.tenant = $1 AND COALESCE(c.email = $2::text, false)',
      params: ['a@b.c'],
      parts: [{ path: 'rule', sql: 'COALESCE(c.email = $2::text, false)' }],
    });
  });

  it('numbers its parameters after the caller’s own', () => {
    const compiled = compileRule(
      { field: 'gender', op: 'in', value: ['male'] },
      { tenantParam: 2, firstParam: 5, now: NOW },
    );
    expect(compiled.where).toBe('c.tenant = $2 AND COALESCE(c.gender = ANY($5::text[]), false)');
    expect(compiled.params).toEqual([['male']]);
  });

  it('never puts a rule value into the SQL text, however hostile', () => {
    const evil = "x'; DROP TABLE campaigns.audience_contacts; --";
    const rule: Rule = {
      all: [
        { field: 'email', op: 'contains', value: evil },
        { field: 'customFields.plan', op: 'in', value: [evil, 3] },
        { field: 'purchase.product', op: 'bought', value: { anyOf: [evil] } },
        { field: 'tags', op: 'contains_all', value: [evil] },
      ],
    };
    const compiled = compileRule(rule, { tenantParam: 1, now: NOW });
    expect(compiled.where).not.toContain('DROP');
    expect(compiled.where).not.toContain("x'");
    expect(compiled.params).toEqual(
      expect.arrayContaining([evil, [evil], 'plan', JSON.stringify([evil, 3])]),
    );
  });

  it('resolves relative windows against the now given, never SQL now()', () => {
    const compiled = compileRule(
      {
        all: [
          { field: 'engagement.lastOpenedAt', op: 'within_last', value: '30d' },
          { field: 'birthDate', op: 'within_last', value: '1y' },
          { field: 'purchase.family', op: 'bought', value: { anyOf: ['cars'], within: '1m' } },
        ],
      },
      { tenantParam: 1, now: NOW },
    );
    expect(compiled.where.toLowerCase()).not.toMatch(
      /now\(\)|current_(date|timestamp)|localtimestamp/,
    );
    expect(compiled.params).toEqual([
      '2026-05-16T12:00:00.000Z',
      '2026-06-15T12:00:00.000Z',
      '2025-06-15',
      '2026-06-15',
      ['cars'],
      '2026-05-15T12:00:00.000Z',
      '2026-06-15T12:00:00.000Z',
    ]);
  });

  it('COALESCEs every comparison to false and negates with NOT', () => {
    const compiled = compileRule(
      { not: { field: 'scores.propensity', op: 'gt', value: 0.5 } },
      { tenantParam: 1, now: NOW },
    );
    expect(compiled.where).toBe(
      "c.tenant = $1 AND (NOT COALESCE((CASE WHEN jsonb_typeof(c.scores -> $2::text) = 'number' THEN (c.scores ->> $2::text)::numeric END) > $3::numeric, false))",
    );
  });

  it('asks the order tables of the same tenant and contact, placed ones only, in the schema given', () => {
    const compiled = compileRule(
      {
        any: [
          { field: 'purchase.option', op: 'not_bought', value: { anyOf: ['gear-auto'] } },
          {
            field: 'purchase.spent',
            op: 'between',
            value: { amountMinor: [100, 200], currency: 'EUR' },
          },
        ],
      },
      { tenantParam: 1, now: NOW, schema: 'audience_test' },
    );
    expect(compiled.parts).toEqual([
      {
        path: 'rule.any[0]',
        sql:
          '(NOT EXISTS (SELECT 1 FROM audience_test.audience_order_lines l WHERE l.tenant = c.tenant AND l.contact_id = c.contact_id ' +
          "AND l.status = 'placed' AND l.options && $2::text[]))",
      },
      {
        path: 'rule.any[1]',
        sql:
          'COALESCE((SELECT COALESCE(sum(o.total_minor), 0) FROM audience_test.audience_orders o WHERE o.tenant = c.tenant ' +
          "AND o.contact_id = c.contact_id AND o.status = 'placed' AND o.currency = $3::text) BETWEEN $4::numeric AND $5::numeric, false)",
      },
    ]);
    expect(compiled.where).toBe(
      `c.tenant = $1 AND (${compiled.parts[0].sql} OR ${compiled.parts[1].sql})`,
    );
  });

  it('asks the deals of the same tenant and contact, by status, stages, currency and window, in the schema given', () => {
    const compiled = compileRule(
      {
        all: [
          { field: 'deals.open', op: 'gte', value: { count: 1, stageIn: ['negotiation'] } },
          {
            field: 'deals.openAmount',
            op: 'between',
            value: { amountMinor: [100, 200], currency: 'EUR' },
          },
          { field: 'deals.won', op: 'gte', value: { count: 1, within: '90d' } },
          { field: 'deals.lost', op: 'eq', value: { count: 0 } },
        ],
      },
      { tenantParam: 1, now: NOW, schema: 'audience_test' },
    );
    const from = (status: string) =>
      'FROM audience_test.audience_deals d WHERE d.tenant = c.tenant AND d.contact_id = c.contact_id ' +
      `AND d.status = '${status}'`;
    expect(compiled.parts.map((p) => p.sql)).toEqual([
      `COALESCE((SELECT count(*) ${from('open')} AND d.stage_id = ANY($2::text[])) >= $3::numeric, false)`,
      `COALESCE((SELECT COALESCE(sum(d.amount_minor), 0) ${from('open')} AND d.currency = $4::text) BETWEEN $5::numeric AND $6::numeric, false)`,
      `COALESCE((SELECT count(*) ${from('won')} AND d.updated_at >= $7::timestamptz AND d.updated_at <= $8::timestamptz) >= $9::numeric, false)`,
      `COALESCE((SELECT count(*) ${from('lost')}) = $10::numeric, false)`,
    ]);
    expect(compiled.params).toEqual([
      ['negotiation'],
      1,
      'EUR',
      100,
      200,
      '2026-03-17T12:00:00.000Z',
      '2026-06-15T12:00:00.000Z',
      1,
      0,
    ]);
  });

  it('renders empty groups as TRUE (all) and FALSE (any)', () => {
    expect(compileRule({ all: [] }, { tenantParam: 1, now: NOW }).where).toBe(
      'c.tenant = $1 AND TRUE',
    );
    expect(compileRule({ any: [] }, { tenantParam: 1, now: NOW }).where).toBe(
      'c.tenant = $1 AND FALSE',
    );
  });

  it('refuses schema names and placeholders that are not plain', () => {
    expect(() => compileRule({ all: [] }, { tenantParam: 1, now: NOW, schema: 'x; drop' })).toThrow(
      /schema/,
    );
    expect(() => compileRule({ all: [] }, { tenantParam: 0, now: NOW })).toThrow(/tenantParam/);
  });
});
