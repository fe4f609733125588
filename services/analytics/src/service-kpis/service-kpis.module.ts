/** Service KPIs (after-sales in analytics): case volume, resolution, SLA, CSAT, reopen rate, MTBF. */
import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { ServiceFactsConsumer } from './service-facts.consumer';
import { migrateServiceFacts } from './service-facts.schema';
import { ServiceKpisController } from './service-kpis.controller';
import { ServiceKpisQueries } from './service-kpis.queries';

@Module({
  // The consumer is a controller of the messaging transport.
  controllers: [ServiceKpisController, ServiceFactsConsumer],
  providers: [ServiceKpisQueries],
})
export class ServiceKpisModule implements OnModuleInit {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** Before the messaging runtime's bootstrap, so the consumer finds its tables. */
  async onModuleInit(): Promise<void> {
    await migrateServiceFacts(this.pool);
  }
}
