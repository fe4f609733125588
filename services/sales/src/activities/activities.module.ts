import { Module } from '@nestjs/common';
import { ActivitiesController } from './activities.controller';
import { ActivityQueries } from './activity.queries';
import { ReminderScheduler } from './reminder-scheduler';

@Module({ controllers: [ActivitiesController], providers: [ActivityQueries, ReminderScheduler] })
export class ActivitiesModule {}
