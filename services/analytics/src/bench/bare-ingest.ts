/**
 * The bench's floor for ingest: a consumer with no framework (no Nest, no IntegrationEventConsumer,
 * no schema validation, no DLQ, no record locks or order rules) that takes the transport's
 * messages and, per message, runs the transaction the ingest consumers run: the inbox insert,
 * then the very same table writes (the ingest modules' own writers, so the same SQL: customers
 * upsert; products upsert + family of their lines; order and lines + the buyer's statistics).
 * What ingest costs on top of this is the framework and its correctness rules.
 */
import {
  CE,
  ContactRegistered,
  OrderPlaced,
  ProductCreated,
  type ContactRegisteredV1,
  type OrderPlacedV1,
  type ProductCreatedV1,
} from '@crm/contracts';
import { inTransaction } from '@crm/event-sourcing';
import type { DeliveredMessage } from '@crm/messaging';
import type { Pool } from 'pg';
import { refreshCustomerStats } from '../ingest/customer-stats';
import { wholeCustomer } from '../ingest/customer-profile';
import { upsertCustomer } from '../ingest/customers-writer';
import { orderOfPlaced } from '../ingest/order-facts';
import { writeOrder, writeProduct } from '../ingest/purchase-history';

export function bareIngestHandler(pool: Pool, consumer: string) {
  return (message: DeliveredMessage): Promise<void> =>
    inTransaction(pool, async (tx) => {
      const h = message.headers;
      const type = h[CE.type];
      const tenant = h[CE.tenant];
      const time = h[CE.time];
      const inserted = await tx.query(
        `INSERT INTO messaging.inbox (consumer, event_id, event_type, topic, message_time)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (consumer, event_id) DO NOTHING`,
        [consumer, h[CE.id], type, message.topic, message.timestamp],
      );
      if (inserted.rowCount === 0) return;
      const data: unknown = JSON.parse(message.value.toString('utf8'));
      if (type === ContactRegistered.type) {
        const d = data as ContactRegisteredV1;
        await upsertCustomer(tx, tenant, d.contactId, wholeCustomer(d), time, time);
      } else if (type === ProductCreated.type) {
        const d = data as ProductCreatedV1;
        const buyers = await writeProduct(
          tx,
          tenant,
          { productId: d.productId, sku: d.sku, name: d.name, family: d.family ?? null },
          time,
        );
        await refreshCustomerStats(tx, tenant, buyers);
      } else if (type === OrderPlaced.type) {
        const order = orderOfPlaced(data as OrderPlacedV1);
        await writeOrder(tx, tenant, order, order.contactId, time);
        await refreshCustomerStats(tx, tenant, [order.contactId]);
      }
    });
}
