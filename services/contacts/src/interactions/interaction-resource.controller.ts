/**
 * One logged interaction as a resource: read it (ETag = stream version), correct it with a JSON
 * Merge Patch (If-Match), delete it. The timeline follows through its projection; corrections
 * and deletions are published on crm.contacts.v1 like the log itself.
 */
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Patch,
  Res,
  type OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import {
  ApiConsumes,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  AggregateCommands,
  ApiProblems,
  Caller,
  CLOCK,
  isoNow,
  resourceCommands,
  Roles,
  setETag,
  Tenant,
  type Clock,
  type CommandCaller,
  type ResourceCommands,
} from '@crm/platform';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { acceptMergePatchJson, MERGE_PATCH_JSON } from '../shared/merge-patch-content-type';
import { READERS, WRITERS } from '../shared/roles';
import type { InteractionCommand } from './interaction.commands';
import { interactionDecider } from './interaction.decider';
import { CorrectInteractionDto, InteractionView } from './interaction.dto';
import {
  assertInteractionReadable,
  interactionStreamId,
  toInteractionView,
} from './interaction-view';

@ApiTags('interactions')
@Controller('interactions')
@Roles(...WRITERS)
export class InteractionResourceController implements OnModuleInit {
  private readonly commands: ResourceCommands<InteractionCommand, InteractionView>;

  constructor(
    private readonly aggregates: AggregateCommands,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
  ) {
    this.commands = resourceCommands(aggregates, {
      decider: interactionDecider,
      streamOf: interactionStreamId,
      fromState: toInteractionView,
    });
  }

  onModuleInit(): void {
    acceptMergePatchJson(this.adapterHost.httpAdapter.getInstance<FastifyInstance>());
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Read one interaction' })
  @ApiOkResponse({ type: InteractionView, description: 'ETag = version' })
  @ApiProblems(401, 403, 404, 410)
  async get(
    @Tenant() tenant: string,
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InteractionView> {
    const { state, version } = await this.aggregates.load(
      interactionDecider,
      tenant,
      interactionStreamId(id),
    );
    assertInteractionReadable(state);
    setETag(reply, version);
    return toInteractionView(id, state, version);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Correct an interaction (JSON Merge Patch, RFC 7396)',
    description:
      'Members left out stay, `null` removes an optional one, `call` and `feedback` merge into ' +
      'the current details; the result is checked like a new log (not in the future, call ' +
      'details on calls only). A new `kind` without `channel` takes that kind`s default channel. ' +
      'Participants are not corrected here. Nothing changed: 200 and no new version.',
  })
  @ApiConsumes('application/json', MERGE_PATCH_JSON)
  @ApiOkResponse({ type: InteractionView })
  @ApiProblems(400, 401, 403, 404, 410, 412, 422)
  correct(
    @Caller() caller: CommandCaller,
    @Param('id') id: string,
    @Body() dto: CorrectInteractionDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InteractionView> {
    return this.commands.run(caller, id, reply, {
      type: 'CorrectInteraction',
      data: { patch: dto, now: isoNow(this.clock) },
    });
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an interaction logged by mistake (it leaves the timeline)' })
  @ApiNoContentResponse({ description: 'Deleted; later reads answer 410' })
  @ApiProblems(401, 403, 404, 410, 412)
  async delete(@Caller() caller: CommandCaller, @Param('id') id: string): Promise<void> {
    await this.aggregates.execute(
      interactionDecider,
      interactionStreamId(id),
      { type: 'DeleteInteraction', data: {} },
      caller,
    );
  }
}
