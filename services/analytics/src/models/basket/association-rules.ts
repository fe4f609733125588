/**
 * Association rules X => y from the frequent itemsets, as arules' apriori defines them: one item
 * on the right-hand side, the rule's support is the support of X plus y, its length is |X| + 1,
 * and a rule is kept when that support, its confidence (and here optionally its lift) reach the
 * thresholds. The interest measures are the ones arules' interestMeasure computes (Hahsler,
 * https://mhahsler.github.io/arules/docs/measures): coverage, lift (Brin et al. 1997), leverage
 * (Piatetsky-Shapiro 1991) and conviction (Brin et al. 1997).
 */
import {
  cannotMine,
  checkLengths,
  compareIdLists,
  DEFAULT_MAX_LENGTH,
  mineItemsetTable,
  type CannotMine,
  type ItemsetTable,
} from './fp-growth';
import { compareIds, encodeBaskets, type Basket } from './transactions';

export interface RuleOptions {
  /** Smallest fraction of baskets holding X and y together, in (0, 1]. */
  readonly minSupport: number;
  /** Smallest P(y | X), in [0, 1]. */
  readonly minConfidence: number;
  /** Smallest lift (default 0: no lift threshold, as in arules). */
  readonly minLift?: number;
  /**
   * Fewest items in X plus y (arules' minlen). Default 2 here: a rule with an empty antecedent
   * ({} => y, confidence = support of y) recommends by popularity alone. arules' default is 1;
   * pass 1 to get those rules too.
   */
  readonly minLength?: number;
  /** Most items in X plus y (arules' maxlen, default 10 as there). */
  readonly maxLength?: number;
  /** Guard against a threshold too low for the data (see FrequentItemsetOptions.maxItemsets). */
  readonly maxItemsets?: number;
}

export interface AssociationRule {
  /** X, item ids in code-point order (empty only when minLength is 1). */
  readonly antecedent: string[];
  /** y. */
  readonly consequent: string;
  /** Baskets holding X and y. */
  readonly count: number;
  /** P(X and y) = count / baskets. */
  readonly support: number;
  /** P(y | X) = count / baskets holding X. */
  readonly confidence: number;
  /** P(X): the share of baskets the rule applies to (arules' coverage, "lhs support"). */
  readonly coverage: number;
  /** P(y | X) / P(y): how much X raises the chance of y; 1 = independent. */
  readonly lift: number;
  /** P(X and y) - P(X) P(y). */
  readonly leverage: number;
  /**
   * (1 - P(y)) / (1 - P(y | X)): how much more often the rule would be wrong if X and y were
   * independent. null when the rule never fails (confidence 1; arules says Inf), which JSON cannot hold.
   */
  readonly conviction: number | null;
}

export interface MinedRules {
  readonly status: 'mined';
  readonly algorithm: 'fp-growth';
  readonly parameters: {
    readonly minSupport: number;
    readonly minConfidence: number;
    readonly minLift: number;
    readonly minLength: number;
    readonly maxLength: number;
  };
  readonly baskets: number;
  readonly distinctItems: number;
  /** The fewest baskets a rule's itemset had to appear in. */
  readonly minCount: number;
  readonly frequentItems: number;
  /** Frequent itemsets of every length the rules were derived from. */
  readonly frequentItemsets: number;
  /** In offer order (see compareRules). */
  readonly rules: AssociationRule[];
}

export function associationRules(
  baskets: readonly Basket[],
  options: RuleOptions,
): MinedRules | CannotMine {
  const minLift = options.minLift ?? 0;
  const minLength = options.minLength ?? 2;
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const encoded = encodeBaskets(baskets);
  const problem =
    checkLengths(minLength, maxLength) ??
    (options.minConfidence >= 0 && options.minConfidence <= 1
      ? undefined
      : 'minConfidence must be in [0, 1]') ??
    (Number.isFinite(minLift) && minLift >= 0 ? undefined : 'minLift must be a number >= 0');
  if (problem) return cannotMine('invalid-parameters', problem, encoded.size);

  const table = mineItemsetTable(encoded, { ...options, maxLength });
  if (table.status === 'cannot-mine') return table;
  const rules = rulesOf(table, options.minConfidence, minLift, minLength).sort(compareRules);
  return {
    status: 'mined',
    algorithm: 'fp-growth',
    parameters: {
      minSupport: options.minSupport,
      minConfidence: options.minConfidence,
      minLift,
      minLength,
      maxLength,
    },
    baskets: encoded.size,
    distinctItems: encoded.labels.length,
    minCount: table.minCount,
    frequentItems: table.frequentItems,
    frequentItemsets: table.itemsetCount,
    rules,
  };
}

function rulesOf(
  table: ItemsetTable,
  minConfidence: number,
  minLift: number,
  minLength: number,
): AssociationRule[] {
  const n = table.encoded.size;
  const rules: AssociationRule[] = [];
  for (let s = 0; s < table.itemsetCount; s++) {
    const length = table.lengthOf(s);
    if (length < minLength) continue;
    const ranks = table.ranksOf(s);
    const count = table.counts[s];
    if (length === 1) {
      // {} => y: X is every basket.
      const rule = ruleOf([], ranks[0], count, n, table, minConfidence, minLift);
      if (rule) rules.push(rule);
      continue;
    }
    for (let i = 0; i < length; i++) {
      const antecedent = ranks.filter((_, j) => j !== i);
      const antecedentCount = table.countOf(antecedent);
      // Never missing: every subset of a frequent itemset is frequent and was mined.
      if (antecedentCount === undefined) continue;
      const rule = ruleOf(
        antecedent,
        ranks[i],
        count,
        antecedentCount,
        table,
        minConfidence,
        minLift,
      );
      if (rule) rules.push(rule);
    }
  }
  return rules;
}

function ruleOf(
  antecedent: readonly number[],
  consequent: number,
  count: number,
  antecedentCount: number,
  table: ItemsetTable,
  minConfidence: number,
  minLift: number,
): AssociationRule | undefined {
  // Every measure from integer counts with one division, so equal ratios give equal numbers
  // (division is exactly rounded) and the ordering below has no floating-point ties to break.
  const confidence = count / antecedentCount;
  if (confidence < minConfidence) return undefined;
  const n = table.encoded.size;
  const consequentCount = table.countOfRank(consequent);
  const lift = (count * n) / (antecedentCount * consequentCount);
  if (lift < minLift) return undefined;
  return {
    antecedent: antecedent.map((rank) => table.labelOfRank(rank)).sort(compareIds),
    consequent: table.labelOfRank(consequent),
    count,
    support: count / n,
    confidence,
    coverage: antecedentCount / n,
    lift,
    leverage: (count * n - antecedentCount * consequentCount) / (n * n),
    conviction:
      count === antecedentCount
        ? null
        : (antecedentCount * (n - consequentCount)) / (n * (antecedentCount - count)),
  };
}

/**
 * The one order for rules, bought-together lists and offers: higher lift first (how much the
 * antecedent raises the chance of the consequent), then higher confidence (how often it comes
 * true), then higher support (how much evidence), then the shorter antecedent (the simpler
 * reason), then the ids, so equal measures never leave the order to chance.
 */
export function compareRules(a: AssociationRule, b: AssociationRule): number {
  return (
    b.lift - a.lift ||
    b.confidence - a.confidence ||
    b.count - a.count ||
    a.antecedent.length - b.antecedent.length ||
    compareIdLists(a.antecedent, b.antecedent) ||
    compareIds(a.consequent, b.consequent)
  );
}
