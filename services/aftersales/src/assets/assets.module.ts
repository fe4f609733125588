/**
 * Installed products: the order feed (crm.sales.v1 -> one asset per delivered unit), the REST
 * API, warranty terms per product. The feed's and the terms' tables are created before the
 * consumers join their group (module init runs before the messaging runtime's bootstrap).
 */
import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { WarrantyTermsController } from '../warranty-terms/warranty-terms.controller';
import { migrateWarrantyTerms } from '../warranty-terms/warranty-terms';
import { AssetsController } from './assets.controller';
import { AssetQueries } from './assets.queries';
import { migrateOrderFeed } from './order-feed';
import { OrderFeedConsumer } from './order-feed.consumer';

@Module({
  controllers: [AssetsController, WarrantyTermsController, OrderFeedConsumer],
  providers: [AssetQueries],
  exports: [AssetQueries],
})
export class AssetsModule implements OnModuleInit {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async onModuleInit(): Promise<void> {
    await migrateWarrantyTerms(this.pool);
    await migrateOrderFeed(this.pool);
  }
}
