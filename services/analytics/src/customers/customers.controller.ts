/** The customer summary over HTTP, for front-ends (CRM screens, the customer 360 view). */
import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentUser, Roles, type AuthenticatedUser } from '@crm/platform';
import { REPORT_READERS } from '../shared/roles';
import { CustomerSummaryDto } from './customers.dto';
import { CustomerErrors } from './customers.errors';
import { CustomerQueries } from './customers.queries';

@ApiTags('customers')
@Controller('customers')
export class CustomersController {
  constructor(private readonly queries: CustomerQueries) {}

  @Get(':contactId')
  @Roles(...REPORT_READERS)
  @ApiOperation({
    summary: 'A customer summary',
    description:
      "Lifecycle, demographics, purchase statistics (the models' inputs: frequency, recency, age, spend), " +
      'holdings and campaign engagement, as analytics derived them from crm.contacts.v1, crm.sales.v1 ' +
      'and crm.campaigns.v1 (a moment behind those services). Scores, segment, CLV and recommendations ' +
      'are null until the models are fitted (`model.status`). 404: never heard of or merged away; ' +
      '410: erased.',
  })
  @ApiOkResponse({ type: CustomerSummaryDto })
  @ApiProblems(401, 403, 404, 410)
  async customer(
    @CurrentUser() user: AuthenticatedUser,
    @Param('contactId') contactId: string,
  ): Promise<CustomerSummaryDto> {
    const found = await this.queries.summary(user.tenant, contactId);
    if (found.found) return found.summary;
    throw found.erased ? CustomerErrors.customerErased() : CustomerErrors.customerNotFound();
  }
}
