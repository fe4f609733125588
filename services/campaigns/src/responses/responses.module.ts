/** Responses: public open/click/unsubscribe endpoints and the bounce webhook (being built). */
import { Module } from '@nestjs/common';

@Module({})
export class ResponsesModule {}
