/**
 * What after-sales keeps of crm.sales.v1: each placed order's customer and lines (product,
 * quantity, chosen options), so that its fulfilment can register one asset per delivered unit.
 * Written in the consumer's inbox transaction: a redelivered `order.placed` rewrites the same rows.
 */
import type { OrderPlacedV1 } from '@crm/contracts';
import type { Pool, PoolClient } from 'pg';
import { S } from '../infrastructure/read-model-part';

export interface OrderLineForAssets {
  /** The line's id, or its position when the order did not name its lines. */
  readonly lineKey: string;
  readonly productId: string;
  readonly quantity: number;
  /** Option group -> chosen option. */
  readonly options: Record<string, string>;
}

export interface OrderForAssets {
  readonly orderId: string;
  readonly contactId: string | null;
  readonly companyId: string | null;
  readonly lines: readonly OrderLineForAssets[];
}

export async function migrateOrderFeed(pool: Pool): Promise<void> {
  await pool.query(`CREATE SCHEMA IF NOT EXISTS ${S}`);
  await pool.query(`
    CREATE TABLE IF NOT EXISTS ${S}.sales_orders (
      tenant text NOT NULL,
      order_id text NOT NULL,
      contact_id text,
      company_id text,
      lines jsonb NOT NULL,
      placed_at timestamptz NOT NULL,
      PRIMARY KEY (tenant, order_id)
    )`);
  // A fulfilment seen before its order (the placement was read later, e.g. replayed): kept so the
  // placement registers the units then.
  await pool.query(`
    CREATE TABLE IF NOT EXISTS ${S}.sales_fulfilments (
      tenant text NOT NULL,
      order_id text NOT NULL,
      fulfilled_at timestamptz NOT NULL,
      PRIMARY KEY (tenant, order_id)
    )`);
}

export async function keepFulfilment(
  tx: PoolClient,
  tenant: string,
  orderId: string,
  fulfilledAt: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO ${S}.sales_fulfilments (tenant, order_id, fulfilled_at) VALUES ($1, $2, $3)
     ON CONFLICT (tenant, order_id) DO NOTHING`,
    [tenant, orderId, fulfilledAt],
  );
}

/** When the order was fulfilled, if a fulfilment was seen. */
export async function keptFulfilment(
  tx: PoolClient,
  tenant: string,
  orderId: string,
): Promise<string | undefined> {
  const { rows } = await tx.query<{ fulfilled_at: Date }>(
    `SELECT fulfilled_at FROM ${S}.sales_fulfilments WHERE tenant = $1 AND order_id = $2`,
    [tenant, orderId],
  );
  return rows[0]?.fulfilled_at.toISOString();
}

/** The order as the asset feed needs it, from the published fact. */
export function orderForAssets(data: OrderPlacedV1): OrderForAssets {
  return {
    orderId: data.orderId,
    contactId: data.contactId ?? null,
    companyId: data.companyId ?? null,
    lines: data.lines.map((line, index) => ({
      lineKey: line.lineId ?? String(index + 1),
      productId: line.productId,
      quantity: line.quantity,
      options: Object.fromEntries(
        (line.options ?? []).flatMap((option) =>
          typeof option.groupId === 'string' && typeof option.optionId === 'string'
            ? [[option.groupId, option.optionId]]
            : [],
        ),
      ),
    })),
  };
}

export async function keepOrder(
  tx: PoolClient,
  tenant: string,
  order: OrderForAssets,
  placedAt: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO ${S}.sales_orders (tenant, order_id, contact_id, company_id, lines, placed_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (tenant, order_id) DO UPDATE SET contact_id = EXCLUDED.contact_id,
       company_id = EXCLUDED.company_id, lines = EXCLUDED.lines, placed_at = EXCLUDED.placed_at`,
    [
      tenant,
      order.orderId,
      order.contactId,
      order.companyId,
      JSON.stringify(order.lines),
      placedAt,
    ],
  );
}

export async function keptOrder(
  tx: PoolClient,
  tenant: string,
  orderId: string,
): Promise<OrderForAssets | undefined> {
  const { rows } = await tx.query<{
    contact_id: string | null;
    company_id: string | null;
    lines: OrderLineForAssets[];
  }>(
    `SELECT contact_id, company_id, lines FROM ${S}.sales_orders WHERE tenant = $1 AND order_id = $2`,
    [tenant, orderId],
  );
  const row = rows[0];
  return row && { orderId, contactId: row.contact_id, companyId: row.company_id, lines: row.lines };
}
