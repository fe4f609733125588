/** Preventive maintenance: plans, each asset's next service, the due list. */
import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { AssetSchedules } from './asset-schedules';
import { MaintenanceController } from './maintenance.controller';
import { migrateMaintenancePlans } from './maintenance-plans';

@Module({
  controllers: [MaintenanceController],
  providers: [AssetSchedules],
  exports: [AssetSchedules],
})
export class MaintenanceModule implements OnModuleInit {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async onModuleInit(): Promise<void> {
    await migrateMaintenancePlans(this.pool);
  }
}
