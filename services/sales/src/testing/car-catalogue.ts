/** Sets up the configurable car of cpq/car.fixture through the API; returns the ids. */
import { CAR_BASE_PRICE_EUR, carModel } from '../cpq/car.fixture';
import type { SalesTestApp } from './sales-test-app';

const manager = { roles: ['sales-manager' as const], sub: 'boss' };

export async function setUpCarCatalogue(
  t: SalesTestApp,
  sku = 'RDST-2026',
): Promise<{ productId: string; priceBookId: string }> {
  const product = await t.request('POST', '/products', {
    as: manager,
    body: { sku, name: 'Roadster', family: 'Cars' },
  });
  if (product.status !== 201) throw new Error(`product: ${JSON.stringify(product.body)}`);
  const options = await t.request('PUT', `/products/${product.body.id}/options`, {
    as: manager,
    body: carModel,
  });
  if (options.status !== 200) throw new Error(`options: ${JSON.stringify(options.body)}`);
  const book = await t.request('POST', '/price-books', {
    as: manager,
    body: { name: 'Standard', isStandard: true },
  });
  const price = await t.request(
    'PUT',
    `/price-books/${book.body.id}/prices/${product.body.id}/EUR`,
    { as: manager, body: { amountMinor: CAR_BASE_PRICE_EUR } },
  );
  if (price.status !== 200) throw new Error(`price: ${JSON.stringify(price.body)}`);
  return { productId: product.body.id, priceBookId: book.body.id };
}
