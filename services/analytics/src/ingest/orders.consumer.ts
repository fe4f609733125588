/**
 * crm.sales.v1 orders and products into the purchase history: `order.placed` writes the order and
 * its lines under the buyer (or the survivor they were merged into; nothing for an erased
 * person), a cancellation or return undoes the sale, product facts keep sku, name and family.
 * Every change refreshes the buyer's statistics in the same transaction. The order and product
 * state topics (sales-state.consumer.ts) are read by the same group, under record-marks.ts' rules.
 */
import {
  OrderCancelled,
  OrderPlaced,
  OrderReturned,
  ProductActivated,
  ProductCreated,
  ProductDeactivated,
  ProductInfoChanged,
  type OrderCancelledV1,
  type OrderPlacedV1,
  type ProductCreatedV1,
} from '@crm/contracts';
import type { ReceivedIntegrationEvent } from '@crm/messaging';
import { Controller } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import type { PoolClient } from 'pg';
import { refreshCustomerStats } from './customer-stats';
import { INGEST_CONSUMER } from './ingest-consumer';
import { orderOfPlaced } from './order-facts';
import {
  deleteOrder,
  orderContact,
  setOrderStatus,
  writeOrder,
  writeProduct,
} from './purchase-history';
import { admitEvent, ownerOf } from './record-marks';
import { lockRecords } from './record-locks';

@Controller()
export class OrdersIngestConsumer {
  @EventPattern(OrderPlaced.type, INGEST_CONSUMER)
  async placed(event: ReceivedIntegrationEvent<OrderPlacedV1>, tx: PoolClient) {
    const tenant = event.tenant;
    const order = orderOfPlaced(event.data);
    await lockRecords(tx, 'order', tenant, [order.orderId]);
    if (!(await admitEvent(tx, tenant, 'order', order.orderId, event.time))) return;
    const before = await orderContact(tx, tenant, order.orderId);
    await lockRecords(tx, 'contact', tenant, [order.contactId, before?.contactId]);
    const buyer = await ownerOf(tx, tenant, order.contactId);
    if (order.contactId && !buyer) await deleteOrder(tx, tenant, order.orderId);
    else await writeOrder(tx, tenant, order, buyer ?? null, event.time);
    await refreshCustomerStats(tx, tenant, [buyer, before?.contactId]);
  }

  @EventPattern([OrderCancelled.type, OrderReturned.type], INGEST_CONSUMER)
  async undone(event: ReceivedIntegrationEvent<OrderCancelledV1>, tx: PoolClient) {
    const tenant = event.tenant;
    const d = event.data;
    await lockRecords(tx, 'order', tenant, [d.orderId]);
    if (!(await admitEvent(tx, tenant, 'order', d.orderId, event.time))) return;
    const before = await orderContact(tx, tenant, d.orderId);
    await lockRecords(tx, 'contact', tenant, [before?.contactId, d.contactId]);
    const buyer = before ? before.contactId : await ownerOf(tx, tenant, d.contactId);
    if (!before && d.contactId && !buyer) return;
    const status = event.type === OrderCancelled.type ? 'cancelled' : 'returned';
    await setOrderStatus(
      tx,
      tenant,
      {
        orderId: d.orderId,
        contactId: buyer ?? null,
        totalMinor: d.totalMinor ?? null,
        currency: d.currency ?? null,
      },
      status,
      event.time,
    );
    await refreshCustomerStats(tx, tenant, [buyer]);
  }

  @EventPattern([ProductCreated.type, ProductInfoChanged.type], INGEST_CONSUMER)
  async product(event: ReceivedIntegrationEvent<ProductCreatedV1>, tx: PoolClient) {
    const d = event.data;
    const tenant = event.tenant;
    await lockRecords(tx, 'product', tenant, [d.productId]);
    if (!(await admitEvent(tx, tenant, 'product', d.productId, event.time))) return;
    const buyers = await writeProduct(
      tx,
      tenant,
      { productId: d.productId, sku: d.sku, name: d.name, family: d.family ?? null },
      event.time,
    );
    await refreshCustomerStats(tx, tenant, buyers);
  }

  @EventPattern([ProductActivated.type, ProductDeactivated.type], INGEST_CONSUMER)
  async activity(event: ReceivedIntegrationEvent<{ productId: string }>, tx: PoolClient) {
    const tenant = event.tenant;
    const { productId } = event.data;
    await lockRecords(tx, 'product', tenant, [productId]);
    if (!(await admitEvent(tx, tenant, 'product', productId, event.time))) return;
    const active = event.type === ProductActivated.type;
    await writeProduct(tx, tenant, { productId, active }, event.time);
  }
}
