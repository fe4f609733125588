/**
 * The after-sales service, feature by feature: assets (installed products, fed by crm.sales.v1
 * and registered by hand) with their warranty terms, service cases with SLAs, the watcher that
 * announces breaches and ending warranties once, the customer's own touchpoint, preventive maintenance and the
 * reliability report.
 * Infrastructure is chosen in AftersalesInfrastructureModule.
 */
import { Module } from '@nestjs/common';
import { PlatformModule } from '@crm/platform';
import { AftersalesConfigModule } from './aftersales.config';
import { AssetsModule } from './assets/assets.module';
import { CasesModule } from './cases/cases.module';
import { AftersalesInfrastructureModule } from './infrastructure/aftersales-infrastructure.module';
import { MaintenanceModule } from './maintenance/maintenance.module';
import { NoticesModule } from './notices/notices.module';
import { ReliabilityModule } from './reliability/reliability.module';
import { TouchpointModule } from './touchpoint/touchpoint.module';

@Module({
  imports: [
    PlatformModule.forRoot({
      serviceName: 'aftersales',
      description:
        'After-sales service: installed products with warranty, service cases with SLAs in business hours',
      idempotency: { schema: 'aftersales' },
    }),
    AftersalesConfigModule,
    AftersalesInfrastructureModule,
    AssetsModule,
    CasesModule,
    NoticesModule,
    TouchpointModule,
    MaintenanceModule,
    ReliabilityModule,
  ],
})
export class AppModule {}
