/**
 * FP-growth and the rules against what arules (apriori, Borgelt's C implementation) prints for the
 * Groceries data (fixtures/README.md). Numbers are compared at the precision they are printed with
 * (R prints 7 significant digits; summary() prints 4).
 *
 * Sources:
 * [VIZ]  Hahsler & Chelluboina, "Visualizing Association Rules: Introduction to the R-extension
 *        Package arulesViz" (the arulesViz vignette, https://cran.r-project.org/package=arulesViz,
 *        vignettes/arulesViz.Rnw in github.com/mhahsler/arulesViz, commit 0285a06, lines 263-276),
 *        section 2: apriori(Groceries, parameter = list(support = 0.001, confidence = 0.5)) ->
 *        "set of 5668 rules", and "the top three rules with respect to the lift measure",
 *        inspect(head(rules, n = 3, by = "lift")). The printed values are those of that call's
 *        output (also reproduced verbatim by many knitted copies in public repositories).
 * [VIZ2] arulesViz "Getting Started with arulesViz"
 *        (https://mhahsler.github.io/arulesViz/articles/arulesViz.html; articles/arulesViz.md in
 *        github.com/mhahsler/arulesViz, commit d601e55): support 0.005, confidence 0.5 ->
 *        "set of 120 rules", inspect(head(sort(rules, by = "lift"), 5)).
 * [LANTZ] Lantz, "Machine Learning with R" (Packt; 2nd ed. 2015, 3rd ed. 2019), chapter 8,
 *        "Example - identifying frequently purchased groceries with association rules", steps 2-5
 *        (https://blogtechexpert.com/view/book/Machine+Learning+with+R+-+Third+Edition-EB9781788295864_44.html;
 *        the code: github.com/dataspelunking/MLwR, "Machine Learning with R (4th Ed.)/Chapter 08/Chapter_08.R"):
 *        summary(groceries), itemFrequency(groceries[, 1:3]),
 *        apriori(groceries, parameter = list(support = 0.006, confidence = 0.25, minlen = 2)) ->
 *        "set of 463 rules", summary(groceryrules), inspect(groceryrules[1:3]),
 *        inspect(sort(groceryrules, by = "lift")[1:5]), subset(groceryrules, items %in% "berries").
 * [CHIU] Chiu, "Machine Learning with R Cookbook" (Packt 2015), chapter 10, "Mining associations
 *        with the Apriori rule": summary(rules) of the 5668 rules (length distribution, quality).
 * [VERBOSE] apriori's own progress output, printed in the same runs of [VIZ] and [LANTZ]:
 *        "sorting and recoding items ... [157 item(s)]" (support 0.001), "[109 item(s)]" (0.006),
 *        "[120 item(s)]" (0.005); "checking subsets of size 1 2 3 4 5 6" (0.001), "1 2 3 4" (0.006).
 */
import { associationRules, type AssociationRule, type MinedRules } from './association-rules';
import { boughtTogether } from './bought-together';
import { loadGroceries } from './fixtures/load-groceries';
import { frequentItemsets, type MinedItemsets } from './fp-growth';
import { nextBestOffers, offerRanker } from './next-best-offer';
import { itemFrequencies } from './transactions';

const groceries = loadGroceries();

/** value printed with as many decimals as `printed` has (how R shows a column). */
function expectPrinted(value: number, printed: string): void {
  const decimals = printed.includes('.') ? printed.split('.')[1].length : 0;
  expect(value.toFixed(decimals)).toBe(printed);
}

function mined<T extends { status: string }>(result: T | { status: 'cannot-mine' }): T {
  if (result.status !== 'mined')
    throw new Error(`expected a mined result, got ${JSON.stringify(result)}`);
  return result as T;
}

function rules(options: Parameters<typeof associationRules>[1]): MinedRules {
  return mined<MinedRules>(associationRules(groceries, options));
}

function expectRule(
  rule: AssociationRule,
  printed: {
    lhs: string[];
    rhs: string;
    support: string;
    confidence: string;
    coverage?: string;
    lift: string;
    count: number;
  },
): void {
  expect(rule.antecedent).toEqual([...printed.lhs].sort());
  expect(rule.consequent).toBe(printed.rhs);
  expectPrinted(rule.support, printed.support);
  expectPrinted(rule.confidence, printed.confidence);
  if (printed.coverage) expectPrinted(rule.coverage, printed.coverage);
  expectPrinted(rule.lift, printed.lift);
  expect(rule.count).toBe(printed.count);
}

