/** `products`, `price_books` and `price_book_entries`: the catalogue and its price book listings. */
import { foldingProjection } from '@crm/event-sourcing';
import { S, type ReadModelPart } from '../infrastructure/read-model-part';
import { priceBookDecider } from '../price-books/price-book.decider';
import { productDecider } from './product.decider';

export const catalogPart: ReadModelPart = {
  ddl: `
    CREATE TABLE IF NOT EXISTS ${S}.products (
      tenant text NOT NULL,
      product_id text NOT NULL,
      sku text NOT NULL,
      name text NOT NULL,
      family text,
      active boolean NOT NULL,
      state jsonb NOT NULL,
      version int NOT NULL,
      PRIMARY KEY (tenant, product_id)
    );
    CREATE TABLE IF NOT EXISTS ${S}.price_books (
      tenant text NOT NULL,
      price_book_id text NOT NULL,
      name text NOT NULL,
      is_standard boolean NOT NULL,
      state jsonb NOT NULL,
      version int NOT NULL,
      PRIMARY KEY (tenant, price_book_id)
    );
    CREATE TABLE IF NOT EXISTS ${S}.price_book_entries (
      tenant text NOT NULL,
      price_book_id text NOT NULL,
      product_id text NOT NULL,
      currency text NOT NULL,
      amount_minor bigint NOT NULL,
      PRIMARY KEY (tenant, price_book_id, product_id, currency)
    );`,
  tables: ['products', 'price_books', 'price_book_entries'],
  handlers: {
    ...foldingProjection({
      table: `${S}.products`,
      idColumn: 'product_id',
      decider: productDecider,
      events: {
        ProductCreated: true,
        ProductInfoChanged: true,
        ProductActivated: true,
        ProductDeactivated: true,
        ProductOptionsDefined: true,
      },
      write: async (tx, { tenant, id, state, version }) => {
        await tx.query(
          `INSERT INTO ${S}.products (tenant, product_id, sku, name, family, active, state, version) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)
           ON CONFLICT (tenant, product_id) DO UPDATE SET sku = $3, name = $4, family = $5, active = $6, state = $7, version = $8`,
          [
            tenant,
            id,
            state.sku,
            state.name,
            state.family ?? null,
            state.active,
            JSON.stringify(state),
            version,
          ],
        );
      },
    }),
    ...foldingProjection({
      table: `${S}.price_books`,
      idColumn: 'price_book_id',
      decider: priceBookDecider,
      events: {
        PriceBookCreated: true,
        ListPriceSet: true,
        ListPriceRemoved: true,
      },
      write: async (tx, { tenant, id, state, version }) => {
        await tx.query(
          `INSERT INTO ${S}.price_books (tenant, price_book_id, name, is_standard, state, version) VALUES ($1,$2,$3,$4,$5,$6)
           ON CONFLICT (tenant, price_book_id) DO UPDATE SET name = $3, is_standard = $4, state = $5, version = $6`,
          [tenant, id, state.name, state.isStandard, JSON.stringify(state), version],
        );
        await tx.query(
          `DELETE FROM ${S}.price_book_entries WHERE tenant = $1 AND price_book_id = $2`,
          [tenant, id],
        );
        for (const [key, amount] of Object.entries(state.prices)) {
          const [productId, currency] = key.split('/');
          await tx.query(
            `INSERT INTO ${S}.price_book_entries (tenant, price_book_id, product_id, currency, amount_minor) VALUES ($1,$2,$3,$4,$5)`,
            [tenant, id, productId, currency, amount],
          );
        }
      },
    }),
  },
};
