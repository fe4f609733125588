/**
 * What an imported order names, looked up once per import: products by id or sku in the
 * catalogue read model (active or not: history sold what is no longer on sale), contacts and
 * companies in sales' mirror of the contacts service (`contact_directory`, `company_directory`).
 * Unlike a live command (KnownReferences), an unknown id is refused at once, without waiting for
 * the mirror: history names contacts created long before, so a miss is a wrong id, and a
 * few-second wait per row would stall a large file. A contact merged away is followed to the
 * contact it was merged into; an erased one is refused.
 */
import type { Pool } from 'pg';
import { S } from '../../infrastructure/read-model-part';
import { EMPTY_MODEL, type ConfigurationModel } from '../../cpq/configuration-model';

export interface CatalogueProduct {
  readonly productId: string;
  readonly sku: string;
  readonly name: string;
  readonly model: ConfigurationModel;
}

export type ContactStanding = { known: string } | 'unknown' | 'erased';

export class ImportReferences {
  private readonly products = new Map<string, Promise<CatalogueProduct | undefined>>();
  private readonly contacts = new Map<string, Promise<ContactStanding>>();
  private readonly companies = new Map<string, Promise<boolean>>();

  constructor(
    private readonly pool: Pool,
    private readonly tenant: string,
  ) {}

  product(ref: { by: 'id' | 'sku'; value: string }): Promise<CatalogueProduct | undefined> {
    const key = `${ref.by}:${ref.value}`;
    let found = this.products.get(key);
    if (!found) {
      found = this.pool
        .query<{ product_id: string; sku: string; name: string; model: ConfigurationModel }>(
          `SELECT product_id, sku, name, state -> 'model' AS model FROM ${S}.products
            WHERE tenant = $1 AND ${ref.by === 'id' ? 'product_id' : 'sku'} = $2`,
          [this.tenant, ref.value],
        )
        .then(({ rows }) =>
          rows[0]
            ? {
                productId: rows[0].product_id,
                sku: rows[0].sku,
                name: rows[0].name,
                model: rows[0].model ?? EMPTY_MODEL,
              }
            : undefined,
        );
      this.products.set(key, found);
    }
    return found;
  }

  contact(contactId: string): Promise<ContactStanding> {
    let standing = this.contacts.get(contactId);
    if (!standing) {
      standing = this.pool
        .query<{ erased: boolean; gone: boolean; merged_into: string | null }>(
          `SELECT erased, gone, merged_into FROM ${S}.contact_directory
            WHERE tenant = $1 AND contact_id = $2`,
          [this.tenant, contactId],
        )
        .then(({ rows }): ContactStanding => {
          const row = rows[0];
          if (!row) return 'unknown';
          if (row.merged_into) return { known: row.merged_into };
          if (row.erased || row.gone) return 'erased';
          return { known: contactId };
        });
      this.contacts.set(contactId, standing);
    }
    return standing;
  }

  company(companyId: string): Promise<boolean> {
    let known = this.companies.get(companyId);
    if (!known) {
      known = this.pool
        .query(
          `SELECT 1 FROM ${S}.company_directory WHERE tenant = $1 AND company_id = $2 AND NOT gone
           UNION ALL
           SELECT 1 FROM ${S}.contact_directory WHERE tenant = $1 AND company_id = $2
           LIMIT 1`,
          [this.tenant, companyId],
        )
        .then(({ rowCount }) => (rowCount ?? 0) > 0);
      this.companies.set(companyId, known);
    }
    return known;
  }
}
