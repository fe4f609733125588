/**
 * `GET /contacts/{id}/history` and `GET /companies/{id}/history`: every change of the record
 * (who, when, which fact, what changed in its view), newest first, from its own stream. The
 * roles are the record's GET's; an erased contact's history shows its personal data as erased.
 */
import { Controller, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HistoryQuery,
  HistoryRoute,
  RecordHistory,
  Roles,
  Tenant,
  type HistoryEntry,
  type Page,
} from '@crm/platform';
import { companyStreamId } from '../companies/companies.controller';
import { CompanyErrors } from '../companies/company.errors';
import { contactStreamId } from '../contacts/contact-view';
import { ContactErrors } from '../contacts/contact.errors';
import { READERS } from '../shared/roles';
import { companyRecord, contactRecord } from './record-histories';

// Grouped as history (else Swagger tags the operations with the class name) and by resource.
@ApiTags('history')
@Controller()
@Roles(...READERS)
export class RecordHistoryController {
  constructor(private readonly history: RecordHistory) {}

  @HistoryRoute('contacts/:id/history', 'contacts', "A contact's changes, newest first")
  contact(
    @Tenant() tenant: string,
    @Param('id') id: string,
    @Query() query: HistoryQuery,
  ): Promise<Page<HistoryEntry>> {
    const stream = { tenant, id: contactStreamId(id) };
    return this.history.page(contactRecord(id), stream, query, ContactErrors.contactNotFound);
  }

  @HistoryRoute('companies/:id/history', 'companies', "A company's changes, newest first")
  company(
    @Tenant() tenant: string,
    @Param('id') id: string,
    @Query() query: HistoryQuery,
  ): Promise<Page<HistoryEntry>> {
    const stream = { tenant, id: companyStreamId(id) };
    return this.history.page(companyRecord(id), stream, query, CompanyErrors.companyNotFound);
  }
}
