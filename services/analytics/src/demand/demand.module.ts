/** Demand forecast per product and price band: Holt-Winters, intervals, backtest (being built). */
import { Module } from '@nestjs/common';

@Module({})
export class DemandModule {}
