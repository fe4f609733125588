import { Module } from '@nestjs/common';

/** The sales funnel, pipeline and forecast reports over the ingested lead and deal facts. */
@Module({})
export class SalesFunnelModule {}
