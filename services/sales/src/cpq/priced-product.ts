/**
 * A product priced for a sale (a quote line or an API order line): it must be sold, have a list
 * price in the currency and a configuration that keeps every rule. Pure; the handler loaded the
 * product and its list price beforehand (product-for-quote.ts).
 */
import { QuoteErrors } from '../quotes/quote.errors';
import type { ProductForQuote } from '../quotes/quote.commands';
import { configure, type SelectedOption } from './configurator';
import { ConfigurationErrors } from './configuration.errors';

export interface PricedProduct {
  readonly selections: SelectedOption[];
  /** List price plus every selected option's delta, in minor units of the currency. */
  readonly unitPriceMinor: number;
}

export function priceProduct(
  product: ProductForQuote,
  optionIds: readonly string[],
  currency: string,
): PricedProduct {
  if (!product.active) throw QuoteErrors.productInactive(product.name, product.productId);
  if (product.listPriceMinor === undefined) {
    throw ConfigurationErrors.noListPrice(product.name, product.productId, currency);
  }
  const priced = configure(product.model, optionIds, currency, product.listPriceMinor);
  if (!priced.valid) throw ConfigurationErrors.configurationRuleBroken(priced.violations);
  return { selections: priced.selections, unitPriceMinor: priced.unitPriceMinor };
}
