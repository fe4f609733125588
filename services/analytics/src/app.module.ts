/**
 * The analytics service, feature by feature: ingest (the derived tables, fed only by the other
 * services' integration events) and the customer summary over them. Infrastructure is chosen in
 * AnalyticsInfrastructureModule.
 */
import { Module } from '@nestjs/common';
import { PlatformModule } from '@crm/platform';
import { AnalyticsConfigModule } from './analytics.config';
import { BasketModule } from './basket/basket.module';
import { CampaignResultsModule } from './campaign-results/campaign-results.module';
import { CustomerValueModule } from './customer-value/customer-value.module';
import { CustomersModule } from './customers/customers.module';
import { DemandModule } from './demand/demand.module';
import { AnalyticsInfrastructureModule } from './infrastructure/analytics-infrastructure.module';
import { IngestModule } from './ingest/ingest.module';
import { PropensityModule } from './propensity/propensity.module';
import { PublishingModule } from './publishing/publishing.module';
import { SalesFunnelModule } from './sales-funnel/sales-funnel.module';
import { ServiceKpisModule } from './service-kpis/service-kpis.module';

@Module({
  imports: [
    PlatformModule.forRoot({
      serviceName: 'analytics',
      description:
        'Analytical CRM: per-customer statistics, funnel, order lines and campaign results from every crm.*.v1 topic',
      idempotency: { schema: 'analytics' },
    }),
    AnalyticsConfigModule,
    AnalyticsInfrastructureModule,
    IngestModule,
    CustomersModule,
    CustomerValueModule,
    SalesFunnelModule,
    PublishingModule,
    BasketModule,
    PropensityModule,
    DemandModule,
    CampaignResultsModule,
    ServiceKpisModule,
  ],
})
export class AppModule {}
