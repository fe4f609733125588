/** GET /customers/{contactId}: one customer's summary over the ingest tables. */
import { Module } from '@nestjs/common';
import { CustomersController } from './customers.controller';
import { CustomerQueries } from './customers.queries';

@Module({ controllers: [CustomersController], providers: [CustomerQueries] })
export class CustomersModule {}
