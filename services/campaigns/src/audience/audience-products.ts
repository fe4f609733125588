/**
 * The catalogue as the audience needs it (audience_products: family, sku, name), so order lines
 * carry product_family: rules ask "bought a car", not "bought product 7f3c...". A family change
 * is back-filled on every line of the product (a family is the product's current grouping, not
 * a fact of the sale) and queues the buyers, whose "bought family X" may have changed.
 * Same order rules as the contacts: a state applies if not older than the last state and the
 * newest fact; an event the applied state holds is skipped.
 */
import type { Sql } from './audience-changes';
import { S } from '../infrastructure/read-model-part';
import { lockRecords } from './audience-locks';

export interface ProductFacts {
  readonly productId: string;
  readonly family: string | null;
  readonly name: string | null;
  /** Unchanged when absent (an info change does not carry it). */
  readonly sku?: string;
}

/** Applies the product's facts; returns the contacts whose lines changed family. */
export async function applyProduct(
  tx: Sql,
  tenant: string,
  product: ProductFacts,
  mark: { at: string; stateVersion?: number },
): Promise<string[]> {
  await lockRecords(tx, 'product', tenant, [product.productId]);
  const { rows } = await tx.query<{
    state_version: number | null;
    state_at: Date | null;
    fact_at: Date | null;
  }>(
    `SELECT state_version, state_at, fact_at FROM ${S}.audience_products WHERE tenant = $1 AND product_id = $2`,
    [tenant, product.productId],
  );
  const known = rows[0];
  const at = new Date(mark.at).getTime();
  if (mark.stateVersion === undefined) {
    if (known?.state_at && at <= known.state_at.getTime()) return [];
  } else if (
    (known?.state_version != null && mark.stateVersion < known.state_version) ||
    (known?.fact_at && at < known.fact_at.getTime())
  )
    return [];
  const isState = mark.stateVersion !== undefined;
  await tx.query(
    `INSERT INTO ${S}.audience_products AS p (tenant, product_id, family, sku, name, state_version, state_at, fact_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (tenant, product_id) DO UPDATE SET family = EXCLUDED.family, name = EXCLUDED.name,
       sku = coalesce(EXCLUDED.sku, p.sku), state_version = coalesce(EXCLUDED.state_version, p.state_version),
       state_at = coalesce(EXCLUDED.state_at, p.state_at), fact_at = greatest(p.fact_at, EXCLUDED.fact_at)`,
    [
      tenant,
      product.productId,
      product.family,
      product.sku ?? null,
      product.name,
      isState ? mark.stateVersion : null,
      isState ? mark.at : null,
      mark.at,
    ],
  );
  const changed = await tx.query<{ contact_id: string }>(
    `UPDATE ${S}.audience_order_lines SET product_family = $3
      WHERE tenant = $1 AND product_id = $2 AND product_family IS DISTINCT FROM $3
      RETURNING contact_id`,
    [tenant, product.productId, product.family],
  );
  return [...new Set(changed.rows.map((r) => r.contact_id))];
}
