/**
 * Attribution: which campaign earned each order (attribution-rule.ts), decided by the
 * `campaigns.attribution` consumer of crm.sales.v1 on `conversion-<orderId>` streams, counted in
 * the `campaigns.attribution` projection (registered in campaigns-event-sourcing.ts).
 */
import { Module } from '@nestjs/common';
import { AttributionConfigModule } from './attribution.config';
import { AttributionConsumer } from './attribution.consumer';

@Module({
  imports: [AttributionConfigModule],
  // The consumer is a controller of the messaging transport.
  controllers: [AttributionConsumer],
})
export class AttributionModule {}
