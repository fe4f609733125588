import { deciderSpec } from '@crm/event-sourcing/testing';
import { carModel } from '../cpq/car.fixture';
import type { ProductEvent } from './product.events';
import { productDecider } from './product.decider';

const given = deciderSpec(productDecider);
const created: ProductEvent = {
  type: 'ProductCreated',
  data: { productId: 'car', sku: 'RDST-2026', name: 'Roadster', family: 'Cars' },
};

describe('Product decider', () => {
  it('creates an active product with SKU, name and family', () => {
    given([])
      .when({
        type: 'CreateProduct',
        data: {
          productId: 'car',
          sku: 'RDST-2026',
          name: ' Roadster ',
          family: 'Cars',
          description: ' ',
        },
      })
      .then([created]);
    given([created])
      .when({ type: 'CreateProduct', data: { productId: 'car', sku: 'X', name: 'x' } })
      .thenThrows('ProductAlreadyExists');
  });

  it.each(['', 'has space', 'ü-umlaut', 'x'.repeat(65)])('rejects the SKU %j', (sku) => {
    given([])
      .when({ type: 'CreateProduct', data: { productId: 'p', sku, name: 'x' } })
      .thenThrows('InvalidSku');
  });

  it('deactivates and activates; repeating either is a no-op', () => {
    given([created])
      .when({ type: 'DeactivateProduct', data: {} })
      .then([{ type: 'ProductDeactivated', data: { productId: 'car' } }]);
    given([created]).when({ type: 'ActivateProduct', data: {} }).thenNothingHappened();
    given([created, { type: 'ProductDeactivated', data: { productId: 'car' } }])
      .when({ type: 'DeactivateProduct', data: {} })
      .thenNothingHappened();
  });

  it('replaces descriptive info as a whole', () => {
    given([created])
      .when({ type: 'ChangeProductInfo', data: { name: 'Roadster S', description: 'Two seats' } })
      .thenState((s) => {
        expect(s).toMatchObject({ name: 'Roadster S', description: 'Two seats', sku: 'RDST-2026' });
        expect(s.family).toBeUndefined();
      });
  });

  it('accepts a valid option model and refuses a broken one', () => {
    given([created])
      .when({ type: 'DefineProductOptions', data: { model: carModel } })
      .then([{ type: 'ProductOptionsDefined', data: { productId: 'car', model: carModel } }]);
    given([created])
      .when({
        type: 'DefineProductOptions',
        data: {
          model: {
            groups: carModel.groups,
            rules: [{ kind: 'requires', optionId: 'x', targetOptionId: 'y' }],
          },
        },
      })
      .thenThrows('InvalidConfigurationModel');
  });

  it('unknown products are not found', () => {
    given([]).when({ type: 'ActivateProduct', data: {} }).thenThrows('ProductNotFound');
  });
});
