/**
 * Bootstraps the purchase history and the catalogue from sales' order and product state topics
 * (`crm.sales.order.state.v1`, `crm.sales.product.state.v1`): read from offset 0 they hold every
 * current record, also those crm.sales.v1 no longer has. A state also carries what has no event
 * of its own: an order sales re-pointed to a merge's survivor comes back with the survivor's id.
 */
import { OrderStateTopic, ProductStateTopic } from '@crm/contracts';
import type { ReceivedIntegrationEvent } from '@crm/messaging';
import { Controller } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import type { PoolClient } from 'pg';
import { refreshCustomerStats } from './customer-stats';
import { INGEST_CONSUMER } from './ingest-consumer';
import { orderOfState, type OrderStateV1 } from './order-facts';
import { deleteOrder, orderContact, writeOrder, writeProduct } from './purchase-history';
import { admitState, ownerOf } from './record-marks';
import { lockRecords } from './record-locks';

interface ProductState {
  id: string;
  version: number;
  sku: string;
  name: string;
  family?: string;
  active: boolean;
}

@Controller()
export class SalesStateIngestConsumer {
  @EventPattern(OrderStateTopic.type, INGEST_CONSUMER)
  async orderState(event: ReceivedIntegrationEvent<OrderStateV1 | null>, tx: PoolClient) {
    const tenant = event.tenant;
    const state = event.data;
    const orderId = state?.id ?? event.subject;
    await lockRecords(tx, 'order', tenant, [orderId]);
    const before = await orderContact(tx, tenant, orderId);
    if (state === null) {
      await deleteOrder(tx, tenant, orderId);
      await refreshCustomerStats(tx, tenant, [before?.contactId]);
      return;
    }
    if (!(await admitState(tx, tenant, 'order', orderId, state.version, event.time))) return;
    await lockRecords(tx, 'contact', tenant, [state.contactId, before?.contactId]);
    const buyer = await ownerOf(tx, tenant, state.contactId);
    if (state.contactId && !buyer) await deleteOrder(tx, tenant, orderId);
    else await writeOrder(tx, tenant, orderOfState(state), buyer ?? null, event.time);
    await refreshCustomerStats(tx, tenant, [buyer, before?.contactId]);
  }

  @EventPattern(ProductStateTopic.type, INGEST_CONSUMER)
  async productState(event: ReceivedIntegrationEvent<ProductState | null>, tx: PoolClient) {
    const state = event.data;
    // A product is never tombstoned (it is deactivated); its lines keep the last family known.
    if (state === null) return;
    const tenant = event.tenant;
    await lockRecords(tx, 'product', tenant, [state.id]);
    if (!(await admitState(tx, tenant, 'product', state.id, state.version, event.time))) return;
    const buyers = await writeProduct(
      tx,
      tenant,
      {
        productId: state.id,
        sku: state.sku,
        name: state.name,
        family: state.family ?? null,
        active: state.active,
      },
      event.time,
    );
    await refreshCustomerStats(tx, tenant, buyers);
  }
}
