import type { ConfigurationModel } from '../cpq/configuration-model';
import type { ProductInfo } from './product.events';

export type CreateProduct = {
  type: 'CreateProduct';
  data: { productId: string; sku: string } & ProductInfo;
};
export type ChangeProductInfo = { type: 'ChangeProductInfo'; data: ProductInfo };
export type ActivateProduct = { type: 'ActivateProduct'; data: Record<string, never> };
export type DeactivateProduct = { type: 'DeactivateProduct'; data: Record<string, never> };
export type DefineProductOptions = {
  type: 'DefineProductOptions';
  data: { model: ConfigurationModel };
};

export type ProductCommand =
  CreateProduct | ChangeProductInfo | ActivateProduct | DeactivateProduct | DefineProductOptions;
