import { Module } from '@nestjs/common';
import { ConfigurationsController } from '../cpq/configurations.controller';
import { CustomerCatalogue } from '../cpq/customer-catalogue';
import { CustomerConfiguratorController } from '../cpq/customer-configurator.controller';
import { PriceBooksController } from '../price-books/price-books.controller';
import { CatalogQueries } from './catalog.queries';
import { ProductsController } from './products.controller';

/** Products, price books and CPQ: what can be sold, at which list price, in which configuration. */
@Module({
  controllers: [
    ProductsController,
    PriceBooksController,
    ConfigurationsController,
    CustomerConfiguratorController,
  ],
  providers: [CatalogQueries, CustomerCatalogue],
  exports: [CatalogQueries],
})
export class CatalogModule {}
