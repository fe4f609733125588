/** Lists and search over the directory read model (eventually consistent with the log). */
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Roles, Tenant } from '@crm/platform';
import { READERS } from '../shared/roles';
import { ContactListQuery } from './contact-list.query';
import {
  ContactPage,
  ContactSummary,
  ListContactsQuery,
  SearchContactsQuery,
} from './directory.dto';

@ApiTags('contacts')
@Controller('contacts')
@Roles(...READERS)
export class ContactsQueryController {
  constructor(private readonly contacts: ContactListQuery) {}

  @Get()
  @ApiOkResponse({ type: ContactPage })
  @ApiProblems(400, 401, 403)
  @ApiOperation({ summary: 'List contacts, filtered and sorted, in signed cursor pages' })
  list(@Tenant() tenant: string, @Query() query: ListContactsQuery): Promise<ContactPage> {
    return this.contacts.list(tenant, query);
  }

  @Get('search')
  @ApiOkResponse({ type: [ContactSummary] })
  @ApiProblems(400, 401, 403)
  @ApiOperation({ summary: 'Search contacts by free text' })
  search(@Tenant() tenant: string, @Query() query: SearchContactsQuery): Promise<ContactSummary[]> {
    return this.contacts.search(tenant, query.q, query.limit);
  }
}
