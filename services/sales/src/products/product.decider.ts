/** A product: SKU, descriptive info, active flag and its CPQ option model. New products are active. */
import { type Decider } from '@crm/event-sourcing';
import { EMPTY_MODEL, type ConfigurationModel } from '../cpq/configuration-model';
import { validateModel } from '../cpq/configurator';
import { parseText } from '@crm/values';
import type { ProductCommand } from './product.commands';
import type { ProductEvent, ProductInfo } from './product.events';
import { ProductErrors } from './product.errors';

export interface ProductState extends ProductInfo {
  readonly exists: boolean;
  readonly productId: string;
  readonly sku: string;
  readonly active: boolean;
  readonly model: ConfigurationModel;
}

export const initialProductState = (): ProductState => ({
  exists: false,
  productId: '',
  sku: '',
  name: '',
  active: false,
  model: EMPTY_MODEL,
});

const SKU = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function evolveProduct(state: ProductState, event: ProductEvent): ProductState {
  switch (event.type) {
    case 'ProductCreated': {
      const { productId, sku, ...info } = event.data;
      return { ...state, exists: true, productId, sku, ...info, active: true };
    }
    case 'ProductInfoChanged': {
      const { productId: _, ...info } = event.data;
      return { ...state, description: undefined, family: undefined, ...info };
    }
    case 'ProductActivated':
      return { ...state, active: true };
    case 'ProductDeactivated':
      return { ...state, active: false };
    case 'ProductOptionsDefined':
      return { ...state, model: event.data.model };
  }
}

export function decideProduct(command: ProductCommand, state: ProductState): ProductEvent[] {
  if (command.type === 'CreateProduct') {
    if (state.exists) throw ProductErrors.productAlreadyExists(state.productId);
    if (!SKU.test(command.data.sku ?? '')) throw ProductErrors.invalidSku();
    return [
      {
        type: 'ProductCreated',
        data: {
          productId: command.data.productId,
          sku: command.data.sku,
          ...validInfo(command.data),
        },
      },
    ];
  }
  if (!state.exists) throw ProductErrors.productNotFound();
  const productId = state.productId;
  switch (command.type) {
    case 'ChangeProductInfo':
      return [{ type: 'ProductInfoChanged', data: { productId, ...validInfo(command.data) } }];
    case 'ActivateProduct':
      return state.active ? [] : [{ type: 'ProductActivated', data: { productId } }];
    case 'DeactivateProduct':
      return state.active ? [{ type: 'ProductDeactivated', data: { productId } }] : [];
    case 'DefineProductOptions':
      return [
        {
          type: 'ProductOptionsDefined',
          data: { productId, model: validateModel(command.data.model) },
        },
      ];
  }
}

export const productDecider: Decider<ProductCommand, ProductEvent, ProductState> = {
  initialState: initialProductState,
  evolve: evolveProduct,
  decide: decideProduct,
};

function validInfo(info: ProductInfo): ProductInfo {
  return {
    name: parseText(info.name, 'name'),
    ...(info.description?.trim()
      ? { description: parseText(info.description, 'description', 2000) }
      : {}),
    ...(info.family?.trim() ? { family: parseText(info.family, 'family', 100) } : {}),
  };
}
