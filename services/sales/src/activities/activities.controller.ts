import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiProblems,
  answerRead,
  Caller,
  CurrentUser,
  Roles,
  resourceCommands,
  type AuthenticatedUser,
  type CommandAnswer,
  type CommandCaller,
  type ResourceCommands,
  AggregateCommands,
  CLOCK,
  isoNow,
  wholePage,
  type Clock,
  AsOfQuery,
  RecordHistory,
} from '@crm/platform';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { KnownReferences } from '../contact-directory/known-references';
import { READERS, SELLERS } from '../shared/roles';
import { STREAM } from '../infrastructure/streams';
import type { ActivityCommand } from './activity.commands';
import { activityDecider } from './activity.decider';
import {
  ActivityDto,
  ActivityPage,
  CancelActivityDto,
  CompleteActivityDto,
  DueActivityPage,
  DueQueryDto,
  ListActivitiesQuery,
  LogActivityDto,
  ReminderDto,
  RescheduleActivityDto,
} from './activity.dto';
import { ActivityQueries } from './activity.queries';
import { ActivityErrors } from './activity.errors';
import { activityRecord } from '../history/record-histories';

@ApiTags('activities')
@Controller('activities')
export class ActivitiesController {
  private readonly activityCommands: ResourceCommands<ActivityCommand, CommandAnswer<ActivityDto>>;

  constructor(
    commands: AggregateCommands,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly queries: ActivityQueries,
    private readonly references: KnownReferences,
    private readonly history: RecordHistory,
  ) {
    this.activityCommands = resourceCommands(commands, {
      decider: activityDecider,
      streamOf: STREAM.activity,
      read: (tenant, id) => queries.get(tenant, id, clock.now()),
      access: {
        record: 'activity',
        holders: (s) => (s.exists ? [s.details?.assigneeId] : undefined),
      },
    });
  }

  @Post()
  @Roles(...SELLERS)
  @ApiOperation({
    summary: 'Log a sales call, meeting or task (scheduled, or already held with its outcome)',
  })
  @ApiCreatedResponse({
    type: ActivityDto,
    description: 'The new activity; ETag = version, Location',
  })
  @ApiProblems(400, 401, 403, 422)
  async log(
    @Caller() caller: CommandCaller,
    @Body() dto: LogActivityDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<ActivityDto>> {
    const { contactId, leadId, opportunityId } = dto;
    await this.references.assertKnown(caller.tenant, { contactId, leadId, opportunityId });
    const activityId = randomUUID();
    const reminders = (dto.reminders ?? []).map((r) => ({
      reminderId: r.reminderId ?? randomUUID(),
      remindAt: r.remindAt,
    }));
    return this.activityCommands.create(
      caller,
      activityId,
      reply,
      {
        type: 'LogActivity',
        data: {
          ...dto,
          activityId,
          assigneeId: dto.assigneeId ?? caller.actor,
          reminders,
          at: isoNow(this.clock),
        },
      },
      `/activities/${activityId}`,
    );
  }

  @Get()
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Activities of a contact, deal or lead (filters combine), newest first, keyset pages',
  })
  @ApiOkResponse({ type: ActivityPage })
  @ApiProblems(400, 401, 403)
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListActivitiesQuery,
  ): Promise<ActivityPage> {
    return this.queries.list(user.tenant, query, this.clock.now());
  }

  @Get('due')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Overdue and due-soon open activities of an assignee (default: the caller)',
  })
  @ApiOkResponse({ type: DueActivityPage })
  @ApiProblems(400, 401)
  async due(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: DueQueryDto,
  ): Promise<DueActivityPage> {
    return wholePage(
      await this.queries.due(
        user.tenant,
        query.assigneeId ?? user.sub,
        query.withinHours ?? 24,
        this.clock.now(),
      ),
    );
  }

  @Get(':activityId')
  @Roles(...READERS)
  @ApiOkResponse({ type: ActivityDto })
  @ApiProblems(400, 401, 404)
  @ApiOperation({
    summary: 'Read one activity',
    description:
      '`asOf`: the record as it stood at that instant (no ETag); 404 if it did not exist yet, 400 naming asOf if malformed.',
  })
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('activityId') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query() query: AsOfQuery,
  ) {
    if (query.asOf !== undefined) {
      const stream = { tenant: user.tenant, id: STREAM.activity(id) };
      return this.history.asOf(
        activityRecord(new Date(query.asOf)),
        stream,
        query.asOf,
        ActivityErrors.activityNotFound,
      );
    }
    return answerRead(
      reply,
      await this.queries.get(user.tenant, id, this.clock.now()),
      ActivityErrors.activityNotFound,
    );
  }

  @Post(':activityId/complete')
  @HttpCode(200)
  @Roles(...SELLERS)
  @ApiOkResponse({ type: ActivityDto })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  @ApiOperation({ summary: 'Complete an activity, recording its outcome' })
  complete(
    @Caller() caller: CommandCaller,
    @Param('activityId') id: string,
    @Body() dto: CompleteActivityDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<ActivityDto>> {
    return this.activityCommands.run(caller, id, reply, {
      type: 'CompleteActivity',
      data: { ...dto, at: isoNow(this.clock) },
    });
  }

  @Post(':activityId/reschedule')
  @HttpCode(200)
  @Roles(...SELLERS)
  @ApiOperation({ summary: 'Move the due time; unfired reminders move with it' })
  @ApiOkResponse({ type: ActivityDto })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  reschedule(
    @Caller() caller: CommandCaller,
    @Param('activityId') id: string,
    @Body() dto: RescheduleActivityDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<ActivityDto>> {
    return this.activityCommands.run(caller, id, reply, {
      type: 'RescheduleActivity',
      data: { ...dto, at: isoNow(this.clock) },
    });
  }

  @Post(':activityId/reminders')
  @HttpCode(200)
  @Roles(...SELLERS)
  @ApiOkResponse({ type: ActivityDto })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  @ApiOperation({ summary: 'Add a reminder to an activity' })
  addReminder(
    @Caller() caller: CommandCaller,
    @Param('activityId') id: string,
    @Body() dto: ReminderDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<ActivityDto>> {
    return this.activityCommands.run(caller, id, reply, {
      type: 'AddReminder',
      data: {
        reminderId: dto.reminderId ?? randomUUID(),
        remindAt: dto.remindAt,
        at: isoNow(this.clock),
      },
    });
  }

  @Post(':activityId/cancel')
  @HttpCode(200)
  @Roles(...SELLERS)
  @ApiOkResponse({ type: ActivityDto })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  @ApiOperation({ summary: 'Cancel an activity' })
  cancel(
    @Caller() caller: CommandCaller,
    @Param('activityId') id: string,
    @Body() dto: CancelActivityDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer<ActivityDto>> {
    return this.activityCommands.run(caller, id, reply, {
      type: 'CancelActivity',
      data: { ...dto, at: isoNow(this.clock) },
    });
  }
}
