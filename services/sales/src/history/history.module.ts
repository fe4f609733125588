import { Module } from '@nestjs/common';
import { RecordHistoryController } from './history.controller';

/** GET /<resource>/{id}/history for leads, opportunities, quotes, orders and activities. */
@Module({ controllers: [RecordHistoryController] })
export class HistoryModule {}
