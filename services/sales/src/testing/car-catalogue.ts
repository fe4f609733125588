/** Sets up the configurable car of cpq/car.fixture through the API; returns the ids. */
import { CAR_BASE_PRICE_EUR, carModel } from '../cpq/car.fixture';
import { setUpPricedProduct } from './priced-product';
import type { SalesTestApp } from './sales-test-app';

const manager = { roles: ['sales-manager' as const], sub: 'boss' };

export async function setUpCarCatalogue(
  t: SalesTestApp,
  sku = 'RDST-2026',
): Promise<{ productId: string; priceBookId: string }> {
  const ids = await setUpPricedProduct(t, {
    sku,
    name: 'Roadster',
    family: 'Cars',
    amountMinor: CAR_BASE_PRICE_EUR,
    book: { name: 'Standard', isStandard: true },
  });
  const options = await t.request('PUT', `/products/${ids.productId}/options`, {
    as: manager,
    body: carModel,
  });
  if (options.status !== 200) throw new Error(`options: ${JSON.stringify(options.body)}`);
  return ids;
}
