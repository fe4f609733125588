import type { Rule } from '../segments/rules/rule';
import { dependsOnClock, fieldsOf } from './live-segments';

const rule = (r: unknown) => r as Rule;

describe('live segments: what a rule reads and whether the clock alone can change it', () => {
  it('lists the fields a rule part reads, once each, in order', () => {
    expect(
      fieldsOf(
        rule({
          all: [
            { field: 'country', op: 'eq', value: 'DE' },
            {
              any: [
                { field: 'tags', op: 'contains', value: 'vip' },
                { not: { field: 'country', op: 'eq', value: 'FR' } },
              ],
            },
          ],
        }),
      ),
    ).toEqual(['country', 'tags']);
  });

  it.each([
    [{ field: 'purchase.lastOrderAt', op: 'within_last', value: '30d' }, true],
    [{ field: 'demographics.birthDate', op: 'anniversary_within_next', value: '7d' }, true],
    [{ field: 'purchase.family', op: 'bought', value: { anyOf: ['Cars'], within: '1y' } }, true],
    [{ not: { field: 'purchase.orders', op: 'gte', value: { count: 2, within: '6m' } } }, true],
    [{ field: 'purchase.family', op: 'bought', value: { anyOf: ['Cars'] } }, false],
    [{ all: [{ field: 'country', op: 'eq', value: 'DE' }] }, false],
    [{ any: [] }, false],
  ])('%j depends on the clock: %s', (r, expected) => {
    expect(dependsOnClock(rule(r))).toBe(expected);
  });
});
