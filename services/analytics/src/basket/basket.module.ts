/** Market basket: association rules, bought together, next best offer (being built). */
import { Module } from '@nestjs/common';

@Module({})
export class BasketModule {}
