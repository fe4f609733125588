/**
 * Writes of the purchase history (orders, order_lines). A line carries its product's family from
 * `products`; a product's family change is back-filled on its lines (a family is the product's
 * current grouping, not a fact of the sale). Orders of a contact not registered yet are kept
 * under its id; their statistics exist as soon as the order does.
 */
import type { Sql } from './sql';
import { S } from '../infrastructure/schema';
import type { OrderFacts, OrderStatus } from './order-facts';
import { lockRecords } from './record-locks';

/** The contact an order is filed under now, if analytics has the order. */
export async function orderContact(
  tx: Sql,
  tenant: string,
  orderId: string,
): Promise<{ contactId: string | null } | undefined> {
  const { rows } = await tx.query<{ contact_id: string | null }>(
    `SELECT contact_id FROM ${S}.orders WHERE tenant = $1 AND order_id = $2`,
    [tenant, orderId],
  );
  return rows[0] && { contactId: rows[0].contact_id };
}

/** Replaces the order and its lines, filed under `contactId` (the buyer or their survivor). */
export async function writeOrder(
  tx: Sql,
  tenant: string,
  order: OrderFacts,
  contactId: string | null,
  at: string,
): Promise<void> {
  // So a product's family change cannot miss lines inserted while it runs.
  await lockRecords(
    tx,
    'product',
    tenant,
    order.lines.map((line) => line.productId),
  );
  await tx.query(
    `INSERT INTO ${S}.orders AS o (tenant, order_id, contact_id, company_id, opportunity_id, currency,
       total_minor, placed_at, status, status_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (tenant, order_id) DO UPDATE SET contact_id = EXCLUDED.contact_id,
       company_id = EXCLUDED.company_id, opportunity_id = EXCLUDED.opportunity_id,
       currency = EXCLUDED.currency, total_minor = EXCLUDED.total_minor,
       placed_at = EXCLUDED.placed_at, status = EXCLUDED.status,
       status_at = CASE WHEN o.status = EXCLUDED.status THEN o.status_at ELSE EXCLUDED.status_at END`,
    [
      tenant,
      order.orderId,
      contactId,
      order.companyId,
      order.opportunityId,
      order.currency,
      order.totalMinor,
      order.placedAt,
      order.status,
      order.status === 'placed' ? order.placedAt : at,
    ],
  );
  await tx.query(`DELETE FROM ${S}.order_lines WHERE tenant = $1 AND order_id = $2`, [
    tenant,
    order.orderId,
  ]);
  if (order.lines.length === 0) return;
  await tx.query(
    `INSERT INTO ${S}.order_lines (tenant, order_id, line_no, contact_id, product_id, sku, family,
       quantity, unit_price_minor, net_minor, currency, placed_at, status)
     SELECT $1, $2, l.line_no, $3, l.product_id, l.sku, p.family, l.quantity, l.unit_price_minor,
            l.net_minor, $4, $5, $6
       FROM unnest($7::int[], $8::text[], $9::text[], $10::int[], $11::bigint[], $12::bigint[])
            AS l (line_no, product_id, sku, quantity, unit_price_minor, net_minor)
       LEFT JOIN ${S}.products p ON p.tenant = $1 AND p.product_id = l.product_id`,
    [
      tenant,
      order.orderId,
      contactId,
      order.currency,
      order.placedAt,
      order.status,
      order.lines.map((l) => l.lineNo),
      order.lines.map((l) => l.productId),
      order.lines.map((l) => l.sku),
      order.lines.map((l) => l.quantity),
      order.lines.map((l) => l.unitPriceMinor),
      order.lines.map((l) => l.netMinor),
    ],
  );
}

/**
 * A cancellation or return: the order and its lines stop counting. An order never seen placed
 * (its placement older than the topic's retention) is recorded from what the transition carries.
 */
export async function setOrderStatus(
  tx: Sql,
  tenant: string,
  order: {
    orderId: string;
    contactId: string | null;
    totalMinor: number | null;
    currency: string | null;
  },
  status: OrderStatus,
  at: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO ${S}.orders AS o (tenant, order_id, contact_id, total_minor, currency, status, status_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (tenant, order_id) DO UPDATE SET status = EXCLUDED.status, status_at = EXCLUDED.status_at`,
    [tenant, order.orderId, order.contactId, order.totalMinor, order.currency, status, at],
  );
  await tx.query(`UPDATE ${S}.order_lines SET status = $3 WHERE tenant = $1 AND order_id = $2`, [
    tenant,
    order.orderId,
    status,
  ]);
}

export async function deleteOrder(tx: Sql, tenant: string, orderId: string): Promise<void> {
  await tx.query(`DELETE FROM ${S}.order_lines WHERE tenant = $1 AND order_id = $2`, [
    tenant,
    orderId,
  ]);
  await tx.query(`DELETE FROM ${S}.orders WHERE tenant = $1 AND order_id = $2`, [tenant, orderId]);
}

/** A product's facts; returns the contacts whose lines changed family (their holdings changed). */
export async function writeProduct(
  tx: Sql,
  tenant: string,
  product: {
    productId: string;
    sku?: string;
    name?: string;
    family?: string | null;
    active?: boolean;
  },
  at: string,
): Promise<string[]> {
  await tx.query(
    `INSERT INTO ${S}.products AS p (tenant, product_id, sku, name, family, active, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (tenant, product_id) DO UPDATE SET sku = coalesce(EXCLUDED.sku, p.sku),
       name = coalesce(EXCLUDED.name, p.name),
       family = CASE WHEN $8 THEN EXCLUDED.family ELSE p.family END,
       active = coalesce(EXCLUDED.active, p.active),
       updated_at = greatest(p.updated_at, EXCLUDED.updated_at)`,
    [
      tenant,
      product.productId,
      product.sku ?? null,
      product.name ?? null,
      product.family ?? null,
      product.active ?? null,
      at,
      product.family !== undefined,
    ],
  );
  if (product.family === undefined) return [];
  const changed = await tx.query<{ contact_id: string | null }>(
    `UPDATE ${S}.order_lines SET family = $3
      WHERE tenant = $1 AND product_id = $2 AND family IS DISTINCT FROM $3 RETURNING contact_id`,
    [tenant, product.productId, product.family],
  );
  return [...new Set(changed.rows.flatMap((r) => (r.contact_id ? [r.contact_id] : [])))];
}
