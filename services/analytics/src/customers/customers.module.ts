/** GET /customers/{contactId}: one customer's summary over the ingest tables. */
import { Module } from '@nestjs/common';
import { CustomerValueModule } from '../customer-value/customer-value.module';
import { PropensityModule } from '../propensity/propensity.module';
import { CustomersController } from './customers.controller';
import { CustomerQueries } from './customers.queries';

@Module({
  imports: [CustomerValueModule, PropensityModule],
  controllers: [CustomersController],
  providers: [CustomerQueries],
})
export class CustomersModule {}
