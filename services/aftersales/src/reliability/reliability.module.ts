/** The reliability report over the assets and their failure cases. */
import { Module } from '@nestjs/common';
import { ReliabilityController } from './reliability.controller';
import { ReliabilityQueries } from './reliability.queries';

@Module({
  controllers: [ReliabilityController],
  providers: [ReliabilityQueries],
  exports: [ReliabilityQueries],
})
export class ReliabilityModule {}