/** R's summary() quartiles (quantile type 7). */
function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo] + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? 0) - sorted[lo]);
}

function summaryOf(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    min: sorted[0],
    q1: quantile(sorted, 0.25),
    median: quantile(sorted, 0.5),
    mean: values.reduce((sum, v) => sum + v, 0) / values.length,
    q3: quantile(sorted, 0.75),
    max: sorted[sorted.length - 1],
  };
}

function lengthDistribution(found: readonly AssociationRule[]): Record<number, number> {
  const sizes: Record<number, number> = {};
  for (const rule of found)
    sizes[rule.antecedent.length + 1] = (sizes[rule.antecedent.length + 1] ?? 0) + 1;
  return sizes;
}

describe('the Groceries fixture', () => {
  it('has the 9835 baskets, 169 items and 43367 purchases of arules Groceries [LANTZ summary(groceries)]', () => {
    expect(groceries).toHaveLength(9835);
    expect(new Set(groceries.flat()).size).toBe(169);
    const purchases = groceries.reduce((sum, basket) => sum + basket.length, 0);
    expect(purchases).toBe(43367);
    // "a density of 0.02609146"; basket sizes "1: 2159, 2: 1643, 3: 1299", largest 32.
    expectPrinted(purchases / (9835 * 169), '0.02609146');
    expect(groceries.filter((b) => b.length === 1)).toHaveLength(2159);
    expect(groceries.filter((b) => b.length === 2)).toHaveLength(1643);
    expect(groceries.filter((b) => b.length === 3)).toHaveLength(1299);
    expect(Math.max(...groceries.map((b) => b.length))).toBe(32);
  });
});

describe('itemFrequencies on Groceries', () => {
  const frequencies = itemFrequencies(groceries);

  it('ranks the most frequent items as arules prints them [LANTZ summary(groceries)]', () => {
    expect(frequencies.slice(0, 5).map(({ item, count }) => [item, count])).toEqual([
      ['whole milk', 2513],
      ['other vegetables', 1903],
      ['rolls/buns', 1809],
      ['soda', 1715],
      ['yogurt', 1372],
    ]);
    // "(Other) 34055"
    expect(frequencies.slice(5).reduce((sum, f) => sum + f.count, 0)).toBe(34055);
  });

  it('gives the relative supports of itemFrequency(groceries[, 1:3]) [LANTZ]', () => {
    const support = (item: string) => frequencies.find((f) => f.item === item)?.support ?? NaN;
    expectPrinted(support('abrasive cleaner'), '0.0035587189');
    expectPrinted(support('artif. sweetener'), '0.0032536858');
    expectPrinted(support('baby cosmetics'), '0.0006100661');
  });
});

describe('frequentItemsets on Groceries', () => {
  it('finds the 157 frequent items and itemsets up to 6 items at support 0.001 [VERBOSE]', () => {
    const found = mined<MinedItemsets>(frequentItemsets(groceries, { minSupport: 0.001 }));
    expect(found.frequentItems).toBe(157);
    expect(found.itemsets.filter((s) => s.items.length === 1)).toHaveLength(157);
    expect(Math.max(...found.itemsets.map((s) => s.items.length))).toBe(6);
    // 0.001 of 9835 baskets is 9.835: an itemset needs 10 (arules prints the floor, 9, as the
    // "absolute minimum support count", but its smallest rule support is 0.001017 = 10 / 9835).
    expect(found.minCount).toBe(10);
    expect(Math.min(...found.itemsets.map((s) => s.count))).toBe(10);
  });

  it('finds 109 frequent items and itemsets up to 4 items at support 0.006 [VERBOSE]', () => {
    const found = mined<MinedItemsets>(frequentItemsets(groceries, { minSupport: 0.006 }));
    expect(found.frequentItems).toBe(109);
    expect(found.minCount).toBe(60);
    expect(Math.max(...found.itemsets.map((s) => s.items.length))).toBe(4);
  });

  it('puts the most frequent itemset first, with its support', () => {
    const found = mined<MinedItemsets>(
      frequentItemsets(groceries, { minSupport: 0.006, minLength: 2 }),
    );
    expect(found.itemsets[0].items).toEqual(['other vegetables', 'whole milk']);
    // Lantz's largest rule support, "Max. :0.074835", is this pair's.
    expectPrinted(found.itemsets[0].support, '0.074835');
  });
});

