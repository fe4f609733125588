/**
 * One stream per SKU (`sku-<normalised sku>`) makes "a SKU names one product per tenant" hold
 * across replicas: two creations racing for one SKU both decide on an empty stream, one append
 * wins, and handleCommand re-decides the other on the fresh stream, which now says taken.
 */
import { type Decider, type DomainEvent } from '@crm/event-sourcing';
import { ProductErrors } from './product.errors';

export type SkuReserved = DomainEvent<'SkuReserved', { sku: string; productId: string }>;
export type SkuRegistryEvent = SkuReserved;
export type ReserveSku = { type: 'ReserveSku'; data: { sku: string; productId: string } };

export interface SkuRegistryState {
  readonly productId?: string;
}

/** SKUs are compared case-insensitively: `rdst-2026` and `RDST-2026` are one SKU. */
export const skuKey = (sku: string) => sku.trim().toLowerCase();

export const skuRegistryDecider: Decider<ReserveSku, SkuRegistryEvent, SkuRegistryState> = {
  initialState: () => ({}),
  evolve: (_state, event) => ({ productId: event.data.productId }),
  decide: (command, state) => {
    if (state.productId === command.data.productId) return [];
    if (state.productId) {
      throw ProductErrors.skuTaken(command.data.sku, state.productId);
    }
    return [{ type: 'SkuReserved', data: command.data }];
  },
};
