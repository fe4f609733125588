/**
 * fitBaskets (the job's pure step) and the thresholds' configuration. The rule numbers
 * themselves are models/basket's (reproduced there against arules on Groceries); here: what the
 * fit makes of them: both levels, the refusals as insufficient-data fits that say why, offers
 * that never name a held product, and the thresholds as the fit's parameters.
 */
import { ConfigError } from '@crm/platform';
import { loadGroceries } from '../models/basket/fixtures/load-groceries';
import { loadBasketConfig } from './basket.config';
import { fitBaskets, type OrderBasket } from './basket-fit';

const thresholds = { minSupport: 0.2, minConfidence: 0.5, minLift: 0, maxLength: 4 };
const options = { thresholds, minBaskets: 3, offersPerCustomer: 5 };
const basket = (...products: string[]): OrderBasket => ({
  products,
  families: [...new Set(products.map((p) => p.slice(0, 1)))],
});

describe('fitBaskets', () => {
  // a1 and a2 always together, b1 with them half the time; families a and b.
  const baskets = [
    basket('a1', 'a2', 'b1'),
    basket('a1', 'a2'),
    basket('a1', 'a2', 'b1'),
    basket('a1', 'a2'),
    basket('b1'),
  ];

  it('mines both levels and records the thresholds and sizes', () => {
    const result = fitBaskets(baskets, [], options);
    expect(result.fit).toMatchObject({
      status: 'fitted',
      reason: null,
      parameters: { algorithm: 'fp-growth', ...thresholds },
      quality: {
        baskets: 5,
        product: { distinctItems: 3, minCount: 1 },
        family: { distinctItems: 2 },
      },
    });
    // {a1} => a2 and {a2} => a1: 4 of 4, lift 5/4.
    expect(
      result.productRules.slice(0, 2).map((r) => [r.antecedent, r.consequent, r.lift]),
    ).toEqual([
      [['a1'], 'a2', 1.25],
      [['a2'], 'a1', 1.25],
    ]);
    // Families a (4 baskets), b (3), both (2): equal lifts 0.8333, b => a first (confidence 2/3 > 2/4).
    expect(result.familyRules.map((r) => `${r.antecedent.join('+')}=>${r.consequent}`)).toEqual([
      'b=>a',
      'a=>b',
    ]);
  });

  it('offers never name a held product, best rule first, at most the limit', () => {
    const customers = [
      { contactId: 'holds-a1', products: ['a1'] },
      { contactId: 'holds-all', products: ['a1', 'a2', 'b1'] },
      { contactId: 'holds-b1', products: ['b1'] },
    ];
    const { offers } = fitBaskets(baskets, customers, { ...options, offersPerCustomer: 1 });
    expect(offers.map((c) => [c.contactId, c.offers.map((o) => o.productId)])).toEqual([
      ['holds-a1', ['a2']],
      ['holds-b1', ['a1']],
    ]);
    for (const c of offers) {
      const held = customers.find((h) => h.contactId === c.contactId)!.products;
      for (const o of c.offers) {
        expect(held).not.toContain(o.productId);
        expect(o.rule.antecedent.every((item) => held.includes(item))).toBe(true);
      }
    }
  });

  it('too few baskets is an insufficient-data fit that says why, with no rules', () => {
    const result = fitBaskets(baskets.slice(0, 2), [{ contactId: 'c', products: ['a1'] }], options);
    expect(result.fit).toMatchObject({ status: 'insufficient-data', parameters: null });
    expect(result.fit.reason).toBe(
      '2 standing orders; the rules need at least 3 (ANALYTICS_BASKET_MIN_BASKETS)',
    );
    expect([result.productRules, result.familyRules, result.offers]).toEqual([[], [], []]);
  });

  it('thresholds too low for the data are an insufficient-data fit, not an exhausted heap', () => {
    const groceries = loadGroceries().map((items) => ({ products: items, families: [] }));
    const result = fitBaskets(groceries, [], {
      ...options,
      thresholds: { minSupport: 0.0001, minConfidence: 0, minLift: 0, maxLength: 10 },
    });
    expect(result.fit.status).toBe('insufficient-data');
    expect(result.fit.reason).toMatch(/^rules by product: /);
  });
});

describe('loadBasketConfig', () => {
  it('defaults, and a value from the environment', () => {
    expect(loadBasketConfig({})).toEqual({
      fitIntervalMs: 6 * 3_600_000,
      thresholds: { minSupport: 0.01, minConfidence: 0.2, minLift: 1, maxLength: 4 },
      minBaskets: 30,
      offersPerCustomer: 5,
    });
    expect(loadBasketConfig({ ANALYTICS_BASKET_MIN_SUPPORT: '0.001' }).thresholds.minSupport).toBe(
      0.001,
    );
  });

  it.each([
    ['ANALYTICS_BASKET_MIN_SUPPORT', '0'],
    ['ANALYTICS_BASKET_MIN_SUPPORT', 'a tenth'],
    ['ANALYTICS_BASKET_MIN_CONFIDENCE', '1.5'],
    ['ANALYTICS_BASKET_MIN_LIFT', '-1'],
    ['ANALYTICS_BASKET_MAX_LENGTH', '1'],
  ])('%s=%s stops the service, naming the variable', (variable, value) => {
    let error: unknown;
    try {
      loadBasketConfig({ [variable]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variables).toEqual([variable]);
  });
});
