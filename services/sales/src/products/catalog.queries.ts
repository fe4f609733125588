import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { S } from '../infrastructure/read-model-part';
import type { PriceBookDto, PriceBookSummaryDto } from '../price-books/price-book.dto';
import type { ProductState } from './product.decider';
import type { ProductDto } from './product.dto';

@Injectable()
export class CatalogQueries {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async products(tenant: string, family?: string): Promise<ProductDto[]> {
    const { rows } = await this.pool.query<{ state: ProductState; version: number }>(
      `SELECT state, version FROM ${S}.products WHERE tenant = $1 AND ($2::text IS NULL OR family = $2) ORDER BY name, product_id LIMIT 1000`,
      [tenant, family ?? null],
    );
    return rows.map((r) => productDto(r.state, r.version));
  }

  async product(tenant: string, productId: string): Promise<ProductDto | undefined> {
    const { rows } = await this.pool.query<{ state: ProductState; version: number }>(
      `SELECT state, version FROM ${S}.products WHERE tenant = $1 AND product_id = $2`,
      [tenant, productId],
    );
    return rows[0] && productDto(rows[0].state, rows[0].version);
  }

  async priceBooks(tenant: string): Promise<PriceBookSummaryDto[]> {
    const { rows } = await this.pool.query(
      `SELECT price_book_id, name, is_standard FROM ${S}.price_books WHERE tenant = $1 ORDER BY is_standard DESC, name`,
      [tenant],
    );
    return rows.map((r) => ({
      id: r.price_book_id,
      name: r.name,
      isStandard: r.is_standard,
    }));
  }

  /** The price book listing: every priced product with SKU, name, family and active flag. */
  async priceBook(tenant: string, priceBookId: string): Promise<PriceBookDto | undefined> {
    const book = await this.pool.query(
      `SELECT name, is_standard, version FROM ${S}.price_books WHERE tenant = $1 AND price_book_id = $2`,
      [tenant, priceBookId],
    );
    if (!book.rows[0]) return undefined;
    const { rows } = await this.pool.query(
      `SELECT e.product_id, e.currency, e.amount_minor::text AS amount, p.sku, p.name, p.family, p.active
       FROM ${S}.price_book_entries e JOIN ${S}.products p ON p.tenant = e.tenant AND p.product_id = e.product_id
       WHERE e.tenant = $1 AND e.price_book_id = $2 ORDER BY p.family NULLS LAST, p.name, e.currency`,
      [tenant, priceBookId],
    );
    return {
      id: priceBookId,
      name: book.rows[0].name,
      isStandard: book.rows[0].is_standard,
      version: book.rows[0].version,
      entries: rows.map((r) => ({
        productId: r.product_id,
        sku: r.sku,
        name: r.name,
        ...(r.family ? { family: r.family } : {}),
        active: r.active,
        currency: r.currency,
        amountMinor: Number(r.amount),
      })),
    };
  }
}

function productDto(s: ProductState, version: number): ProductDto {
  return {
    id: s.productId,
    sku: s.sku,
    name: s.name,
    ...(s.description ? { description: s.description } : {}),
    ...(s.family ? { family: s.family } : {}),
    active: s.active,
    options: s.model as ProductDto['options'],
    version,
  };
}
