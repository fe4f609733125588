/** Market basket analysis: frequent itemsets (FP-growth), association rules, bought together, next best offer. */
export { encodeBaskets, itemFrequencies, type Basket, type ItemFrequency } from './transactions';
export {
  frequentItemsets,
  type CannotMine,
  type CannotMineReason,
  type FrequentItemset,
  type FrequentItemsetOptions,
  type MinedItemsets,
} from './fp-growth';
export {
  associationRules,
  compareRules,
  type AssociationRule,
  type MinedRules,
  type RuleOptions,
} from './association-rules';
export { boughtTogether } from './bought-together';
export {
  nextBestOffers,
  offerRanker,
  type NextBestOfferOptions,
  type Offer,
} from './next-best-offer';
