import { Module } from '@nestjs/common';
import { ConfigurationsController } from '../cpq/configurations.controller';
import { PriceBooksController } from '../price-books/price-books.controller';
import { CatalogQueries } from './catalog.queries';
import { ProductsController } from './products.controller';

/** Products, price books and CPQ: what can be sold, at which list price, in which configuration. */
@Module({
  controllers: [ProductsController, PriceBooksController, ConfigurationsController],
  providers: [CatalogQueries],
  exports: [CatalogQueries],
})
export class CatalogModule {}
