/** `orders`: the purchase history (per contact / company) with lines and totals as placed. */
import { handlersFor, idOfStream, type ProjectionHandler } from '@crm/event-sourcing';
import { S, type ReadModelPart } from '../infrastructure/read-model-part';
import type { OrderEvent, OrderPlaced } from './order.events';

const STATUS_OF: Partial<Record<OrderEvent['type'], string>> = {
  OrderFulfilled: 'fulfilled',
  OrderCancelled: 'cancelled',
  OrderReturned: 'returned',
};

const applyOrderEvent: ProjectionHandler = async (event, tx) => {
  const orderId = idOfStream(event.streamId);
  const e = { type: event.type, data: event.data } as OrderEvent;
  switch (e.type) {
    case 'OrderPlaced': {
      const d: OrderPlaced['data'] = e.data;
      await tx.query(
        `INSERT INTO ${S}.orders (tenant, order_id, source, status, contact_id, company_id, quote_id, opportunity_id, currency,
            total_minor, lines, totals, placed_at, updated_at, version, external_id)
         VALUES ($1,$2,$3,'placed',$4,$5,$6,$7,$8,$9,$10,$11,$12,$12,$13,$14) ON CONFLICT DO NOTHING`,
        [
          event.tenant,
          orderId,
          d.source,
          d.contactId ?? null,
          d.companyId ?? null,
          d.quoteId ?? null,
          d.opportunityId ?? null,
          d.currency,
          d.totals.totalMinor,
          JSON.stringify(d.lines),
          JSON.stringify(d.totals),
          d.at,
          event.streamVersion,
          d.externalId ?? null,
        ],
      );
      return;
    }
    case 'OrderCustomerRepointed':
      await tx.query(
        `UPDATE ${S}.orders SET contact_id = $3, version = $4 WHERE tenant = $1 AND order_id = $2`,
        [event.tenant, orderId, e.data.toContactId, event.streamVersion],
      );
      return;
    default:
      await tx.query(
        `UPDATE ${S}.orders SET status = $3, updated_at = $4, version = $5 WHERE tenant = $1 AND order_id = $2`,
        [event.tenant, orderId, STATUS_OF[e.type], e.data.at, event.streamVersion],
      );
  }
};

export const orderHistoryPart: ReadModelPart = {
  ddl: `
    CREATE TABLE IF NOT EXISTS ${S}.orders (
      tenant text NOT NULL,
      order_id text NOT NULL,
      source text NOT NULL,
      status text NOT NULL,
      contact_id text,
      company_id text,
      quote_id text,
      opportunity_id text,
      currency text NOT NULL,
      total_minor bigint NOT NULL,
      lines jsonb NOT NULL,
      totals jsonb NOT NULL,
      placed_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      version int NOT NULL,
      PRIMARY KEY (tenant, order_id)
    );
    CREATE INDEX IF NOT EXISTS orders_by_contact ON ${S}.orders (tenant, contact_id, placed_at DESC);
    CREATE INDEX IF NOT EXISTS orders_by_company ON ${S}.orders (tenant, company_id, placed_at DESC);
    CREATE INDEX IF NOT EXISTS orders_by_opportunity ON ${S}.orders (tenant, opportunity_id);
    CREATE INDEX IF NOT EXISTS orders_newest ON ${S}.orders (tenant, placed_at, order_id);
    -- Imported orders: their id in the system they came from (orders before imports have none).
    ALTER TABLE ${S}.orders ADD COLUMN IF NOT EXISTS external_id text;`,
  tables: ['orders'],
  handlers: handlersFor<OrderEvent>(
    {
      OrderPlaced: true,
      OrderFulfilled: true,
      OrderCancelled: true,
      OrderReturned: true,
      OrderCustomerRepointed: true,
    },
    applyOrderEvent,
  ),
};
