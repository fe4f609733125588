/**
 * The contacts service, table of contents: platform (auth, errors, health, docs), the event store
 * with crypto-shredding and the read models, then one controller per resource.
 */
import { Module } from '@nestjs/common';
import { PlatformModule } from '@crm/platform';
import { ContactsController } from './contacts/contacts.controller';
import { CustomFieldCatalogueReader } from './custom-fields/custom-field-catalogue';
import { ContactsInfrastructureModule } from './infrastructure/contacts-infrastructure.module';

@Module({
  imports: [
    PlatformModule.forRoot({
      serviceName: 'contacts',
      description: 'People, companies, consent and the full interaction history',
      idempotency: { schema: 'contacts' },
    }),
    ContactsInfrastructureModule,
  ],
  controllers: [ContactsController],
  providers: [CustomFieldCatalogueReader],
})
export class AppModule {}
