import { associationRules, type MinedRules } from './association-rules';

function mined(result: ReturnType<typeof associationRules>): MinedRules {
  if (result.status !== 'mined') throw new Error(`expected rules, got ${JSON.stringify(result)}`);
  return result;
}

const asRow = (r: MinedRules['rules'][number]) => [
  `{${r.antecedent.join(', ')}} => {${r.consequent}}`,
  r.support,
  r.confidence,
  r.coverage,
  r.lift,
  r.count,
];

/**
 * arules, "Getting started with arules" (https://mhahsler.github.io/arules/articles/getting-started.html;
 * articles/getting-started.md in github.com/mhahsler/arules, commit 311b6ae):
 * apriori(trans, parameter = list(support = 0.25, confidence = 0.6, maxlen = 5)) on eight baskets
 * -> "set of 10 rules", printed by inspect(sort(rules, by = "lift")). arules' minlen defaults to 1,
 * so its tenth rule is {} => {bread}.
 */
describe('associationRules on the arules getting-started baskets', () => {
  const baskets = [
    ['milk', 'bread', 'butter'],
    ['bread', 'butter'],
    ['milk', 'bread'],
    ['bread', 'jam'],
    ['milk', 'bread', 'butter'],
    ['beer', 'chips'],
    ['beer', 'chips', 'salsa'],
    ['bread', 'butter', 'jam'],
  ];
  const options = { minSupport: 0.25, minConfidence: 0.6, maxLength: 5, minLength: 1 };
  const found = mined(associationRules(baskets, options));

  it('finds the 10 printed rules with their support, confidence, coverage, lift and count', () => {
    // Ties in lift are ordered by confidence, support, the shorter antecedent, then ids (arules
    // keeps its mining order); the rules and their measures are the printed ones.
    expect(found.rules.map(asRow)).toEqual([
      ['{beer} => {chips}', 0.25, 1, 0.25, 4, 2],
      ['{chips} => {beer}', 0.25, 1, 0.25, 4, 2],
      ['{butter} => {bread}', 0.5, 1, 0.5, 4 / 3, 4],
      ['{milk} => {bread}', 0.375, 1, 0.375, 4 / 3, 3],
      ['{jam} => {bread}', 0.25, 1, 0.25, 4 / 3, 2],
      ['{butter, milk} => {bread}', 0.25, 1, 0.25, 4 / 3, 2],
      ['{bread} => {butter}', 0.5, 2 / 3, 0.75, 4 / 3, 4],
      ['{milk} => {butter}', 0.25, 2 / 3, 0.375, 4 / 3, 2],
      ['{bread, milk} => {butter}', 0.25, 2 / 3, 0.375, 4 / 3, 2],
      ['{} => {bread}', 0.75, 0.75, 1, 1, 6],
    ]);
  });

  it('drops the empty-antecedent rule with the default minLength of 2', () => {
    const { minLength: _, ...defaults } = options;
    const rules = mined(associationRules(baskets, defaults)).rules;
    expect(rules).toHaveLength(9);
    expect(rules.every((r) => r.antecedent.length > 0)).toBe(true);
  });

  it('keeps only rules reaching minLift', () => {
    const strong = mined(associationRules(baskets, { ...options, minLift: 2 }));
    expect(strong.rules.map((r) => `${r.antecedent}>${r.consequent}`)).toEqual([
      'beer>chips',
      'chips>beer',
    ]);
    expect(strong.parameters.minLift).toBe(2);
  });

  it('reports what it mined from', () => {
    expect(found).toMatchObject({
      status: 'mined',
      algorithm: 'fp-growth',
      parameters: { minSupport: 0.25, minConfidence: 0.6, minLift: 0, minLength: 1, maxLength: 5 },
      baskets: 8,
      distinctItems: 7,
      minCount: 2,
      frequentItems: 6,
    });
  });
});

/**
 * arules, "Interest measures" (https://mhahsler.github.io/arules/articles/interest-measures.html;
 * articles/interest-measures.md, commit 186aaa3): apriori(trans, support = 0.25, confidence = 0.5),
 * then interestMeasure(rules, "leverage"); inspect(head(sort(rules, by = "leverage"), 3)) prints
 * {cookies, milk} => {tea} 0.09375, {milk} => {tea} 0.06250, {tea} => {milk} 0.06250, and the
 * fourth rule of quality(rules), {coffee} => {cookies}, has leverage -0.03125 and lift 0.8888889.
 * Conviction, (1 - P(y)) / (1 - confidence) (Brin, Motwani, Ullman & Tsur, SIGMOD 1997; arules
 * computes it as n(X) n(not y) / (n n(X, not y))), is not printed there: the values below are that
 * formula by hand.
 */
