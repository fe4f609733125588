/** The served catalogue: complete, consistent, and free of internals. */
import { describeFields, FIELD_GROUPS, findField } from './field-catalogue';
import { OPERATORS } from './rule';

describe('field catalogue', () => {
  const fields = describeFields();

  it('serves unique keys in every group, with known operators, and no internal source', () => {
    expect(new Set(fields.map((f) => f.key)).size).toBe(fields.length);
    expect(new Set(fields.map((f) => f.group))).toEqual(new Set(FIELD_GROUPS));
    for (const field of fields) {
      expect(field).not.toHaveProperty('source');
      expect(field.operators.length).toBeGreaterThan(0);
      for (const op of field.operators) expect(OPERATORS).toContain(op);
      expect(field.description.length).toBeGreaterThan(10);
      if (field.type === 'enum') expect(field.values?.length).toBeGreaterThan(0);
    }
  });

  it('finds fixed fields and the scores and custom field patterns by key', () => {
    expect(findField('consent.sms')).toMatchObject({
      type: 'enum',
      values: ['granted', 'withdrawn', 'unknown'],
    });
    expect(findField('scores.churnRisk')).toMatchObject({
      type: 'number',
      group: 'scores',
      key: 'scores.churnRisk',
    });
    expect(findField('scores.rfm')).toMatchObject({ type: 'string' });
    expect(findField('customFields.shoe-size')).toMatchObject({
      type: 'custom',
      key: 'customFields.shoe-size',
    });
    expect(findField('customFields.')).toBeNull();
    expect(findField('customFields.a.b')).toBeNull();
    expect(findField('toString')).toBeNull();
  });

  it('offers the deal fields in the deals group, each described with an example', () => {
    const deals = fields.filter((f) => f.group === 'deals');
    expect(deals.map((f) => [f.key, f.type, f.valueShape])).toEqual([
      ['deals.open', 'number', 'open-deal-count'],
      ['deals.openAmount', 'money', 'open-deal-amount'],
      ['deals.won', 'number', 'closed-deal-count'],
      ['deals.lost', 'number', 'closed-deal-count'],
    ]);
    for (const field of deals) expect(field.description).toMatch(/: (gte|gt) \{ "/);
    expect(findField('deals.openAmount')?.operators).toEqual(['gt', 'gte', 'lt', 'lte', 'between']);
    expect(findField('deals.won')?.operators).toEqual(['eq', 'gt', 'gte', 'lt', 'lte', 'between']);
  });

  it('offers anniversaries only on birth dates and first orders', () => {
    expect(
      fields.filter((f) => f.operators.includes('anniversary_within_next')).map((f) => f.key),
    ).toEqual(['birthDate', 'purchase.firstOrderAt']);
  });
});
