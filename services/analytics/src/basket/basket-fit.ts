/**
 * One basket fit, pure: association rules over the tenant's standing orders by product and by
 * family (models/basket, FP-growth), and every customer's next best offers from the product
 * rules (items they do not hold). Too few baskets, or thresholds too low for the data (too many
 * itemsets), make an `insufficient-data` fit that says why; no rules and no offers then.
 */
import {
  associationRules,
  offerRanker,
  type AssociationRule,
  type Basket,
  type MinedRules,
} from '../models/basket';
import type { BasketThresholds } from './basket.config';
import type { BasketFit, LevelQuality } from './basket-fits.store';

export interface OrderBasket {
  readonly products: Basket;
  readonly families: Basket;
}

export interface CustomerHoldings {
  readonly contactId: string;
  readonly products: readonly string[];
}

export interface CustomerOffers {
  readonly contactId: string;
  readonly offers: readonly { readonly productId: string; readonly rule: AssociationRule }[];
}

export interface BasketFitResult {
  readonly fit: BasketFit;
  readonly productRules: readonly AssociationRule[];
  readonly familyRules: readonly AssociationRule[];
  readonly offers: readonly CustomerOffers[];
}

export interface BasketFitOptions {
  readonly thresholds: BasketThresholds;
  readonly minBaskets: number;
  readonly offersPerCustomer: number;
  /** Seconds since some origin, for the fit's mining time (the job passes performance.now). */
  readonly seconds?: () => number;
}

export function fitBaskets(
  baskets: readonly OrderBasket[],
  customers: readonly CustomerHoldings[],
  options: BasketFitOptions,
): BasketFitResult {
  const seconds = options.seconds ?? (() => 0);
  const empty = { productRules: [], familyRules: [], offers: [] };
  const quality = (
    product: LevelQuality | null,
    family: LevelQuality | null,
    withOffers: number,
    mineSeconds: number,
  ) => ({
    baskets: baskets.length,
    product,
    family,
    customers: customers.length,
    customersWithOffers: withOffers,
    mineSeconds,
  });
  if (baskets.length < options.minBaskets) {
    return {
      fit: {
        status: 'insufficient-data',
        reason: `${baskets.length} standing orders; the rules need at least ${options.minBaskets} (ANALYTICS_BASKET_MIN_BASKETS)`,
        parameters: null,
        quality: quality(null, null, 0, 0),
      },
      ...empty,
    };
  }
  const started = seconds();
  const ruleOptions = { ...options.thresholds, minLength: 2 };
  const byProduct = associationRules(
    baskets.map((b) => b.products),
    ruleOptions,
  );
  const byFamily = associationRules(
    baskets.map((b) => b.families),
    ruleOptions,
  );
  const mineSeconds = seconds() - started;
  for (const [level, mined] of [
    ['product', byProduct],
    ['family', byFamily],
  ] as const) {
    if (mined.status === 'cannot-mine') {
      return {
        fit: {
          status: 'insufficient-data',
          reason: `rules by ${level}: ${mined.message}`,
          parameters: null,
          quality: quality(null, null, 0, mineSeconds),
        },
        ...empty,
      };
    }
  }
  const product = byProduct as MinedRules;
  const family = byFamily as MinedRules;
  const rank = offerRanker(product.rules);
  const offers: CustomerOffers[] = [];
  for (const customer of customers) {
    const found = rank(customer.products, { limit: options.offersPerCustomer });
    if (found.length > 0) {
      offers.push({
        contactId: customer.contactId,
        offers: found.map((o) => ({ productId: o.item, rule: o.rule })),
      });
    }
  }
  return {
    fit: {
      status: 'fitted',
      reason: null,
      parameters: { algorithm: 'fp-growth', ...options.thresholds },
      quality: quality(levelQuality(product), levelQuality(family), offers.length, mineSeconds),
    },
    productRules: product.rules,
    familyRules: family.rules,
    offers,
  };
}

function levelQuality(mined: MinedRules): LevelQuality {
  return {
    distinctItems: mined.distinctItems,
    minCount: mined.minCount,
    frequentItemsets: mined.frequentItemsets,
    rules: mined.rules.length,
  };
}