describe('associationRules on Groceries, support 0.001 and confidence 0.5', () => {
  const found = rules({ minSupport: 0.001, minConfidence: 0.5, minLength: 1 });

  it('finds the 5668 rules [VIZ]', () => {
    expect(found.rules).toHaveLength(5668);
    expect(found.frequentItems).toBe(157);
  });

  it('ranks the top three by lift with their support, confidence and lift [VIZ]', () => {
    expectRule(found.rules[0], {
      lhs: ['Instant food products', 'soda'],
      rhs: 'hamburger meat',
      support: '0.001220132',
      confidence: '0.6315789',
      lift: '18.99565',
      count: 12,
    });
    expectRule(found.rules[1], {
      lhs: ['soda', 'popcorn'],
      rhs: 'salty snack',
      support: '0.001220132',
      confidence: '0.6315789',
      lift: '16.69779',
      count: 12,
    });
    expectRule(found.rules[2], {
      lhs: ['flour', 'baking powder'],
      rhs: 'sugar',
      support: '0.001016777',
      confidence: '0.5555556',
      lift: '16.40807',
      count: 10,
    });
  });

  it("has summary(rules)'s length distribution and quality measures [CHIU]", () => {
    expect(lengthDistribution(found.rules)).toEqual({ 2: 11, 3: 1461, 4: 3211, 5: 939, 6: 46 });
    const support = summaryOf(found.rules.map((r) => r.support));
    expectPrinted(support.min, '0.001017');
    expectPrinted(support.q1, '0.001118');
    expectPrinted(support.median, '0.001322');
    expectPrinted(support.mean, '0.001668');
    expectPrinted(support.q3, '0.001729');
    expectPrinted(support.max, '0.022267');
    const confidence = summaryOf(found.rules.map((r) => r.confidence));
    expectPrinted(confidence.min, '0.5000');
    expectPrinted(confidence.q1, '0.5455');
    expectPrinted(confidence.median, '0.6000');
    expectPrinted(confidence.mean, '0.6250');
    expectPrinted(confidence.q3, '0.6842');
    expectPrinted(confidence.max, '1.0000');
    const lift = summaryOf(found.rules.map((r) => r.lift));
    expectPrinted(lift.min, '1.957');
    expectPrinted(lift.q1, '2.464');
    expectPrinted(lift.median, '2.899');
    expectPrinted(lift.mean, '3.262');
    expectPrinted(lift.q3, '3.691');
    expectPrinted(lift.max, '18.996');
  });

  it('gives the single-antecedent rules printed by inspect(head(rules)) [CHIU]', () => {
    const rule = (lhs: string, rhs: string) =>
      found.rules.find(
        (r) => r.antecedent.length === 1 && r.antecedent[0] === lhs && r.consequent === rhs,
      );
    const printed: [string, string, string, string, string][] = [
      ['honey', 'whole milk', '0.001118454', '0.7333333', '2.870009'],
      ['tidbits', 'rolls/buns', '0.001220132', '0.5217391', '2.836542'],
      ['cocoa drinks', 'whole milk', '0.001321810', '0.5909091', '2.312611'],
      ['pudding powder', 'whole milk', '0.001321810', '0.5652174', '2.212062'],
      ['cooking chocolate', 'whole milk', '0.001321810', '0.5200000', '2.035097'],
      ['cereals', 'whole milk', '0.003660397', '0.6428571', '2.515917'],
    ];
    for (const [lhs, rhs, support, confidence, lift] of printed) {
      const found = rule(lhs, rhs);
      expect(found).toBeDefined();
      expectPrinted(found!.support, support);
      expectPrinted(found!.confidence, confidence);
      expectPrinted(found!.lift, lift);
    }
  });

  it('has no rule with an empty antecedent even with minLength 1: no item reaches support 0.5', () => {
    expect(found.rules.filter((r) => r.antecedent.length === 0)).toEqual([]);
  });
});

