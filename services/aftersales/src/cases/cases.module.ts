/**
 * Service cases: the agents' API over the Case decider, the queue read, the SLA settings the
 * clocks are computed with. The settings table is created at module init.
 */
import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { AssetsModule } from '../assets/assets.module';
import { SlaSettingsController } from '../sla/sla-settings.controller';
import { migrateSlaSettings } from '../sla/sla-settings';
import { CaseCoverage } from './case-coverage';
import { ContactErasureConsumer } from './contact-erasure.consumer';
import { CaseQueries } from './cases.queries';
import { CasesController } from './cases.controller';

@Module({
  imports: [AssetsModule],
  controllers: [CasesController, SlaSettingsController, ContactErasureConsumer],
  providers: [CaseQueries, CaseCoverage],
  exports: [CaseQueries, CaseCoverage],
})
export class CasesModule implements OnModuleInit {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async onModuleInit(): Promise<void> {
    await migrateSlaSettings(this.pool);
  }
}
