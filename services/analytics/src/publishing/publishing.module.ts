/** crm.analytics.v1: scores and recommendations published through analytics' own event store and relay (being built). */
import { Module } from '@nestjs/common';

@Module({})
export class PublishingModule {}
