import type { DomainEvent } from '@crm/event-sourcing';
import type { ConfigurationModel } from '../cpq/configuration-model';

export interface ProductInfo {
  readonly name: string;
  readonly description?: string;
  readonly family?: string;
}

export type ProductCreated = DomainEvent<
  'ProductCreated',
  { productId: string; sku: string } & ProductInfo
>;
export type ProductInfoChanged = DomainEvent<
  'ProductInfoChanged',
  { productId: string } & ProductInfo
>;
export type ProductActivated = DomainEvent<'ProductActivated', { productId: string }>;
export type ProductDeactivated = DomainEvent<'ProductDeactivated', { productId: string }>;
export type ProductOptionsDefined = DomainEvent<
  'ProductOptionsDefined',
  { productId: string; model: ConfigurationModel }
>;

export type ProductEvent =
  | ProductCreated
  | ProductInfoChanged
  | ProductActivated
  | ProductDeactivated
  | ProductOptionsDefined;
