import { modelInput } from './purchase-inputs';
import { byValue, type CustomerValue } from './lifetime-value-report';

const customer = {
  contactId: 'c1',
  currency: 'EUR',
  firstPurchaseAt: new Date('2026-01-01T23:30:00Z'),
  lastPurchaseAt: new Date('2026-01-15T08:00:00Z'),
  repeatPurchases: 2,
  recencyDays: 14,
  averageRepeatDayMinor: 1234,
};

describe('model inputs from customer_stats', () => {
  it('measures age in weeks from the first purchase day to the observation day (UTC days)', () => {
    expect(modelInput(customer, new Date('2026-01-29T00:10:00Z'))).toEqual({
      contactId: 'c1',
      currency: 'EUR',
      frequency: 2,
      recency: 2,
      age: 4,
      averageValue: 1234,
    });
  });

  it('leaves out a customer first seen after the observation day, and zeroes m̄ without repeats', () => {
    expect(modelInput(customer, new Date('2025-12-31T12:00:00Z'))).toBeUndefined();
    expect(
      modelInput(
        { ...customer, repeatPurchases: 0, recencyDays: 0 },
        new Date('2026-01-08T00:00:00Z'),
      )?.averageValue,
    ).toBe(0);
  });
});

describe('keyset order', () => {
  const v = (contactId: string, clvMinor: number | null) =>
    ({ contactId, clvMinor }) as CustomerValue;
  it('is CLV descending, unknown CLV last, ties by contact id', () => {
    const sorted = [v('b', 5), v('a', null), v('c', 9), v('a2', 5)].sort(byValue);
    expect(sorted.map((x) => x.contactId)).toEqual(['c', 'a2', 'b', 'a']);
  });
});
