import { Body, Controller, Get, Inject, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiProblems,
  Caller,
  CLOCK,
  isoNow,
  Roles,
  Tenant,
  type Clock,
  type CommandCaller,
} from '@crm/platform';
import { READERS, WRITERS } from '../shared/roles';
import { ConsentDecisionDto, ConsentView } from './consent.dto';
import { ConsentService } from './consent.service';

@ApiTags('consent')
@Controller('contacts/:id/consent')
export class ConsentController {
  constructor(
    private readonly consent: ConsentService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({
    type: ConsentView,
    description: 'Current decision per channel and the full history',
  })
  @ApiProblems(401, 403, 404, 409, 410)
  @ApiOperation({ summary: "Read a contact's consent per channel, with its history" })
  async get(@Tenant() tenant: string, @Param('id') id: string): Promise<ConsentView> {
    await this.consent.assertContactAcceptsConsent(tenant, id);
    return this.consent.view(tenant, id);
  }

  @Put(':channel')
  @Roles(...WRITERS)
  @ApiOkResponse({ type: ConsentView })
  @ApiProblems(400, 401, 403, 404, 409, 410, 422)
  @ApiOperation({ summary: 'Record a consent decision (grant or withdrawal) for one channel' })
  decide(
    // Consent answers carry no ETag: there is no version for If-Match to name.
    @Caller({ ifMatch: false }) caller: CommandCaller,
    @Param('id') id: string,
    @Param('channel') channel: string,
    @Body() dto: ConsentDecisionDto,
  ): Promise<ConsentView> {
    return this.consent.decide(caller, id, channel, {
      status: dto.status,
      legalBasis: dto.legalBasis,
      source: dto.source,
      reason: dto.reason,
      at: dto.decidedAt ?? isoNow(this.clock),
    });
  }
}
