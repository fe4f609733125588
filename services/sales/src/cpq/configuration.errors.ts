/** Every way configuring or pricing a product (CPQ) can be refused. */
import { defineErrors } from '@crm/event-sourcing';

interface Violation {
  readonly message: string;
}

export const ConfigurationErrors = defineErrors('configuration', {
  /** One code for every rule of a configuration model; the message says which rule. */
  InvalidConfigurationModel: {
    kind: 'invalid',
    message: (rule: string, _details?: Record<string, unknown>) => rule,
    details: (_rule, details?: Record<string, unknown>) => details,
  },
  ConfigurationRuleBroken: {
    kind: 'invalid',
    message: (violations: readonly Violation[]) => violations.map((v) => v.message).join('; '),
    details: (violations) => ({ violations }),
  },
  NegativePrice: {
    kind: 'invalid',
    message: () => 'The configured price is below zero: check the option deltas',
  },
  NoListPrice: {
    kind: 'conflict',
    message: (productName: string, _productId: string, currency: string) =>
      `${productName} has no list price in ${currency}`,
    details: (_name, productId, currency) => ({ productId, currency }),
  },
  /** A quote or order line names a product or price book that does not exist (422: bad body). */
  UnknownProduct: {
    kind: 'invalid',
    message: (productId: string, _field?: string) => `No product ${productId}`,
    details: (_productId, field = 'productId') => ({ field }),
  },
  UnknownPriceBook: {
    kind: 'invalid',
    message: (priceBookId: string) => `No price book ${priceBookId}`,
    details: () => ({ field: 'priceBookId' }),
  },
  /** Customers configure against the tenant's standard price book; it has none yet. */
  NoStandardPriceBook: {
    kind: 'conflict',
    message: () => 'Nothing is on sale yet: there is no standard price book',
  },
});
