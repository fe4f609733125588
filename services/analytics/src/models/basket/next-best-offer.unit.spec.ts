import type { AssociationRule } from './association-rules';
import { boughtTogether } from './bought-together';
import { nextBestOffers, offerRanker } from './next-best-offer';

function rule(
  antecedent: string[],
  consequent: string,
  lift: number,
  confidence = 0.5,
  count = 10,
): AssociationRule {
  return {
    antecedent,
    consequent,
    count,
    support: count / 100,
    confidence,
    coverage: count / 100 / confidence,
    lift,
    leverage: 0,
    conviction: 1,
  };
}

const rules = [
  rule(['phone'], 'case', 3),
  rule(['phone', 'case'], 'screen guard', 4),
  rule(['phone'], 'charger', 2.5),
  rule(['laptop'], 'charger', 3.5),
  rule(['phone'], 'insurance', 2.5, 0.7),
  rule(['tablet'], 'pen', 5),
  rule(['phone'], 'phone', 9), // degenerate input: the customer holds it, so never offered
];

describe('nextBestOffers', () => {
  it('offers consequents of rules whose whole antecedent is held, by lift then confidence', () => {
    const offers = nextBestOffers(['phone'], rules);
    expect(offers.map((o) => [o.rank, o.item, o.rule.lift, o.rule.confidence])).toEqual([
      [1, 'case', 3, 0.5],
      [2, 'insurance', 2.5, 0.7],
      [3, 'charger', 2.5, 0.5],
    ]);
  });

  it('never offers what is held, and needs the whole antecedent', () => {
    const offers = nextBestOffers(['phone', 'case'], rules);
    expect(offers.map((o) => o.item)).toEqual(['screen guard', 'insurance', 'charger']);
    expect(offers.some((o) => ['phone', 'case'].includes(o.item))).toBe(false);
  });

  it('offers each item once, with the best rule that produced it as the reason', () => {
    const offers = nextBestOffers(new Set(['phone', 'laptop']), rules);
    const charger = offers.filter((o) => o.item === 'charger');
    expect(charger).toHaveLength(1);
    expect(charger[0].rule.antecedent).toEqual(['laptop']);
    expect(offers.map((o) => o.item)).toEqual(['charger', 'case', 'insurance']);
  });

  it('stops at the limit, and offers nothing to someone no rule applies to', () => {
    expect(nextBestOffers(['phone'], rules, { limit: 1 }).map((o) => o.item)).toEqual(['case']);
    expect(nextBestOffers(['phone'], rules, { limit: 0 })).toEqual([]);
    expect(nextBestOffers(['fridge'], rules)).toEqual([]);
    expect(nextBestOffers([], rules)).toEqual([]);
  });

  it('lets a rule with an empty antecedent fill places for everybody, after the specific ones', () => {
    const withPopular = [...rules, rule([], 'cable', 1, 0.3, 30)];
    expect(nextBestOffers(['fridge'], withPopular).map((o) => o.item)).toEqual(['cable']);
    expect(nextBestOffers(['phone'], withPopular).map((o) => o.item)).toEqual([
      'case',
      'insurance',
      'charger',
      'cable',
    ]);
  });

  it('ranks the rules once for many customers with the same answers', () => {
    const offer = offerRanker(rules);
    for (const holdings of [['phone'], ['phone', 'case'], ['laptop', 'tablet'], []]) {
      expect(offer(holdings)).toEqual(nextBestOffers(holdings, rules));
    }
  });
});

describe('boughtTogether', () => {
  it('lists the rules with that item alone as antecedent, best first', () => {
    expect(boughtTogether(rules, 'phone').map((r) => r.consequent)).toEqual([
      'phone',
      'case',
      'insurance',
      'charger',
    ]);
    expect(boughtTogether(rules, 'phone', 2)).toHaveLength(2);
    expect(boughtTogether(rules, 'fridge')).toEqual([]);
  });
});
