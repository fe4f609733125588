/**
 * The customer's own view: a token whose subject is a contact id and whose role is `customer`
 * reads that contact's master data and consents, and may withdraw consent. Nothing else: the
 * contact id comes only from the verified token, never from the URL.
 */
import { Body, Controller, Get, Inject, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import {
  ApiProblems,
  CurrentUser,
  Roles,
  Tenant,
  type AuthenticatedUser,
  AggregateCommands,
  CLOCK,
  isoNow,
  type Clock,
} from '@crm/platform';
import {
  ConsentDecisionDto,
  ConsentView,
  CustomerConsentWithdrawalDto,
} from '../consent/consent.dto';
import { ConsentService } from '../consent/consent.service';
import { contactDecider } from '../contacts/contact.decider';
import { ContactView } from '../contacts/contact.dto';
import { assertReadable, contactStreamId, toContactView } from '../contacts/contact-view';
import { ContactErrors } from '../contacts/contact.errors';

export class CustomerProfileView {
  @ApiProperty({ type: ContactView }) contact!: ContactView;
  @ApiProperty({ type: ConsentView }) consent!: ConsentView;
}

@ApiTags('customer touchpoint')
@Controller('me')
@Roles('customer')
export class CustomerTouchpointController {
  constructor(
    private readonly aggregates: AggregateCommands,
    private readonly consent: ConsentService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOkResponse({ type: CustomerProfileView, description: 'What the CRM holds about the caller' })
  @ApiProblems(401, 403, 404, 410)
  @ApiOperation({ summary: 'Read my own profile (customer touchpoint)' })
  async profile(
    @Tenant() tenant: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<CustomerProfileView> {
    const { state, version } = await this.aggregates.load(
      contactDecider,
      tenant,
      contactStreamId(user.sub),
    );
    assertReadable(state);
    if (state.status === 'merged') {
      // The person's record lives on under the survivor's id; the customer's token still names the old one.
      const survivor = await this.aggregates.load(
        contactDecider,
        tenant,
        contactStreamId(state.survivorId!),
      );
      assertReadable(survivor.state);
      return {
        contact: toContactView(state.survivorId!, survivor.state, survivor.version),
        consent: await this.consent.view(tenant, state.survivorId!),
      };
    }
    return {
      contact: toContactView(user.sub.toLowerCase(), state, version),
      consent: await this.consent.view(tenant, user.sub.toLowerCase()),
    };
  }

  @Put('consent/:channel/withdrawal')
  @ApiOkResponse({ type: ConsentView, description: 'The channel is withdrawn at once' })
  @ApiProblems(400, 401, 403, 404, 409, 410, 422)
  @ApiOperation({ summary: 'Withdraw my consent for one channel (customer touchpoint)' })
  async withdraw(
    @Tenant() tenant: string,
    @CurrentUser() user: AuthenticatedUser,
    @Param('channel') channel: string,
    @Body() dto: CustomerConsentWithdrawalDto,
  ): Promise<ConsentView> {
    const decision: Pick<ConsentDecisionDto, 'status' | 'source' | 'reason'> = {
      status: 'withdrawn',
      source: 'customer-portal',
      reason: dto.reason,
    };
    const { state } = await this.aggregates.load(contactDecider, tenant, contactStreamId(user.sub));
    if (state.status === 'unregistered') throw ContactErrors.contactNotFound();
    const contactId = state.status === 'merged' ? state.survivorId! : user.sub.toLowerCase();
    return this.consent.decide({ tenant, actor: `customer:${user.sub}` }, contactId, channel, {
      ...decision,
      at: isoNow(this.clock),
    });
  }
}