describe('the interest measures on the arules interest-measures baskets', () => {
  const baskets = [
    ['tea', 'cookies', 'milk'],
    ['tea', 'cookies'],
    ['coffee', 'cookies'],
    ['tea', 'milk'],
    ['coffee', 'milk'],
    ['tea', 'cookies', 'milk'],
    ['coffee', 'cookies'],
    ['tea', 'cookies'],
  ];
  const found = mined(
    associationRules(baskets, { minSupport: 0.25, minConfidence: 0.5, minLength: 1 }),
  );
  const rule = (lhs: string[], rhs: string) =>
    found.rules.find((r) => r.antecedent.join() === lhs.join() && r.consequent === rhs)!;

  it('gives the printed leverages, lifts, confidences and coverages', () => {
    const byLeverage = [...found.rules].sort((a, b) => b.leverage - a.leverage).slice(0, 3);
    expect(
      byLeverage.map((r) => [
        r.antecedent,
        r.consequent,
        r.support,
        r.confidence,
        r.coverage,
        r.lift,
        r.leverage,
      ]),
    ).toEqual([
      [['cookies', 'milk'], 'tea', 0.25, 1, 0.25, 1.6, 0.09375],
      [['milk'], 'tea', 0.375, 0.75, 0.5, 1.2, 0.0625],
      [['tea'], 'milk', 0.375, 0.6, 0.625, 1.2, 0.0625],
    ]);
    expect(rule(['coffee'], 'cookies').leverage).toBe(-0.03125);
    expect(rule(['coffee'], 'cookies').lift.toFixed(7)).toBe('0.8888889');
    // The three rules with an empty antecedent are independent by definition.
    expect(
      found.rules
        .filter((r) => r.antecedent.length === 0)
        .map((r) => [r.consequent, r.lift, r.leverage]),
    ).toEqual([
      ['cookies', 1, 0],
      ['tea', 1, 0],
      ['milk', 1, 0],
    ]);
  });

  it('gives conviction, and null (not Infinity) for a rule that never fails', () => {
    expect(rule(['milk'], 'tea').conviction).toBe((1 - 5 / 8) / (1 - 0.75)); // 1.5
    expect(rule(['tea'], 'milk').conviction).toBeCloseTo((1 - 4 / 8) / (1 - 0.6), 12); // 1.25
    expect(rule(['coffee'], 'cookies').conviction).toBeCloseTo((1 - 6 / 8) / (1 - 2 / 3), 12); // 0.75
    expect(rule(['cookies', 'milk'], 'tea').conviction).toBeNull();
  });

  it('survives a JSON round trip unchanged (no NaN, no Infinity)', () => {
    expect(JSON.parse(JSON.stringify(found))).toEqual(found);
  });
});

describe('associationRules ordering and parameters', () => {
  const baskets = [
    ['a', 'b', 'c'],
    ['a', 'b'],
    ['b', 'c'],
    ['a', 'c', 'd'],
    ['a', 'b', 'c', 'd'],
    ['d'],
  ];

  it('orders the same whatever the order of the baskets and of their items', () => {
    const options = { minSupport: 0.1, minConfidence: 0 };
    const reversed = [...baskets].reverse().map((b) => [...b].reverse());
    expect(associationRules(reversed, options)).toEqual(associationRules(baskets, options));
  });

  it('sorts by lift, then confidence, then support, then the shorter antecedent', () => {
    const { rules } = mined(associationRules(baskets, { minSupport: 0.1, minConfidence: 0 }));
    for (let i = 1; i < rules.length; i++) {
      const [a, b] = [rules[i - 1], rules[i]];
      const key = (r: typeof a) => [-r.lift, -r.confidence, -r.count, r.antecedent.length];
      const [ka, kb] = [key(a), key(b)];
      const first = ka.findIndex((v, j) => v !== kb[j]);
      if (first >= 0) expect(ka[first]).toBeLessThan(kb[first]);
    }
  });

  it('limits rule length by maxLength (items in antecedent plus consequent)', () => {
    const { rules } = mined(
      associationRules(baskets, { minSupport: 0.1, minConfidence: 0, maxLength: 2 }),
    );
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.every((r) => r.antecedent.length === 1)).toBe(true);
  });

  it.each([
    [{ minSupport: 0.1, minConfidence: 1.2 }, 'minConfidence must be in [0, 1]'],
    [{ minSupport: 0.1, minConfidence: NaN }, 'minConfidence must be in [0, 1]'],
    [{ minSupport: 0.1, minConfidence: 0.5, minLift: -1 }, 'minLift must be a number >= 0'],
    [
      { minSupport: 0.1, minConfidence: 0.5, minLength: 3, maxLength: 2 },
      'maxLength must be an integer >= minLength',
    ],
    [{ minSupport: 0, minConfidence: 0.5 }, 'minSupport must be in (0, 1]'],
  ])('refuses %j: %s', (options, message) => {
    expect(associationRules(baskets, options)).toEqual({
      status: 'cannot-mine',
      reason: 'invalid-parameters',
      message,
      baskets: baskets.length,
    });
  });

  it('says cannot-mine for no baskets, and finds no rules (not an error) when nothing is frequent together', () => {
    expect(associationRules([], { minSupport: 0.1, minConfidence: 0.5 })).toMatchObject({
      status: 'cannot-mine',
      reason: 'no-baskets',
    });
    expect(
      mined(associationRules([['a'], ['b']], { minSupport: 0.5, minConfidence: 0 })).rules,
    ).toEqual([]);
  });
});
