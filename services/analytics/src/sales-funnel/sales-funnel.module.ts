import { Module } from '@nestjs/common';
import { FunnelQueries } from './funnel.queries';
import { PerformanceQueries } from './performance.queries';
import { PipelineQueries } from './pipeline.queries';
import { ForecastAccuracyQueries } from './forecast-accuracy.queries';
import { SalesFunnelController } from './sales-funnel.controller';

/** The sales funnel, pipeline and forecast reports over the ingested lead and deal facts. */
@Module({
  controllers: [SalesFunnelController],
  providers: [FunnelQueries, PerformanceQueries, PipelineQueries, ForecastAccuracyQueries],
})
export class SalesFunnelModule {}
