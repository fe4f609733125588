/** The audience over HTTP: what campaigns knows of a person, for a UI and to debug rules. */
import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentUser, Roles, type AuthenticatedUser } from '@crm/platform';
import { READERS } from '../shared/roles';
import { AudienceContactDto } from './audience.dto';
import { AudienceErrors } from './audience.errors';
import { AudienceQueries } from './audience.queries';

@ApiTags('audience')
@Controller('audience')
export class AudienceController {
  constructor(private readonly queries: AudienceQueries) {}

  @Get('contacts/:contactId')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'What campaigns knows of a person',
    description:
      'Profile, demographics, consent per channel, purchase summary, the latest orders and the deals, ' +
      'as the audience read model holds them (fed by crm.contacts.v1 and crm.sales.v1, so a moment ' +
      'behind those services). Segment rules are evaluated over exactly this record.',
  })
  @ApiOkResponse({ type: AudienceContactDto })
  @ApiProblems(401, 403, 404)
  async contact(
    @CurrentUser() user: AuthenticatedUser,
    @Param('contactId') contactId: string,
  ): Promise<AudienceContactDto> {
    const view = await this.queries.contact(user.tenant, contactId);
    if (!view) throw AudienceErrors.audienceContactNotFound();
    return view;
  }
}