describe('associationRules on Groceries, support 0.005 and confidence 0.5 [VIZ2]', () => {
  const found = rules({ minSupport: 0.005, minConfidence: 0.5, minLength: 1 });

  it('finds the 120 rules from 120 frequent items', () => {
    expect(found.rules).toHaveLength(120);
    expect(found.frequentItems).toBe(120);
  });

  it('ranks the top five by lift with support, confidence, coverage, lift and count', () => {
    const printed = [
      {
        lhs: ['tropical fruit', 'curd'],
        rhs: 'yogurt',
        support: '0.005287239',
        confidence: '0.5148515',
        coverage: '0.010269446',
        lift: '3.690645',
        count: 52,
      },
      {
        lhs: ['citrus fruit', 'root vegetables', 'whole milk'],
        rhs: 'other vegetables',
        support: '0.005795628',
        confidence: '0.6333333',
        coverage: '0.009150991',
        lift: '3.273165',
        count: 57,
      },
      {
        lhs: ['pip fruit', 'root vegetables', 'whole milk'],
        rhs: 'other vegetables',
        support: '0.005490595',
        confidence: '0.6136364',
        coverage: '0.008947636',
        lift: '3.171368',
        count: 54,
      },
      {
        lhs: ['pip fruit', 'whipped/sour cream'],
        rhs: 'other vegetables',
        support: '0.005592272',
        confidence: '0.6043956',
        coverage: '0.009252669',
        lift: '3.123610',
        count: 55,
      },
      {
        lhs: ['root vegetables', 'onions'],
        rhs: 'other vegetables',
        support: '0.005693950',
        confidence: '0.6021505',
        coverage: '0.009456024',
        lift: '3.112008',
        count: 56,
      },
    ];
    printed.forEach((rule, i) => expectRule(found.rules[i], rule));
  });
});

