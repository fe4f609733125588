/**
 * The sales service, feature by feature. Infrastructure (event store, read models, command path)
 * is chosen in SalesInfrastructureModule; every feature module holds its controller and queries.
 */
import { Module } from '@nestjs/common';
import { PlatformModule } from '@crm/platform';
import { SalesInfrastructureModule } from './infrastructure/sales-infrastructure.module';
import { ContactDirectoryModule } from './contact-directory/contact-directory.module';
import { ActivitiesModule } from './activities/activities.module';
import { LeadsModule } from './leads/leads.module';
import { OpportunitiesModule } from './opportunities/opportunities.module';
import { OrdersModule } from './orders/orders.module';
import { QuotesModule } from './quotes/quotes.module';
import { PipelinesModule } from './pipelines/pipelines.module';
import { CatalogModule } from './products/catalog.module';
import { SalesConfigModule } from './sales.config';
import { SubjectDataModule } from './gdpr/subject-data.module';
import { HistoryModule } from './history/history.module';

@Module({
  imports: [
    PlatformModule.forRoot({
      serviceName: 'sales',
      description:
        'Sales-force automation: leads, pipelines and deals, activities, products and CPQ, quotes, orders',
      idempotency: { schema: 'sales' },
    }),
    SalesConfigModule,
    SalesInfrastructureModule,
    ContactDirectoryModule,
    LeadsModule,
    PipelinesModule,
    OpportunitiesModule,
    ActivitiesModule,
    CatalogModule,
    QuotesModule,
    OrdersModule,
    SubjectDataModule,
    HistoryModule,
  ],
})
export class AppModule {}
