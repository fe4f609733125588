import { Module } from '@nestjs/common';
import { CONTACTS_GATEWAY, HttpContactsGateway } from './contacts-gateway';
import { LeadListQuery } from './lead-list.query';
import { LeadConversion } from './lead-conversion';
import { LeadsController } from './leads.controller';

@Module({
  controllers: [LeadsController],
  providers: [
    LeadListQuery,
    LeadConversion,
    // CONTACTS_URL: where conversion creates contacts and companies (see contacts-gateway.ts).
    {
      provide: CONTACTS_GATEWAY,
      useFactory: () =>
        process.env.CONTACTS_URL ? new HttpContactsGateway(process.env.CONTACTS_URL) : undefined,
    },
  ],
})
export class LeadsModule {}