describe('associationRules on Groceries, support 0.006, confidence 0.25, minlen 2 [LANTZ]', () => {
  const found = rules({ minSupport: 0.006, minConfidence: 0.25, minLength: 2 });

  it('finds the 463 rules', () => {
    expect(found.rules).toHaveLength(463);
    expect(found.frequentItems).toBe(109);
  });

  it('adds {} => {whole milk} (support 0.2555 >= confidence 0.25) without minlen = 2, as arules does', () => {
    const withEmpty = rules({ minSupport: 0.006, minConfidence: 0.25, minLength: 1 });
    expect(withEmpty.rules).toHaveLength(464);
    const empty = withEmpty.rules.filter((r) => r.antecedent.length === 0);
    expect(empty.map((r) => [r.consequent, r.count, r.lift, r.coverage])).toEqual([
      ['whole milk', 2513, 1, 1],
    ]);
  });

  it("has summary(groceryrules)'s length distribution and quality measures", () => {
    expect(lengthDistribution(found.rules)).toEqual({ 2: 150, 3: 297, 4: 16 });
    const support = summaryOf(found.rules.map((r) => r.support));
    expectPrinted(support.min, '0.006101');
    expectPrinted(support.q1, '0.007117');
    expectPrinted(support.median, '0.008744');
    expectPrinted(support.mean, '0.011539');
    expectPrinted(support.q3, '0.012303');
    expectPrinted(support.max, '0.074835');
    const confidence = summaryOf(found.rules.map((r) => r.confidence));
    expectPrinted(confidence.min, '0.2500');
    expectPrinted(confidence.q1, '0.2971');
    expectPrinted(confidence.median, '0.3554');
    expectPrinted(confidence.mean, '0.3786');
    expectPrinted(confidence.q3, '0.4495');
    expectPrinted(confidence.max, '0.6600');
    const lift = summaryOf(found.rules.map((r) => r.lift));
    expectPrinted(lift.min, '0.9932');
    expectPrinted(lift.q1, '1.6229');
    expectPrinted(lift.median, '1.9332');
    expectPrinted(lift.mean, '2.0351');
    expectPrinted(lift.q3, '2.3565');
    expectPrinted(lift.max, '3.9565');
    const count = summaryOf(found.rules.map((r) => r.count));
    expect([count.min, count.q1, count.median, count.q3, count.max]).toEqual([
      60, 70, 86, 121, 736,
    ]);
    expectPrinted(count.mean, '113.5');
  });

  it('gives the first three rules of inspect(groceryrules[1:3])', () => {
    const rule = (lhs: string, rhs: string) =>
      found.rules.find(
        (r) => r.antecedent[0] === lhs && r.antecedent.length === 1 && r.consequent === rhs,
      )!;
    expectRule(rule('pot plants', 'whole milk'), {
      lhs: ['pot plants'],
      rhs: 'whole milk',
      support: '0.006914082',
      confidence: '0.4000000',
      coverage: '0.01728521',
      lift: '1.565460',
      count: 68,
    });
    expectRule(rule('pasta', 'whole milk'), {
      lhs: ['pasta'],
      rhs: 'whole milk',
      support: '0.006100661',
      confidence: '0.4054054',
      coverage: '0.01504830',
      lift: '1.586614',
      count: 60,
    });
    expectRule(rule('herbs', 'root vegetables'), {
      lhs: ['herbs'],
      rhs: 'root vegetables',
      support: '0.007015760',
      confidence: '0.4312500',
      coverage: '0.01626843',
      lift: '3.956477',
      count: 69,
    });
  });

  it('ranks the top five by lift as inspect(sort(groceryrules, by = "lift")[1:5])', () => {
    const printed = [
      {
        lhs: ['herbs'],
        rhs: 'root vegetables',
        support: '0.007015760',
        confidence: '0.4312500',
        coverage: '0.01626843',
        lift: '3.956477',
        count: 69,
      },
      {
        lhs: ['berries'],
        rhs: 'whipped/sour cream',
        support: '0.009049314',
        confidence: '0.2721713',
        coverage: '0.03324860',
        lift: '3.796886',
        count: 89,
      },
      {
        lhs: ['other vegetables', 'tropical fruit', 'whole milk'],
        rhs: 'root vegetables',
        support: '0.007015760',
        confidence: '0.4107143',
        coverage: '0.01708185',
        lift: '3.768074',
        count: 69,
      },
      {
        lhs: ['beef', 'other vegetables'],
        rhs: 'root vegetables',
        support: '0.007930859',
        confidence: '0.4020619',
        coverage: '0.01972547',
        lift: '3.688692',
        count: 78,
      },
      {
        lhs: ['other vegetables', 'tropical fruit'],
        rhs: 'pip fruit',
        support: '0.009456024',
        confidence: '0.2634561',
        coverage: '0.03589222',
        lift: '3.482649',
        count: 93,
      },
    ];
    printed.forEach((rule, i) => expectRule(found.rules[i], rule));
  });

  it('finds the four berry rules of subset(groceryrules, items %in% "berries") as what is bought with berries', () => {
    const berries = found.rules.filter(
      (r) => r.antecedent.includes('berries') || r.consequent === 'berries',
    );
    expect(berries).toHaveLength(4);
    const together = boughtTogether(found.rules, 'berries');
    expect(together).toEqual(berries);
    const printed = [
      {
        lhs: ['berries'],
        rhs: 'whipped/sour cream',
        support: '0.009049314',
        confidence: '0.2721713',
        lift: '3.796886',
        count: 89,
      },
      {
        lhs: ['berries'],
        rhs: 'yogurt',
        support: '0.010574479',
        confidence: '0.3180428',
        lift: '2.279848',
        count: 104,
      },
      {
        lhs: ['berries'],
        rhs: 'other vegetables',
        support: '0.010269446',
        confidence: '0.3088685',
        lift: '1.596280',
        count: 101,
      },
      {
        lhs: ['berries'],
        rhs: 'whole milk',
        support: '0.011794611',
        confidence: '0.3547401',
        lift: '1.388328',
        count: 116,
      },
    ];
    printed.forEach((rule, i) => expectRule(together[i], rule));
  });

  it("offers a herbs buyer root vegetables first, for Lantz's top rule, and never what they hold", () => {
    const offers = nextBestOffers(['herbs'], found.rules);
    expect(offers.map((o) => o.item)).toEqual([
      'root vegetables',
      'other vegetables',
      'whole milk',
    ]);
    expectPrinted(offers[0].rule.lift, '3.956477');
    const holdingRoots = nextBestOffers(['herbs', 'root vegetables'], found.rules);
    expect(holdingRoots.map((o) => o.item)).toEqual(['other vegetables', 'whole milk']);
  });

  it('offers, for each of 2000 baskets taken as holdings (support 0.001 rules), what a scan of all rules would, never a held item', () => {
    const all = rules({ minSupport: 0.001, minConfidence: 0.5 }).rules;
    const offer = offerRanker(all);
    for (const holdings of groceries.slice(0, 2000)) {
      const held = new Set(holdings);
      const expected: string[] = [];
      for (const rule of all) {
        if (expected.length === 5) break;
        if (held.has(rule.consequent) || expected.includes(rule.consequent)) continue;
        if (rule.antecedent.every((item) => held.has(item))) expected.push(rule.consequent);
      }
      const offers = offer(holdings);
      expect(offers.map((o) => o.item)).toEqual(expected);
      for (const offer of offers) {
        expect(held.has(offer.item)).toBe(false);
        expect(offer.rule.antecedent.every((item) => held.has(item))).toBe(true);
      }
    }
  });
});
