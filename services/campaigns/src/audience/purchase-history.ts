/**
 * Writes of the purchase history (audience_orders, audience_order_lines) and the summary on
 * audience_contacts, always recomputed from the orders inside the transaction that changed them,
 * so the summary cannot drift from the orders whatever order the facts came in. Orders of a
 * contact not registered yet are kept (contact_id names them); the summary is computed when the
 * contact row appears.
 */
import type { Sql } from './audience-changes';
import { lockRecords } from './audience-locks';
import { S } from '../infrastructure/read-model-part';
import type { AudienceOrder, AudienceOrderStatus } from './order-rows';
import { summarizePurchases } from './purchase-summary';

export interface OrderMark {
  readonly contactId: string | null;
  readonly stateVersion: number | null;
  readonly stateAt: Date | null;
  readonly factAt: Date | null;
}

export async function orderMark(
  tx: Sql,
  tenant: string,
  orderId: string,
): Promise<OrderMark | undefined> {
  const { rows } = await tx.query<{
    contact_id: string | null;
    state_version: number | null;
    state_at: Date | null;
    fact_at: Date | null;
  }>(
    `SELECT contact_id, state_version, state_at, fact_at FROM ${S}.audience_orders
      WHERE tenant = $1 AND order_id = $2`,
    [tenant, orderId],
  );
  const row = rows[0];
  return (
    row && {
      contactId: row.contact_id,
      stateVersion: row.state_version,
      stateAt: row.state_at,
      factAt: row.fact_at,
    }
  );
}

/**
 * Replaces the order and its lines (product_family from audience_products). `mark`: the fact's
 * time, and for a state its version (state_at/fact_at then move to it).
 */
export async function writeOrder(
  tx: Sql,
  tenant: string,
  { order, lines }: AudienceOrder,
  contactId: string,
  mark: { at: string; stateVersion?: number },
): Promise<void> {
  const isState = mark.stateVersion !== undefined;
  // So a product's family change cannot miss lines inserted while it runs.
  await lockRecords(
    tx,
    'product',
    tenant,
    lines.map((line) => line.productId),
  );
  await tx.query(
    `INSERT INTO ${S}.audience_orders AS o
       (tenant, order_id, contact_id, total_minor, currency, placed_at, status, state_version, state_at, fact_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (tenant, order_id) DO UPDATE SET contact_id = EXCLUDED.contact_id,
       total_minor = EXCLUDED.total_minor, currency = EXCLUDED.currency, placed_at = EXCLUDED.placed_at,
       status = EXCLUDED.status, state_version = coalesce(EXCLUDED.state_version, o.state_version),
       state_at = coalesce(EXCLUDED.state_at, o.state_at), fact_at = greatest(o.fact_at, EXCLUDED.fact_at)`,
    [
      tenant,
      order.orderId,
      contactId,
      order.totalMinor,
      order.currency,
      order.placedAt,
      order.status,
      isState ? mark.stateVersion : null,
      isState ? mark.at : null,
      mark.at,
    ],
  );
  await tx.query(`DELETE FROM ${S}.audience_order_lines WHERE tenant = $1 AND order_id = $2`, [
    tenant,
    order.orderId,
  ]);
  for (const line of lines) {
    await tx.query(
      `INSERT INTO ${S}.audience_order_lines
         (tenant, order_id, line_no, contact_id, product_id, sku, product_family, options, quantity,
          net_minor, currency, ordered_at, status)
       SELECT $1, $2, $3, $4, $5, $6, p.family, $7, $8, $9, $10, $11, $12
         FROM (SELECT 1) AS one
         LEFT JOIN ${S}.audience_products p ON p.tenant = $1 AND p.product_id = $5`,
      [
        tenant,
        order.orderId,
        line.lineNo,
        contactId,
        line.productId,
        line.sku,
        line.options,
        line.quantity,
        line.netMinor,
        order.currency,
        order.placedAt,
        order.status,
      ],
    );
  }
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
  status: AudienceOrderStatus,
  at: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO ${S}.audience_orders AS o (tenant, order_id, contact_id, total_minor, currency, status, fact_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (tenant, order_id) DO UPDATE SET status = EXCLUDED.status,
       contact_id = coalesce(o.contact_id, EXCLUDED.contact_id),
       fact_at = greatest(o.fact_at, EXCLUDED.fact_at)`,
    [tenant, order.orderId, order.contactId, order.totalMinor, order.currency, status, at],
  );
  await tx.query(
    `UPDATE ${S}.audience_order_lines SET status = $3 WHERE tenant = $1 AND order_id = $2`,
    [tenant, order.orderId, status],
  );
}

export async function deleteOrder(tx: Sql, tenant: string, orderId: string): Promise<void> {
  await tx.query(`DELETE FROM ${S}.audience_order_lines WHERE tenant = $1 AND order_id = $2`, [
    tenant,
    orderId,
  ]);
  await tx.query(`DELETE FROM ${S}.audience_orders WHERE tenant = $1 AND order_id = $2`, [
    tenant,
    orderId,
  ]);
}

/** The survivor of a merge inherits the duplicate's orders, lines and deals. */
export async function repointHistory(
  tx: Sql,
  tenant: string,
  fromContactId: string,
  toContactId: string,
): Promise<void> {
  for (const table of ['audience_orders', 'audience_order_lines', 'audience_deals']) {
    await tx.query(
      `UPDATE ${S}.${table} SET contact_id = $3 WHERE tenant = $1 AND contact_id = $2`,
      [tenant, fromContactId, toContactId],
    );
  }
}

/** Every row of the person in every audience table (erasure, tombstone). */
export async function deletePerson(tx: Sql, tenant: string, contactId: string): Promise<void> {
  for (const table of [
    'audience_order_lines',
    'audience_orders',
    'audience_deals',
    'audience_scores',
    'audience_recommendations',
    'audience_records',
    'audience_contacts',
  ]) {
    await tx.query(`DELETE FROM ${S}.${table} WHERE tenant = $1 AND contact_id = $2`, [
      tenant,
      contactId,
    ]);
  }
}

/** The contact's summary from its orders; nothing to do while the contact row does not exist. */
export async function recomputePurchaseSummary(
  tx: Sql,
  tenant: string,
  contactId: string,
): Promise<void> {
  const { rows } = await tx.query<{
    status: string;
    total_minor: string | null;
    currency: string | null;
    placed_at: Date | null;
  }>(
    `SELECT status, total_minor, currency, placed_at FROM ${S}.audience_orders
      WHERE tenant = $1 AND contact_id = $2`,
    [tenant, contactId],
  );
  const summary = summarizePurchases(
    rows.map((r) => ({
      status: r.status,
      totalMinor: r.total_minor === null ? null : Number(r.total_minor),
      currency: r.currency,
      placedAt: r.placed_at,
    })),
  );
  await tx.query(
    `UPDATE ${S}.audience_contacts SET orders_count = $3, total_spent_minor = $4, spend_currency = $5,
       first_order_at = $6, last_order_at = $7
     WHERE tenant = $1 AND contact_id = $2`,
    [
      tenant,
      contactId,
      summary.ordersCount,
      summary.totalSpentMinor,
      summary.spendCurrency,
      summary.firstOrderAt,
      summary.lastOrderAt,
    ],
  );
}
