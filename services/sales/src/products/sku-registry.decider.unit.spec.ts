import { deciderSpec } from '@crm/event-sourcing/testing';
import { skuKey, skuRegistryDecider } from './sku-registry.decider';

const given = deciderSpec(skuRegistryDecider);
const reserved = { type: 'SkuReserved' as const, data: { sku: 'RDST-2026', productId: 'p1' } };

describe('SKU registry', () => {
  it('reserves a free SKU for a product', () => {
    given([])
      .when({ type: 'ReserveSku', data: { sku: 'RDST-2026', productId: 'p1' } })
      .then([reserved]);
  });
  it('is idempotent for the same product and refuses any other', () => {
    given([reserved])
      .when({ type: 'ReserveSku', data: { sku: 'RDST-2026', productId: 'p1' } })
      .thenNothingHappened();
    given([reserved])
      .when({ type: 'ReserveSku', data: { sku: 'RDST-2026', productId: 'p2' } })
      .thenThrows('SkuTaken');
  });
  it('compares SKUs without case', () => {
    expect(skuKey(' RDST-2026 ')).toBe(skuKey('rdst-2026'));
  });
});
