import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiProblems,
  CurrentUser,
  IfMatch,
  Roles,
  setETag,
  type AuthenticatedUser,
  AggregateCommands,
} from '@crm/platform';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { accepted, callerOf, CommandAccepted, nowIso, SELLERS } from '../infrastructure/http';
import { STREAM } from '../infrastructure/streams';
import type { ActivityCommand } from './activity.commands';
import { activityDecider } from './activity.decider';
import {
  ActivityDto,
  CancelActivityDto,
  CompleteActivityDto,
  DueQueryDto,
  LogActivityDto,
  ReminderDto,
  RescheduleActivityDto,
} from './activity.dto';
import { ActivityQueries } from './activity.queries';
import { ActivityErrors } from './activity.errors';

@ApiTags('activities')
@Controller('activities')
export class ActivitiesController {
  constructor(
    private readonly commands: AggregateCommands,
    private readonly queries: ActivityQueries,
  ) {}

  @Post()
  @Roles(...SELLERS)
  @ApiOperation({
    summary: 'Log a sales call, meeting or task (scheduled, or already held with its outcome)',
  })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiProblems(400, 401, 403, 422)
  async log(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: LogActivityDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const activityId = randomUUID();
    const reminders = (dto.reminders ?? []).map((r) => ({
      reminderId: r.reminderId ?? randomUUID(),
      remindAt: r.remindAt,
    }));
    const result = await this.commands.execute(
      activityDecider,
      STREAM.activity(activityId),
      {
        type: 'LogActivity',
        data: {
          ...dto,
          activityId,
          assigneeId: dto.assigneeId ?? user.sub,
          reminders,
          at: nowIso(),
        },
      },
      callerOf(user),
    );
    return accepted(reply, activityId, result.nextExpectedVersion, `/activities/${activityId}`);
  }

  @Get('due')
  @ApiOperation({
    summary: 'Overdue and due-soon open activities of an assignee (default: the caller)',
  })
  @ApiOkResponse({ type: [ActivityDto] })
  @ApiProblems(400, 401)
  due(@CurrentUser() user: AuthenticatedUser, @Query() query: DueQueryDto): Promise<ActivityDto[]> {
    return this.queries.due(user.tenant, query.assigneeId ?? user.sub, query.withinHours ?? 24);
  }

  @Get(':activityId')
  @ApiOkResponse({ type: ActivityDto })
  @ApiProblems(401, 404)
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('activityId') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const activity = await this.queries.get(user.tenant, id);
    if (!activity) throw ActivityErrors.activityNotFound();
    setETag(reply, activity.version);
    return activity;
  }

  @Post(':activityId/complete')
  @HttpCode(200)
  @Roles(...SELLERS)
  @ApiOkResponse({ type: CommandAccepted })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  complete(
    @CurrentUser() user: AuthenticatedUser,
    @Param('activityId') id: string,
    @IfMatch() v: number | undefined,
    @Body() dto: CompleteActivityDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(user, id, v, reply, {
      type: 'CompleteActivity',
      data: { ...dto, at: nowIso() },
    });
  }

  @Post(':activityId/reschedule')
  @HttpCode(200)
  @Roles(...SELLERS)
  @ApiOperation({ summary: 'Move the due time; unfired reminders move with it' })
  @ApiOkResponse({ type: CommandAccepted })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  reschedule(
    @CurrentUser() user: AuthenticatedUser,
    @Param('activityId') id: string,
    @IfMatch() v: number | undefined,
    @Body() dto: RescheduleActivityDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(user, id, v, reply, {
      type: 'RescheduleActivity',
      data: { ...dto, at: nowIso() },
    });
  }

  @Post(':activityId/reminders')
  @HttpCode(200)
  @Roles(...SELLERS)
  @ApiOkResponse({ type: CommandAccepted })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422)
  addReminder(
    @CurrentUser() user: AuthenticatedUser,
    @Param('activityId') id: string,
    @IfMatch() v: number | undefined,
    @Body() dto: ReminderDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(user, id, v, reply, {
      type: 'AddReminder',
      data: { reminderId: dto.reminderId ?? randomUUID(), remindAt: dto.remindAt, at: nowIso() },
    });
  }

  @Post(':activityId/cancel')
  @HttpCode(200)
  @Roles(...SELLERS)
  @ApiOkResponse({ type: CommandAccepted })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  cancel(
    @CurrentUser() user: AuthenticatedUser,
    @Param('activityId') id: string,
    @IfMatch() v: number | undefined,
    @Body() dto: CancelActivityDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(user, id, v, reply, { type: 'CancelActivity', data: { ...dto, at: nowIso() } });
  }

  private async run(
    user: AuthenticatedUser,
    id: string,
    version: number | undefined,
    reply: FastifyReply,
    command: ActivityCommand,
  ): Promise<CommandAccepted> {
    const result = await this.commands.execute(
      activityDecider,
      STREAM.activity(id),
      command,
      callerOf(user, version),
    );
    return accepted(reply, id, result.nextExpectedVersion);
  }
}
