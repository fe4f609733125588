/** Every way a command on a product (or its SKU) can be refused. */
import { defineErrors } from '@crm/event-sourcing';

export const ProductErrors = defineErrors('product', {
  ProductNotFound: { kind: 'not-found', message: () => 'No such product' },
  ProductAlreadyExists: {
    kind: 'conflict',
    message: (productId: string) => `Product ${productId} already exists`,
  },
  SkuTaken: {
    kind: 'conflict',
    message: (sku: string, _ownerProductId: string) => `SKU ${sku} belongs to another product`,
    details: (_sku, ownerProductId) => ({ field: 'sku', productId: ownerProductId }),
  },
  InvalidSku: {
    kind: 'invalid',
    message: () => 'sku: letters, digits, dot, dash, underscore (max 64)',
    details: () => ({ field: 'sku' }),
  },
});
