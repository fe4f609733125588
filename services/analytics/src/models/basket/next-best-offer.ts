/**
 * Next best offer for one customer from the mined rules: a rule applies when the customer holds
 * every item of its antecedent and not its consequent; applicable rules are ranked in the rules'
 * one order (compareRules: lift, then confidence, then support, then the simpler antecedent), and
 * each consequent is offered once, with the best rule that produced it as the reason ("because you
 * hold X, customers who did bought y in c % of cases, l times as often as everyone").
 *
 * A rule with an empty antecedent (only mined with minLength 1) holds for everybody; its lift is
 * 1, so it only fills places no specific rule claims.
 */
import { compareRules, type AssociationRule } from './association-rules';

export interface Offer {
  /** The item to offer; never one the customer holds. */
  readonly item: string;
  /** 1 = the best offer. */
  readonly rank: number;
  /** The rule that produced the offer, for the "why". */
  readonly rule: AssociationRule;
}

export interface NextBestOfferOptions {
  /** Most offers per customer (default 5). */
  readonly limit?: number;
}

/**
 * Ranks and indexes the rules once, for offering to many customers: each rule is filed under one
 * item of its antecedent (the one heading the fewest rules), so a customer's candidates are the
 * rules filed under what they hold, not the whole rule set, walked in rank order until the limit.
 */
export function offerRanker(
  rules: readonly AssociationRule[],
): (holdings: Iterable<string>, options?: NextBestOfferOptions) => Offer[] {
  const ranked = [...rules].sort(compareRules);
  const heads = new Map<string, number>();
  for (const rule of ranked) {
    for (const item of rule.antecedent) heads.set(item, (heads.get(item) ?? 0) + 1);
  }
  // Rule positions in rank order, per filing item; rules with an empty antecedent hold for all.
  const filed = new Map<string, number[]>();
  const forEveryone: number[] = [];
  ranked.forEach((rule, position) => {
    if (rule.antecedent.length === 0) {
      forEveryone.push(position);
      return;
    }
    let key = rule.antecedent[0];
    for (const item of rule.antecedent) if (heads.get(item)! < heads.get(key)!) key = item;
    const list = filed.get(key);
    if (list) list.push(position);
    else filed.set(key, [position]);
  });

  return (holdings, options = {}) => {
    const limit = Math.max(0, options.limit ?? 5);
    const held = holdings instanceof Set ? (holdings as ReadonlySet<string>) : new Set(holdings);
    const lists = [forEveryone];
    let size = forEveryone.length;
    for (const item of held) {
      const list = filed.get(item);
      if (list) {
        lists.push(list);
        size += list.length;
      }
    }
    const candidates = new Int32Array(size);
    let at = 0;
    for (const list of lists) for (const position of list) candidates[at++] = position;
    candidates.sort();

    const offered = new Set<string>();
    const offers: Offer[] = [];
    for (let i = 0; i < candidates.length && offers.length < limit; i++) {
      const rule = ranked[candidates[i]];
      if (held.has(rule.consequent) || offered.has(rule.consequent)) continue;
      if (!rule.antecedent.every((item) => held.has(item))) continue;
      offered.add(rule.consequent);
      offers.push({ item: rule.consequent, rank: offers.length + 1, rule });
    }
    return offers;
  };
}

/** One customer's offers; for many customers build offerRanker(rules) once. */
export function nextBestOffers(
  holdings: Iterable<string>,
  rules: readonly AssociationRule[],
  options: NextBestOfferOptions = {},
): Offer[] {
  return offerRanker(rules)(holdings, options);
}
