/** Logging an interaction with a contact (and optionally other contacts who took part). */
import { Body, Controller, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiProblems,
  Caller,
  Roles,
  type CommandCaller,
  AggregateCommands,
  CLOCK,
  isoNow,
  setETag,
  type Clock,
} from '@crm/platform';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { contactDecider } from '../contacts/contact.decider';
import { contactStreamId } from '../contacts/contact-view';
import { WRITERS } from '../shared/roles';
import { interactionDecider } from './interaction.decider';
import { InteractionLoggedView, LogInteractionDto } from './interaction.dto';
import { toInteractionView } from './interaction-view';
import { ContactErrors } from '../contacts/contact.errors';

@ApiTags('interactions')
@Controller('contacts/:id/interactions')
@Roles(...WRITERS)
export class InteractionsController {
  constructor(
    private readonly aggregates: AggregateCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: InteractionLoggedView })
  @ApiProblems(400, 401, 403, 404, 409, 410, 422)
  @ApiOperation({ summary: 'Log an interaction (call, email, meeting, ...) with contacts' })
  async log(
    // A new interaction of its own: an If-Match (a contact's ETag) names no version of it.
    @Caller({ ifMatch: false }) caller: CommandCaller,
    @Param('id') id: string,
    @Body() dto: LogInteractionDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InteractionLoggedView> {
    const { otherContactIds = [], ...rest } = dto;
    const contactIds = [id, ...otherContactIds].map((c) => c.toLowerCase());
    for (const contactId of contactIds) await this.assertActive(caller.tenant, contactId);
    const interactionId = randomUUID();
    const logged = await this.aggregates.execute(
      interactionDecider,
      `interaction-${interactionId}`,
      {
        type: 'LogInteraction',
        data: {
          ...rest,
          interactionId,
          contactIds,
          userId: dto.userId ?? caller.actor,
          now: isoNow(this.clock),
        },
      },
      caller,
    );
    void reply.header('location', `/interactions/${interactionId}`);
    setETag(reply, logged.nextExpectedVersion);
    // The interaction as GET /interactions/{id} shows it; `interactionId` stays for older clients.
    return {
      ...toInteractionView(interactionId, logged.state, logged.nextExpectedVersion),
      interactionId,
    };
  }

  /** Interactions attach to living contacts only: not to unknown, merged-away or erased ones. */
  private async assertActive(tenant: string, contactId: string): Promise<void> {
    const { state } = await this.aggregates.load(
      contactDecider,
      tenant,
      contactStreamId(contactId),
    );
    if (state.status === 'unregistered') {
      throw ContactErrors.contactNotFound(contactId);
    }
    if (state.status === 'erased') throw ContactErrors.contactErased(contactId);
    if (state.status === 'merged') {
      throw ContactErrors.contactAlreadyMerged(state.survivorId, contactId);
    }
  }
}
