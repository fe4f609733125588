/**
 * "Bought together" for one item: the rules whose antecedent is that item alone, in offer order.
 * Mined with a low minConfidence and maxLength 2 these are the item's pair statistics (every item
 * bought with it in at least minSupport of the baskets, with the pair's support, confidence, lift);
 * mined with the catalogue's usual thresholds they are the item's strong one-step rules.
 */
import { compareRules, type AssociationRule } from './association-rules';

export function boughtTogether(
  rules: readonly AssociationRule[],
  item: string,
  limit = 10,
): AssociationRule[] {
  return rules
    .filter((rule) => rule.antecedent.length === 1 && rule.antecedent[0] === item)
    .sort(compareRules)
    .slice(0, Math.max(0, limit));
}
