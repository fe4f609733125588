/**
 * What a basket fit reads: one basket per standing order (order_lines of orders neither
 * cancelled nor returned: status `placed`), as its distinct products and distinct families
 * (lines without a family leave the family basket), and each customer's holdings (products on
 * standing orders: customer_stats.products_held) except contacts that are gone.
 */
import type { PoolClient } from 'pg';
import { S } from '../infrastructure/schema';
import type { CustomerHoldings, OrderBasket } from './basket-fit';

export async function readOrderBaskets(
  client: PoolClient,
  tenant: string,
): Promise<{ baskets: OrderBasket[]; dataUpTo: Date | null }> {
  const { rows } = await client.query<{
    products: string[];
    families: string[] | null;
    placed_at: Date | null;
  }>(
    `SELECT array_agg(DISTINCT product_id) AS products,
            array_agg(DISTINCT family) FILTER (WHERE family IS NOT NULL) AS families,
            max(placed_at) AS placed_at
       FROM ${S}.order_lines
      WHERE tenant = $1 AND status = 'placed'
      GROUP BY order_id`,
    [tenant],
  );
  let dataUpTo: Date | null = null;
  const baskets = rows.map((r) => {
    if (r.placed_at && (!dataUpTo || r.placed_at > dataUpTo)) dataUpTo = r.placed_at;
    return { products: r.products, families: r.families ?? [] };
  });
  return { baskets, dataUpTo };
}

export async function readHoldings(
  client: PoolClient,
  tenant: string,
): Promise<CustomerHoldings[]> {
  const { rows } = await client.query<{ contact_id: string; products_held: string[] }>(
    `SELECT s.contact_id, s.products_held
       FROM ${S}.customer_stats s
      WHERE s.tenant = $1 AND cardinality(s.products_held) > 0
        AND NOT EXISTS (SELECT 1 FROM ${S}.record_marks m
                         WHERE m.tenant = s.tenant AND m.kind = 'contact'
                           AND m.record_id = s.contact_id AND m.gone)
      ORDER BY s.contact_id`,
    [tenant],
  );
  return rows.map((r) => ({ contactId: r.contact_id, products: r.products_held }));
}
