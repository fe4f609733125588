/**
 * Propensity to buy (issue 16, report 6): a logistic regression per tenant and target family,
 * fitted off the request path and versioned in model_fits, scores stored and published, and
 * GET /reports/propensity. Exports PropensityReport for the customer summary.
 */
import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { PG_POOL, SERVICE_ENV } from '@crm/platform';
import type { Pool } from 'pg';
import { PublishingModule } from '../publishing/publishing.module';
import { PropensityController } from './propensity.controller';
import { PropensityFitJob } from './propensity-fit-job';
import { PropensityReport } from './propensity-report';
import { migratePropensity } from './propensity-store';
import { loadPropensityConfig, PROPENSITY_CONFIG } from './propensity.config';

@Module({
  imports: [PublishingModule],
  controllers: [PropensityController],
  providers: [
    { provide: PROPENSITY_CONFIG, inject: [SERVICE_ENV], useFactory: loadPropensityConfig },
    PropensityReport,
    PropensityFitJob,
  ],
  exports: [PropensityReport],
})
export class PropensityModule implements OnModuleInit {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async onModuleInit(): Promise<void> {
    await migratePropensity(this.pool);
  }
}
