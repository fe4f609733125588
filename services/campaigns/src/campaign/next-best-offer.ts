/**
 * Next best offer: per person, the first product analytics recommends (model `model`, best
 * first, in `audience_recommendations`) that the person does not already hold, else the
 * campaign's fallback product, else (they hold that too) no offer: the sender skips the person
 * rather than offer what they have. "Holds" = an order line of the product that is still
 * `placed` (cancelled and returned lines do not count). Reads the audience tables only.
 */
import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { S } from '../infrastructure/read-model-part';

/** The offer for one person, or null when every candidate is held already. */
export function pickOffer(
  recommended: readonly string[],
  held: ReadonlySet<string>,
  fallbackProductId: string,
): string | null {
  for (const productId of [...recommended, fallbackProductId])
    if (!held.has(productId)) return productId;
  return null;
}

@Injectable()
export class NextBestOffers {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** The offer per contact id (one query for the batch); contacts without recommendations get the fallback. */
  async forContacts(
    tenant: string,
    offer: { readonly model: string; readonly fallbackProductId: string },
    contactIds: readonly string[],
  ): Promise<Map<string, string | null>> {
    const { rows } = await this.pool.query<{
      contact_id: string;
      recommended: string[] | null;
      held: string[];
    }>(
      `SELECT c.contact_id,
              (SELECT r.product_ids FROM ${S}.audience_recommendations r
                WHERE r.tenant = $1 AND r.contact_id = c.contact_id AND r.model = $2) AS recommended,
              ARRAY(SELECT DISTINCT l.product_id FROM ${S}.audience_order_lines l
                     WHERE l.tenant = $1 AND l.contact_id = c.contact_id
                       AND l.status = 'placed' AND l.product_id IS NOT NULL) AS held
         FROM unnest($3::text[]) AS c(contact_id)`,
      [tenant, offer.model, contactIds],
    );
    return new Map(
      rows.map((r) => [
        r.contact_id,
        pickOffer(r.recommended ?? [], new Set(r.held), offer.fallbackProductId),
      ]),
    );
  }
}
