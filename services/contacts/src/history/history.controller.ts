/**
 * `GET /contacts/{id}/history` and `GET /companies/{id}/history`: every change of the record
 * (who, when, which fact, what changed in its view), newest first, from its own stream. The
 * roles are the record's GET's; an erased contact's history shows its personal data as erased.
 */
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiProblems,
  HistoryPageDto,
  HistoryQuery,
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

const DESCRIPTION =
  'Each entry is one recorded fact: `version` (the ETag it made), `at`, `actor`, `event` and ' +
  '`changes` (`path`, `from`, `to` in the resource view). Personal data of an erased person ' +
  'reads "[erased]". `?asOf=<instant>` on the record GET reads the record as it stood then.';

// Grouped as history (else Swagger tags the operations with the class name) and by resource.
@ApiTags('history')
@Controller()
@Roles(...READERS)
export class RecordHistoryController {
  constructor(private readonly history: RecordHistory) {}

  @Get('contacts/:id/history')
  @ApiTags('contacts')
  @ApiOperation({ summary: "A contact's changes, newest first", description: DESCRIPTION })
  @ApiOkResponse({ type: HistoryPageDto })
  @ApiProblems(400, 401, 403, 404)
  contact(
    @Tenant() tenant: string,
    @Param('id') id: string,
    @Query() query: HistoryQuery,
  ): Promise<Page<HistoryEntry>> {
    const stream = { tenant, id: contactStreamId(id) };
    return this.history.page(contactRecord(id), stream, query, ContactErrors.contactNotFound);
  }

  @Get('companies/:id/history')
  @ApiTags('companies')
  @ApiOperation({ summary: "A company's changes, newest first", description: DESCRIPTION })
  @ApiOkResponse({ type: HistoryPageDto })
  @ApiProblems(400, 401, 403, 404)
  company(
    @Tenant() tenant: string,
    @Param('id') id: string,
    @Query() query: HistoryQuery,
  ): Promise<Page<HistoryEntry>> {
    const stream = { tenant, id: companyStreamId(id) };
    return this.history.page(companyRecord(id), stream, query, CompanyErrors.companyNotFound);
  }
}
