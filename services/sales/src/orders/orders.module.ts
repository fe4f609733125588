import { Module } from '@nestjs/common';
import { CancelledOrderDeal } from './cancelled-order-deal';
import { OrderQueries } from './order.queries';
import { OrdersController } from './orders.controller';
import { OrderImportsModule } from './import/order-imports.module';

@Module({
  imports: [OrderImportsModule],
  controllers: [OrdersController],
  providers: [OrderQueries, CancelledOrderDeal],
})
export class OrdersModule {}
