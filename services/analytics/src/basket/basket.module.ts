/**
 * Market basket (issue 16, report 5): association rules by product and by family, "bought
 * together" and per-customer next best offers, fitted off the request path (basket-fit-job.ts),
 * versioned in model_fits, the offers published as crm.analytics.v1 recommendations.
 */
import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { PG_POOL, SERVICE_ENV } from '@crm/platform';
import type { Pool } from 'pg';
import { migrateModelFits } from '../customer-value/model-fits.schema';
import { PublishingModule } from '../publishing/publishing.module';
import { BASKET_CONFIG, loadBasketConfig } from './basket.config';
import { BasketController } from './basket.controller';
import { migrateBasket } from './basket.schema';
import { BasketFitJob } from './basket-fit-job';
import { BasketReport } from './basket-report';

@Module({
  imports: [PublishingModule],
  controllers: [BasketController],
  providers: [
    { provide: BASKET_CONFIG, inject: [SERVICE_ENV], useFactory: loadBasketConfig },
    BasketReport,
    BasketFitJob,
  ],
  exports: [BasketReport],
})
export class BasketModule implements OnModuleInit {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async onModuleInit(): Promise<void> {
    // model_fits is customer-value's table; created here too so the order of module starts does not matter.
    await migrateModelFits(this.pool);
    await migrateBasket(this.pool);
  }
}
