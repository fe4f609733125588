import { Module } from '@nestjs/common';
import { OrderQueries } from './order.queries';
import { OrdersController } from './orders.controller';

@Module({ controllers: [OrdersController], providers: [OrderQueries] })
export class OrdersModule {}
