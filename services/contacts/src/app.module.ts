/**
 * The contacts service, table of contents: platform (auth, errors, health, docs), the event store
 * with crypto-shredding and the read models, then one controller per resource.
 */
import { Module } from '@nestjs/common';
import { EventSourcingModule, PlatformModule } from '@crm/platform';
import { CompaniesController } from './companies/companies.controller';
import { CompanyReferences } from './companies/company-references';
import { ConsentController } from './consent/consent.controller';
import { ConsentService } from './consent/consent.service';
import { ContactsController } from './contacts/contacts.controller';
import { CustomFieldCatalogueReader } from './custom-fields/custom-field-catalogue';
import { CustomFieldsController } from './custom-fields/custom-fields.controller';
import { ContactListQuery } from './directory/contact-list.query';
import { DuplicateCandidatesQuery } from './duplicates/duplicate-candidates.query';
import { DuplicatesController } from './duplicates/duplicates.controller';
import { MergeService } from './duplicates/merge.service';
import { EraseService } from './gdpr/erase.service';
import { ExportService } from './gdpr/export.service';
import { SubjectDataSources } from './gdpr/subject-data-sources';
import { GdprController } from './gdpr/gdpr.controller';
import { RecordHistoryController } from './history/history.controller';
import { ContactsQueryController } from './directory/contacts-query.controller';
import { ContactsConfigModule } from './contacts.config';
import { contactsEventSourcing } from './infrastructure/contacts-event-sourcing';
import { ContactsMessagingModule } from './integration/contacts-messaging';
import { TimelineFeedHandlers } from './integration/timeline-feed.handlers';
import { LifecycleFactsHandlers } from './integration/lifecycle-facts.handlers';
import { ContactExportController } from './imports/contact-export.controller';
import { ContactImportService } from './imports/contact-import.service';
import { ImportsController } from './imports/imports.controller';
import { InteractionsController } from './interactions/interactions.controller';
import { InteractionResourceController } from './interactions/interaction-resource.controller';
import { TimelineController } from './timeline/timeline.controller';
import { TimelineReader } from './timeline/timeline.reader';
import { CustomerTouchpointController } from './touchpoint/customer-touchpoint.controller';

@Module({
  imports: [
    PlatformModule.forRoot({
      serviceName: 'contacts',
      description: 'People, companies, consent and the full interaction history',
      idempotency: { schema: 'contacts' },
    }),
    ContactsConfigModule,
    // Event store (Postgres, schema `contacts`) behind crypto-shredding; projections; workers.
    EventSourcingModule.forRoot(contactsEventSourcing),
    // crm.contacts.v1 relay; sales and campaigns facts feeding the timeline.
    ContactsMessagingModule,
  ],
  controllers: [
    // People: commands, reads, lists and search
    ContactsController,
    ContactsQueryController,
    // Consent per channel, interactions and the 360-degree timeline
    ConsentController,
    InteractionsController,
    InteractionResourceController,
    TimelineController,
    // Duplicates and merge; GDPR erase and export
    DuplicatesController,
    GdprController,
    // Companies and the tenant's custom fields
    CompaniesController,
    CustomFieldsController,
    // Every record's change history (GET /contacts/{id}/history, /companies/{id}/history)
    RecordHistoryController,
    // The customer's own view
    CustomerTouchpointController,
    // Bulk CSV import, CSV/JSON export
    ImportsController,
    ContactExportController,
    // Integration events from sales and campaigns (the messaging transport, not HTTP)
    TimelineFeedHandlers,
    LifecycleFactsHandlers,
  ],
  providers: [
    CustomFieldCatalogueReader,
    CompanyReferences,
    ContactListQuery,
    ConsentService,
    TimelineReader,
    DuplicateCandidatesQuery,
    MergeService,
    EraseService,
    ExportService,
    SubjectDataSources,
    ContactImportService,
  ],
})
export class AppModule {}
