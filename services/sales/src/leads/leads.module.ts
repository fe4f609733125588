import { Module } from '@nestjs/common';
import { CONTACTS_GATEWAY, HttpContactsGateway } from './contacts-gateway';
import { LeadListQuery } from './lead-list.query';
import { LeadConversion } from './lead-conversion';
import { LeadsController } from './leads.controller';
import { SALES_CONFIG, type SalesConfig } from '../sales.config';

@Module({
  controllers: [LeadsController],
  providers: [
    LeadListQuery,
    LeadConversion,
    // CONTACTS_URL: where conversion creates contacts and companies (see contacts-gateway.ts).
    {
      provide: CONTACTS_GATEWAY,
      inject: [SALES_CONFIG],
      useFactory: ({ contactsUrl }: SalesConfig) =>
        contactsUrl ? new HttpContactsGateway(contactsUrl) : undefined,
    },
  ],
})
export class LeadsModule {}
