import { Module } from '@nestjs/common';

/** Delivery channels behind one port (SMTP email, HTTP SMS, a capture outbox). */
@Module({})
export class ChannelsModule {}
