/** The sender: the message aggregate (the send ledger), send-time checks, batches through the channels (being built). */
import { Module } from '@nestjs/common';

@Module({})
export class SendingModule {}
