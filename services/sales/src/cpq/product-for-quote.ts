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
  const [{ state: product }, { state: book }] = await Promise.all([
    commands.load(productDecider, tenant, STREAM.product(productId)),
    commands.load(priceBookDecider, tenant, STREAM.priceBook(priceBookId)),
  ]);
  if (!product.exists) throw ConfigurationErrors.unknownProduct(productId);
  if (!book.exists) throw ConfigurationErrors.unknownPriceBook(priceBookId);
  return {
    productId: product.productId,
    sku: product.sku,
    name: product.name,
    active: product.active,
    model: product.model,
    listPriceMinor: listPrice(book, productId, currency),
  };
}
