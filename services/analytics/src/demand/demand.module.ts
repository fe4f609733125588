/** Demand forecast per product and price band: Holt-Winters fits off the request path, the report. */
import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { PG_POOL, SERVICE_ENV } from '@crm/platform';
import type { Pool } from 'pg';
import { migrateModelFits } from '../customer-value/model-fits.schema';
import { DEMAND_CONFIG, loadDemandConfig } from './demand.config';
import { DemandController } from './demand.controller';
import { DemandFitJob } from './demand-fit-job';
import { DemandReport } from './demand-report';

@Module({
  controllers: [DemandController],
  providers: [
    DemandReport,
    DemandFitJob,
    { provide: DEMAND_CONFIG, inject: [SERVICE_ENV], useFactory: loadDemandConfig },
  ],
})
export class DemandModule implements OnModuleInit {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** model_fits may not exist yet if this module starts first; the migration is idempotent. */
  async onModuleInit(): Promise<void> {
    await migrateModelFits(this.pool);
  }
}
