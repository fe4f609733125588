/**
 * Writes and reads basket_rules and basket_offers (basket.schema.ts). A fit replaces the
 * tenant's rows inside its transaction; reads never see half a fit.
 */
import type { Pool, PoolClient } from 'pg';
import type { AssociationRule } from '../models/basket';
import { S } from '../infrastructure/schema';
import type { CustomerOffers } from './basket-fit';

export type BasketLevel = 'product' | 'family';
const CHUNK = 5_000;

export async function replaceRules(
  client: PoolClient,
  tenant: string,
  level: BasketLevel,
  version: number,
  rules: readonly AssociationRule[],
): Promise<void> {
  await client.query(`DELETE FROM ${S}.basket_rules WHERE tenant = $1 AND level = $2`, [
    tenant,
    level,
  ]);
  for (let from = 0; from < rules.length; from += CHUNK) {
    const chunk = rules.slice(from, from + CHUNK);
    await client.query(
      `INSERT INTO ${S}.basket_rules
              (tenant, level, fit_version, rank, antecedent, consequent, count, support,
               confidence, coverage, lift, leverage, conviction)
       SELECT $1, $2, $3, k.rank, ARRAY(SELECT jsonb_array_elements_text(k.antecedent)),
              k.consequent, k.count, k.support, k.confidence, k.coverage, k.lift, k.leverage,
              k.conviction
         FROM unnest($4::int[], $5::jsonb[], $6::text[], $7::int[], $8::float8[], $9::float8[],
                     $10::float8[], $11::float8[], $12::float8[], $13::float8[])
              AS k(rank, antecedent, consequent, count, support, confidence, coverage, lift,
                   leverage, conviction)`,
      [
        tenant,
        level,
        version,
        chunk.map((_, i) => from + i + 1),
        chunk.map((r) => JSON.stringify(r.antecedent)),
        chunk.map((r) => r.consequent),
        chunk.map((r) => r.count),
        chunk.map((r) => r.support),
        chunk.map((r) => r.confidence),
        chunk.map((r) => r.coverage),
        chunk.map((r) => r.lift),
        chunk.map((r) => r.leverage),
        chunk.map((r) => r.conviction),
      ],
    );
  }
}

/** The tenant's customers with offers now (before a fit replaces them). */
export async function contactsWithOffers(client: PoolClient, tenant: string): Promise<string[]> {
  const { rows } = await client.query<{ contact_id: string }>(
    `SELECT DISTINCT contact_id FROM ${S}.basket_offers WHERE tenant = $1`,
    [tenant],
  );
  return rows.map((r) => r.contact_id);
}

export async function replaceOffers(
  client: PoolClient,
  tenant: string,
  version: number,
  customers: readonly CustomerOffers[],
): Promise<void> {
  await client.query(`DELETE FROM ${S}.basket_offers WHERE tenant = $1`, [tenant]);
  const flat = customers.flatMap((c) =>
    c.offers.map((o, i) => ({ contactId: c.contactId, rank: i + 1, ...o })),
  );
  for (let from = 0; from < flat.length; from += CHUNK) {
    const chunk = flat.slice(from, from + CHUNK);
    await client.query(
      `INSERT INTO ${S}.basket_offers
              (tenant, contact_id, rank, fit_version, product_id, antecedent, confidence, lift)
       SELECT $1, k.contact_id, k.rank, $2, k.product_id,
              ARRAY(SELECT jsonb_array_elements_text(k.antecedent)), k.confidence, k.lift
         FROM unnest($3::text[], $4::int[], $5::text[], $6::jsonb[], $7::float8[], $8::float8[])
              AS k(contact_id, rank, product_id, antecedent, confidence, lift)`,
      [
        tenant,
        version,
        chunk.map((o) => o.contactId),
        chunk.map((o) => o.rank),
        chunk.map((o) => o.productId),
        chunk.map((o) => JSON.stringify(o.rule.antecedent)),
        chunk.map((o) => o.rule.confidence),
        chunk.map((o) => o.rule.lift),
      ],
    );
  }
}

export interface StoredOffer {
  readonly rank: number;
  readonly productId: string;
  /** The rule's antecedent: the held products that led to the offer. */
  readonly because: string[];
  readonly confidence: number;
  readonly lift: number;
}

/** A customer's current offers, best first ([] for a gone contact). */
export async function offersOf(
  db: Pick<Pool, 'query'>,
  tenant: string,
  contactId: string,
): Promise<StoredOffer[]> {
  const { rows } = await db.query(
    `SELECT o.rank, o.product_id, o.antecedent, o.confidence, o.lift
       FROM ${S}.basket_offers o
      WHERE o.tenant = $1 AND o.contact_id = $2
        AND NOT EXISTS (SELECT 1 FROM ${S}.record_marks m
                         WHERE m.tenant = o.tenant AND m.kind = 'contact'
                           AND m.record_id = o.contact_id AND m.gone)
      ORDER BY o.rank`,
    [tenant, contactId],
  );
  return rows.map((r) => ({
    rank: r.rank,
    productId: r.product_id,
    because: r.antecedent,
    confidence: r.confidence,
    lift: r.lift,
  }));
}
