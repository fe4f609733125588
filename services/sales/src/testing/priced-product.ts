/** A product with a list price in a price book of its own, set up through the API; returns the ids. */
import type { SalesTestApp } from './sales-test-app';

const manager = { roles: ['sales-manager' as const], sub: 'boss' };

export interface PricedProductSpec {
  readonly sku: string;
  readonly name: string;
  readonly family?: string;
  readonly amountMinor: number;
  readonly currency?: string;
  readonly book?: { readonly name: string; readonly isStandard?: boolean };
}

export async function setUpPricedProduct(
  t: SalesTestApp,
  spec: PricedProductSpec,
): Promise<{ productId: string; priceBookId: string }> {
  const {
    sku,
    name,
    family,
    amountMinor,
    currency = 'EUR',
    book = { name: `${sku} prices` },
  } = spec;
  const product = await t.request('POST', '/products', {
    as: manager,
    body: { sku, name, ...(family ? { family } : {}) },
  });
  if (product.status !== 201) throw new Error(`product: ${JSON.stringify(product.body)}`);
  const created = await t.request('POST', '/price-books', { as: manager, body: book });
  if (created.status !== 201) throw new Error(`price book: ${JSON.stringify(created.body)}`);
  const price = await t.request(
    'PUT',
    `/price-books/${created.body.id}/prices/${product.body.id}/${currency}`,
    { as: manager, body: { amountMinor } },
  );
  if (price.status !== 200) throw new Error(`price: ${JSON.stringify(price.body)}`);
  return { productId: product.body.id, priceBookId: created.body.id };
}
