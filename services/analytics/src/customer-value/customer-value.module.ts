import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { PG_POOL, SERVICE_ENV } from '@crm/platform';
import type { Pool } from 'pg';
import { CUSTOMER_VALUE_CONFIG, loadCustomerValueConfig } from './customer-value.config';
import { CustomerValueController } from './customer-value.controller';
import { LifetimeValueFitJob } from './fit-job';
import { LifetimeValueReport } from './lifetime-value-report';
import { RfmReport } from './rfm-report';
import { migrateModelFits } from './model-fits.schema';

/** Customer value: versioned model fits off the request path, RFM and lifetime value reports. */
@Module({
  controllers: [CustomerValueController],
  providers: [
    RfmReport,
    LifetimeValueReport,
    { provide: CUSTOMER_VALUE_CONFIG, inject: [SERVICE_ENV], useFactory: loadCustomerValueConfig },
    LifetimeValueFitJob,
  ],
  exports: [CUSTOMER_VALUE_CONFIG, LifetimeValueReport, RfmReport],
})
export class CustomerValueModule implements OnModuleInit {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async onModuleInit(): Promise<void> {
    await migrateModelFits(this.pool);
  }
}
