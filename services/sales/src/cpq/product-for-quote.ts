import type { AggregateCommands } from '@crm/platform';
import { STREAM } from '../infrastructure/streams';
import { listPrice, priceBookDecider } from '../price-books/price-book.decider';
import { productDecider } from '../products/product.decider';
import type { ProductForQuote } from '../quotes/quote.commands';
import { ConfigurationErrors } from './configuration.errors';

/** Product model + list price from the price book, read from the log (the write side's truth). */
export async function loadProductForQuote(
  commands: AggregateCommands,
  tenant: string,
  productId: string,
  priceBookId: string,
  currency: string,
): Promise<ProductForQuote> {
  const [product] = await loadProductsForSale(commands, tenant, [productId], priceBookId, currency);
  if (!product) throw ConfigurationErrors.unknownProduct(productId);
  return product;
}

/**
 * Several products priced from one book, in the order asked; undefined where there is no such
 * product, so the decider can name the line that asked for it.
 */
export async function loadProductsForSale(
  commands: AggregateCommands,
  tenant: string,
  productIds: readonly string[],
  priceBookId: string,
  currency: string,
): Promise<(ProductForQuote | undefined)[]> {
  const distinct = [...new Set(productIds)];
  const [{ state: book }, loaded] = await Promise.all([
    commands.load(priceBookDecider, tenant, STREAM.priceBook(priceBookId)),
    Promise.all(distinct.map((id) => commands.load(productDecider, tenant, STREAM.product(id)))),
  ]);
  if (!book.exists) throw ConfigurationErrors.unknownPriceBook(priceBookId);
  const byId = new Map(distinct.map((id, i) => [id, loaded[i].state]));
  return productIds.map((productId) => {
    const product = byId.get(productId)!;
    if (!product.exists) return undefined;
    return {
      productId: product.productId,
      sku: product.sku,
      name: product.name,
      active: product.active,
      model: product.model,
      listPriceMinor: listPrice(book, productId, currency),
    };
  });
}
